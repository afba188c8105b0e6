package dev.arrears.domain.contact;

/** How a customer was reached. Every channel counts towards the gap and the cap alike. */
public enum ContactChannel {
    EMAIL, PHONE, LETTER, IN_PERSON, OTHER
}
