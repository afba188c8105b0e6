package dev.arrears.domain.statutory;

/** How a part payment made while interest runs is split between accrued interest and principal. */
public enum PaymentAllocation {
    /** The whole payment lowers the principal from the day after it was made (UK: no statutory rule). */
    PRINCIPAL_FIRST,
    /**
     * The payment settles the interest accrued up to its day first and only the rest lowers the
     * principal (§ 367(1) BGB, Code civil 1343-1), so interest keeps running on a higher principal.
     */
    INTEREST_FIRST
}
