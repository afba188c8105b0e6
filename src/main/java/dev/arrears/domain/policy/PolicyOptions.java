package dev.arrears.domain.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * Policy settings outside the ladder, each with a default, so a policy file that says nothing about
 * them keeps working.
 *
 * @param thankYouTemplate               when present, a note with this template once an invoice that was
 *                                       being chased is paid in full (not when voided or deleted); off by default
 * @param courtesyDaysBeforeInstalment   how many days before each instalment of a payment plan the courtesy reminder goes (0 = on the day)
 * @param courtesyTemplate               the template of that reminder
 * @param missedInstalmentTemplate       the template of the reminder the day after a missed instalment
 * @param flagMissedInstalmentAfterDays  days after a missed instalment at which a person is asked to decide on the plan
 * @param attachInvoicePdf               whether a reminder email carries the ledger's PDF of the invoice (on by default)
 */
public record PolicyOptions(Optional<String> thankYouTemplate, int courtesyDaysBeforeInstalment, String courtesyTemplate,
                            String missedInstalmentTemplate, int flagMissedInstalmentAfterDays, boolean attachInvoicePdf) {

    public static final PolicyOptions DEFAULTS = new PolicyOptions(Optional.empty(), 3, "instalment-courtesy",
            "instalment-missed", 7, true);

    public PolicyOptions {
        Objects.requireNonNull(thankYouTemplate, "thankYouTemplate");
        Objects.requireNonNull(courtesyTemplate, "courtesyTemplate");
        Objects.requireNonNull(missedInstalmentTemplate, "missedInstalmentTemplate");
        if (courtesyDaysBeforeInstalment < 0 || courtesyDaysBeforeInstalment > 60) {
            throw new IllegalArgumentException("courtesy reminders go 0 to 60 days before an instalment, was " + courtesyDaysBeforeInstalment);
        }
        if (flagMissedInstalmentAfterDays < 1) {
            throw new IllegalArgumentException("a missed instalment is flagged at least 1 day after it, was " + flagMissedInstalmentAfterDays);
        }
        thankYouTemplate.ifPresent(t -> {
            if (t.isBlank()) {
                throw new IllegalArgumentException("the thank-you template needs a name");
            }
        });
    }

    public PolicyOptions withThankYou(String template) {
        return new PolicyOptions(Optional.of(template), courtesyDaysBeforeInstalment, courtesyTemplate,
                missedInstalmentTemplate, flagMissedInstalmentAfterDays, attachInvoicePdf);
    }

    public PolicyOptions withInvoicePdf(boolean attach) {
        return new PolicyOptions(thankYouTemplate, courtesyDaysBeforeInstalment, courtesyTemplate, missedInstalmentTemplate,
                flagMissedInstalmentAfterDays, attach);
    }

    public PolicyOptions withInstalmentReminders(int courtesyDaysBefore, String courtesy, String missed, int flagAfterDays) {
        return new PolicyOptions(thankYouTemplate, courtesyDaysBefore, courtesy, missed, flagAfterDays, attachInvoicePdf);
    }
}
