package dev.arrears.domain.collections;

/** How a dispute ended. Chasing resumes either way; the outcome is kept for the debt's history. */
public enum DisputeOutcome {
    /** The customer was right; a credit note or a corrected invoice follows (which usually settles it). */
    UPHELD,
    /** The customer was wrong: the invoice stands as it is. */
    REJECTED,
    /** Part of the claim was accepted (a partial credit), the rest stands. */
    PARTLY_UPHELD,
    /** The customer dropped it. */
    WITHDRAWN;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
