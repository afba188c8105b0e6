package dev.arrears.domain.dunning;

import dev.arrears.domain.policy.StableKey;
import java.util.Objects;

/**
 * The deterministic identity of one planned action: the same invoice, stage (or fee period) and
 * kind always give the same key, so re-running a decision can never plan the same action twice.
 * Unique in the outbox; carried to the ledger as the idempotency key and, for late fees, in the
 * fee invoice's reference so that a write whose outcome was lost can be found again.
 */
public record ActionKey(String value) {

    /** The last part of the keys of actions that settle what accrued up to a full payment (SQL matches it too). */
    public static final String FULL_PAYMENT = "on-full-payment";
    /** The last part of the key of the policy's thank-you note (SQL matches it too). */
    public static final String THANK_YOU = "thank-you";

    public ActionKey {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException("an action key must be 1 to 200 characters: '" + value + "'");
        }
    }

    /**
     * Stage actions: {@code org:invoice:stage:<stage key>:<kind>:<index>}. The stage's key ({@code Stage.key()}) is
     * already a slug; a stage name given here is slugged, which is the default key of an ASCII name.
     */
    public static ActionKey forStage(String organisationId, String invoiceId, String stageKey, String kind, int index) {
        return new ActionKey(String.join(":", organisationId, invoiceId, "stage", slug(stageKey), kind, Integer.toString(index)));
    }

    /** Late fees: {@code org:invoice:fee:<rule key>:<period>}. One period of one rule is charged at most once. */
    public static ActionKey forFee(String organisationId, String invoiceId, String ruleKey, int period) {
        return new ActionKey(String.join(":", organisationId, invoiceId, "fee", slug(ruleKey), "p" + period));
    }

    /**
     * What a fee rule accrued and did not charge up to a full payment: {@code org:invoice:fee:<rule key>:on-full-payment}.
     * Charged at most once per invoice and rule, beside the rule's periods.
     */
    public static ActionKey forFullPayment(String organisationId, String invoiceId, String ruleKey) {
        return new ActionKey(String.join(":", organisationId, invoiceId, "fee", slug(ruleKey), FULL_PAYMENT));
    }

    /** The one task for a person about what accrued up to a full payment: {@code org:invoice:on-full-payment}. */
    public static ActionKey forFullPaymentTask(String organisationId, String invoiceId) {
        return forInvoice(organisationId, invoiceId, FULL_PAYMENT);
    }

    /**
     * Whether this action settles what accrued up to a full payment, or thanks for it. Such an action exists because the invoice is paid,
     * so "the invoice is paid" must not cancel it, as it cancels every other action of the invoice. No other key ends so:
     * stage keys end in a position, fee keys in {@code p<period>}, and other purposes are words of the code.
     */
    public boolean followsFullPayment() {
        return value.endsWith(":" + FULL_PAYMENT) || isThankYou();
    }

    /** The thank-you note for an invoice paid in full after being chased: {@code org:invoice:thank-you}. */
    public static ActionKey forThankYou(String organisationId, String invoiceId) {
        return forInvoice(organisationId, invoiceId, THANK_YOU);
    }

    /** Whether this is a thank-you note's key: it goes only while the invoice is paid, and "paid" never cancels it. */
    public boolean isThankYou() {
        return value.endsWith(":" + THANK_YOU);
    }

    /** Actions that are not tied to a stage, such as flagging a missing due date. */
    public static ActionKey forInvoice(String organisationId, String invoiceId, String purpose) {
        return new ActionKey(String.join(":", organisationId, invoiceId, slug(purpose)));
    }

    /**
     * Payment plan messages: {@code org:plan:<plan>:i<instalment>:<kind>}. Keyed by the plan, not by an
     * invoice, so a plan covering three invoices sends one courtesy reminder, not three.
     */
    public static ActionKey forPlan(String organisationId, String planId, int instalment, String kind) {
        return new ActionKey(String.join(":", organisationId, "plan", slug(planId), "i" + instalment, slug(kind)));
    }

    private static String slug(String text) {
        return StableKey.slug(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
