package dev.arrears.files.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.domain.policy.PolicyOptions;
import java.util.List;
import java.util.Optional;

/**
 * Reads the policy settings outside the ladder: {@code thank_you: <template>},
 * {@code attach_invoice_pdf: true|false} and the {@code payment_plans} reminders. Every template they name, given or defaulted, must exist, so a
 * plan's first courtesy reminder cannot fail weeks after start-up for a missing file.
 */
final class OptionsReader {

    static final List<String> PLAN_FIELDS = List.of("courtesy_days_before", "courtesy_reminder", "missed_reminder",
            "flag_missed_after_days");

    private final YamlFields fields;
    private final PolicyReferences references;

    OptionsReader(YamlFields fields, PolicyReferences references) {
        this.fields = fields;
        this.references = references;
    }

    /** The options the tree says, on top of {@code base} (the defaults, or a parent policy's options). */
    Optional<PolicyOptions> read(JsonNode root, PolicyOptions base) {
        PolicyOptions options = base;
        boolean ok = true;
        if (root.hasNonNull("thank_you")) {
            Optional<String> template = fields.text(root, "", "thank_you", false);
            ok &= template.isPresent();
            if (template.isPresent()) {
                options = options.withThankYou(template.get());
            }
        }
        if (root.has("attach_invoice_pdf")) {
            JsonNode attach = root.get("attach_invoice_pdf");
            if (attach.isBoolean()) {
                options = options.withInvoicePdf(attach.booleanValue());
            } else {
                fields.problem("attach_invoice_pdf", "must be true or false, got " + attach);
                ok = false;
            }
        }
        if (root.has("payment_plans")) {
            JsonNode plans = root.get("payment_plans");
            if (!fields.isMapping(plans, "payment_plans", "payment plan settings with any of: " + String.join(", ", PLAN_FIELDS))) {
                return Optional.empty();
            }
            fields.onlyKeys(plans, "payment_plans", PLAN_FIELDS);
            Optional<Integer> before = fields.wholeNumber(plans, "payment_plans", "courtesy_days_before", false, 0, "3");
            Optional<String> courtesy = fields.text(plans, "payment_plans", "courtesy_reminder", false);
            Optional<String> missed = fields.text(plans, "payment_plans", "missed_reminder", false);
            Optional<Integer> flagAfter = fields.wholeNumber(plans, "payment_plans", "flag_missed_after_days", false, 1, "7");
            ok &= present(plans, "courtesy_days_before", before) & present(plans, "courtesy_reminder", courtesy)
                    & present(plans, "missed_reminder", missed) & present(plans, "flag_missed_after_days", flagAfter);
            if (before.isPresent() && before.get() > 60) {
                fields.problem("payment_plans.courtesy_days_before", "must be at most 60, got " + before.get());
                ok = false;
            }
            if (ok) {
                options = options.withInstalmentReminders(before.orElse(options.courtesyDaysBeforeInstalment()),
                        courtesy.orElse(options.courtesyTemplate()), missed.orElse(options.missedInstalmentTemplate()),
                        flagAfter.orElse(options.flagMissedInstalmentAfterDays()));
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        String thankYouField = root.hasNonNull("thank_you") ? "thank_you" : "";
        boolean known = options.thankYouTemplate().map(t -> template(t, thankYouField, root.hasNonNull("thank_you"))).orElse(true)
                & template(options.courtesyTemplate(), "payment_plans.courtesy_reminder", root.path("payment_plans").hasNonNull("courtesy_reminder"))
                & template(options.missedInstalmentTemplate(), "payment_plans.missed_reminder", root.path("payment_plans").hasNonNull("missed_reminder"));
        return known ? Optional.of(options) : Optional.empty();
    }

    private boolean template(String name, String field, boolean written) {
        Optional<java.util.Set<String>> known = references.reminderTemplates();
        if (known.isEmpty() || known.get().contains(name)) {
            return true;
        }
        String where = written ? field : "";
        String what = written ? "'" + name + "'" : field + " uses the default template '" + name + "', which";
        fields.problem(where, what + " is not a reminder template in " + references.templatesDir() + "; expected one of: "
                + String.join(", ", known.get()) + (written ? "" : " (add " + name + ".txt, or name another template)"));
        return false;
    }

    private static boolean present(JsonNode node, String key, Optional<?> value) {
        return !node.hasNonNull(key) || value.isPresent();
    }
}
