package dev.arrears.domain.policy;

/**
 * What a fee rule does with what accrued but was not charged when the invoice is paid in full after
 * its due date: interest from the day after its last charge through the payment day, and a statutory
 * compensation not yet charged (under the UK Act it is owed once statutory interest begins to run,
 * s.5A(1), whether or not the stage that charges it was reached). Fixed and percentage fees accrue
 * nothing: they are charged at their stage or not at all, so this choice does not apply to them.
 */
public enum OnFullPayment {

    /** One final late-fee invoice per rule, for what accrued up to the payment day. */
    FINAL_INVOICE("final_invoice"),
    /** A task for a person with the amounts and how each was computed; nothing is written by itself. */
    TASK("task"),
    /** Nothing is charged; the decision (and so the audit trail) says what was waived. */
    WAIVE("waive");

    /** A person decides unless the policy says otherwise: charging a paid customer is a judgement call. */
    public static final OnFullPayment DEFAULT = TASK;

    private final String word;

    OnFullPayment(String word) {
        this.word = word;
    }

    /** As written in a policy file. */
    public String word() {
        return word;
    }
}
