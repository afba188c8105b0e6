package dev.arrears.connector.xero;

import java.util.Optional;

/**
 * The shapes Xero gives the late-fee codes an accountant chooses: an account code is at most 10
 * letters, digits and a few separators; a tax type is an upper-case code such as OUTPUT2 or TAX001;
 * an item code is at most 30 characters. Quotes and backslashes are refused outright (they are also
 * escaped when the codes go into a {@code where} filter).
 */
final class LateFeeCodes {

    private LateFeeCodes() {
    }

    static Optional<String> firstMalformed(XeroResources.LateFeeChoice choice) {
        if (!fits(choice.accountCode(), "[A-Za-z0-9 ._-]{1,10}")) {
            return Optional.of("accountCode must be a Xero account code: up to 10 letters, digits, spaces, '.', '_' or '-'");
        }
        if (!fits(choice.taxType(), "[A-Za-z0-9_]{1,50}")) {
            return Optional.of("taxType must be a Xero tax type such as OUTPUT2 or TAX001");
        }
        if (!fits(choice.itemCode(), "[^\"\\\\\\p{Cntrl}]{1,30}")) {
            return Optional.of("itemCode must be a Xero item code: up to 30 characters, without quotes or backslashes");
        }
        return Optional.empty();
    }

    /** Absent or blank means "no change"; anything else must have the shape. */
    private static boolean fits(String value, String shape) {
        return value == null || value.isBlank() || value.strip().matches(shape);
    }
}
