package dev.arrears.application.forecast;

import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing the policy would do (or deliberately not do) to one invoice on one day.
 *
 * @param stage   the stage that planned it, or the engine's purpose word for actions outside the ladder
 * @param amount  the fee, for late fees only
 * @param detail  the template, the note, the fee's computation, the flag's reason, or why a stage was skipped
 * @param reasons the engine's explanation of the whole decision for this invoice that day
 */
public record ForecastLine(LocalDate date, String invoiceNumber, String customerName, String stage, Kind kind,
                           Optional<Money> amount, String detail, List<String> reasons) {

    public enum Kind {
        REMINDER("reminder"),
        NOTE("note"),
        LATE_FEE("late fee"),
        FLAG("flag"),
        /** A stage asked for a late fee and none was charged that day (grace days, no amount for the currency, a cap...). */
        FEE_NOT_CHARGED("no fee"),
        /** A hold, dispute, promise or payment plan starts to pause chasing (pending actions are cancelled). */
        PAUSED("paused"),
        /** Nothing pauses the invoice any more: chasing resumes at the stage due that day. */
        RESUMED("resumed"),
        /** A promise to pay was judged the day after its date: kept or broken (recorded on the customer). */
        PROMISE("promise"),
        /** A reminder the send rules (window, public holidays, minimum gap, cap) hold back to a later day. */
        DEFERRED("deferred"),
        /** A payment from the events file. */
        PAYMENT("payment"),
        /** Passed over by catch-up: recorded, never sent. */
        SKIPPED_STAGE("skipped"),
        /** The engine refused this invoice (bad data); it is left out of the rest of the forecast. */
        ERROR("error");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ForecastLine {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(customerName, "customerName");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(detail, "detail");
        reasons = List.copyOf(reasons);
    }
}
