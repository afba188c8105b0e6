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
