package dev.arrears.domain.contact;

/** Who made a contact: Arrears itself, or a person who recorded it by hand. */
public enum ContactOrigin {
    AUTOMATIC, MANUAL
}
