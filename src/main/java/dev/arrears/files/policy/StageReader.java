package dev.arrears.files.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.domain.policy.ActionSpec;
import dev.arrears.domain.policy.ReminderChannel;
import dev.arrears.domain.policy.StableKey;
import dev.arrears.domain.policy.Stage;
import dev.arrears.domain.policy.StageCondition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one entry of {@code stages} into a {@link Stage}. Fee rule references are checked against
 * the ids the policy defines, so a typo is reported at the action that has it.
 */
final class StageReader {

    static final List<String> FIELDS = List.of("name", "key", "day", "when", "actions", "review_after_days", "document", "channel");
    static final List<String> CONDITIONS = List.of("min_amount_due");
    static final List<String> ACTIONS = List.of("reminder", "note", "late_fee", "flag");
    /** Documents a stage can produce; the names are also the names of their templates. */
    static final List<String> DOCUMENTS = List.of("demand-letter", "case-file");

    private final YamlFields fields;
    private final Set<String> feeRuleIds;
    private final PolicyReferences references;

    StageReader(YamlFields fields, Set<String> feeRuleIds, PolicyReferences references) {
        this.fields = fields;
        this.feeRuleIds = feeRuleIds;
        this.references = references;
    }

    Optional<Stage> read(JsonNode node, String path) {
        if (!fields.isMapping(node, path, "a stage with name, day and actions")) {
            return Optional.empty();
        }
        fields.onlyKeys(node, path, FIELDS);
        Optional<String> name = fields.text(node, path, "name", true);
        Optional<Integer> day = fields.signedWholeNumber(node, path, "day", "-3 (before the due date) or 14 (after it)");
        Optional<List<StageCondition>> conditions = node.has("when")
                ? conditions(node.get("when"), YamlFields.child(path, "when"))
                : Optional.of(List.of());
        Optional<List<ActionSpec>> actions = actions(node, path);
        Optional<Integer> review = fields.wholeNumber(node, path, "review_after_days", false, 1, "7");
        boolean reviewBad = node.hasNonNull("review_after_days") && review.isEmpty();
        boolean documentBad = node.hasNonNull("document") && document(node, path).isEmpty();
        Optional<String> key = KeyField.written(fields, node, path);
        Optional<ReminderChannel> channel = channel(node, path);
        boolean channelBad = node.hasNonNull("channel") && channel.isEmpty();
        if (channelBad || documentBad || name.isEmpty() || day.isEmpty() || conditions.isEmpty() || actions.isEmpty() || reviewBad
                || KeyField.bad(node, key)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Stage(name.get(), day.get(), conditions.get(), actions.get(), review,
                    key.orElseGet(() -> StableKey.defaultFor(name.get())), channel));
        } catch (IllegalArgumentException e) {
            fields.problem(path, e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code min_amount_due: 10.00} compares the bare number; {@code { GBP: 10, JPY: 1500 }} is per currency. */
    private Optional<List<StageCondition>> conditions(JsonNode node, String path) {
        if (!fields.isMapping(node, path, "conditions such as { min_amount_due: 10.00 }")) {
            return Optional.empty();
        }
        fields.onlyKeys(node, path, CONDITIONS);
        if (!node.hasNonNull("min_amount_due")) {
            return Optional.of(List.of());
        }
        JsonNode minimum = node.get("min_amount_due");
        String field = YamlFields.child(path, "min_amount_due");
        if (minimum.isObject()) {
            Optional<Map<Currency, BigDecimal>> amounts = fields.amountsByCurrency(minimum, field, true);
            return amounts.map(byCurrency -> byCurrency.entrySet().stream()
                    .<StageCondition>map(e -> new StageCondition.MinimumAmountDue(e.getValue(), Optional.of(e.getKey())))
                    .toList());
        }
        return fields.number(minimum, field, true, null, "10.00 or { GBP: 10.00, JPY: 1500 }")
                .map(amount -> List.of(new StageCondition.MinimumAmountDue(amount, Optional.empty())));
    }

    private Optional<List<ActionSpec>> actions(JsonNode node, String path) {
        String what = "actions, each one of: " + String.join(", ", ACTIONS);
        Optional<List<JsonNode>> items = fields.list(node, path, "actions", true, what);
        String field = YamlFields.child(path, "actions");
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (items.get().isEmpty()) {
            fields.problem(field, "a stage needs at least one action; expected a list of " + what);
            return Optional.empty();
        }
        List<ActionSpec> actions = new ArrayList<>();
        for (int i = 0; i < items.get().size(); i++) {
            action(items.get().get(i), YamlFields.element(field, i)).ifPresent(actions::add);
        }
        return actions.size() == items.get().size() ? Optional.of(actions) : Optional.empty();
    }

    private Optional<ActionSpec> action(JsonNode node, String path) {
        String expected = "one of: " + String.join(", ", ACTIONS) + " (such as '- reminder: friendly')";
        if (!node.isObject() || node.size() != 1) {
            fields.problem(path, "expected exactly one action per item, " + expected + ", got " + YamlFields.describe(node));
            return Optional.empty();
        }
        String kind = node.fieldNames().next();
        if (!ACTIONS.contains(kind)) {
            String hint = YamlFields.closest(kind, ACTIONS).map(c -> "did you mean '" + c + "'? ").orElse("");
            fields.problem(YamlFields.child(path, kind), "unknown action; " + hint + "expected one of: " + String.join(", ", ACTIONS));
            return Optional.empty();
        }
        Optional<String> value = fields.text(node, path, kind, true);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return switch (kind) {
            case "reminder" -> reminder(value.get(), YamlFields.child(path, kind));
            case "note" -> Optional.of(new ActionSpec.AddNote(value.get()));
            case "flag" -> Optional.of(new ActionSpec.FlagForPerson(value.get()));
            default -> feeRule(value.get(), YamlFields.child(path, kind));
        };
    }

    /** A reminder names a wording in config/templates; a typo would otherwise surface only when the stage is reached. */
    private Optional<ActionSpec> reminder(String template, String field) {
        if (references.reminderTemplates().isEmpty() || references.reminderTemplates().get().contains(template)) {
            return Optional.of(new ActionSpec.SendReminder(template));
        }
        Set<String> known = references.reminderTemplates().get();
        String hint = YamlFields.closest(template, List.copyOf(known)).map(c -> "did you mean '" + c + "'? ").orElse("");
        fields.problem(field, "'" + template + "' is not a reminder template in " + references.templatesDir() + "; " + hint
                + (known.isEmpty() ? "that folder holds none: add " + template + ".txt" : "expected one of: " + String.join(", ", known)));
        return Optional.empty();
    }

    /**
     * The optional {@code document} of a stage: demand-letter (final notice) or case-file (hand-off),
     * rendered from the template of that name when the stage is reached.
     */
    Optional<String> document(JsonNode node, String path) {
        Optional<String> name = fields.text(node, path, "document", false);
        String field = YamlFields.child(path, "document");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (!DOCUMENTS.contains(name.get())) {
            fields.problem(field, "'" + name.get() + "' is not a document; expected one of: " + String.join(", ", DOCUMENTS));
            return Optional.empty();
        }
        if (references.documentTemplates().isPresent() && !references.documentTemplates().get().contains(name.get())) {
            fields.problem(field, "'" + name.get() + "' has no template in " + references.templatesDir()
                    + "; expected a file " + name.get() + ".txt there");
            return Optional.empty();
        }
        return name;
    }

    /** The optional {@code channel} of a stage: {@code email} or {@code ledger}, overriding the organisation's channel. */
    private Optional<ReminderChannel> channel(JsonNode node, String path) {
        Optional<String> text = fields.text(node, path, "channel", false);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<ReminderChannel> channel = ReminderChannel.parse(text.get());
        if (channel.isEmpty()) {
            fields.problem(YamlFields.child(path, "channel"), "'" + text.get() + "' is not a channel; expected email or ledger");
        }
        return channel;
    }

    private Optional<ActionSpec> feeRule(String ruleId, String field) {
        if (feeRuleIds.contains(ruleId)) {
            return Optional.of(new ActionSpec.ChargeLateFee(ruleId));
        }
        String defined = feeRuleIds.isEmpty()
                ? "this policy defines no fee_rules; add one with this id"
                : "expected one of: " + String.join(", ", feeRuleIds.stream().sorted().toList());
        fields.problem(field, "'" + ruleId + "' is not a fee rule of this policy; " + defined);
        return Optional.empty();
    }
}
