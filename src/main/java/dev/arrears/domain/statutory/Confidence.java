package dev.arrears.domain.statutory;

/**
 * How sure the compiler of a rate table was of one row (legend of RULES.md): high = two or more
 * independent sources agree; medium = consistent secondary captures of a primary text; low = a
 * single weak source or an inference. Kept with the row so a fee line can be traced to it.
 */
public enum Confidence {
    HIGH, MEDIUM, LOW
}
