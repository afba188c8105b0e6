package dev.arrears.files.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.domain.policy.FeeCaps;
import dev.arrears.domain.policy.FeeComputation;
import dev.arrears.domain.policy.LateFeeRule;
import dev.arrears.domain.policy.OnFullPayment;
import dev.arrears.domain.statutory.StatutoryPresets;
import dev.arrears.domain.statutory.StatutoryRegime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads one entry of {@code fee_rules} into a {@link LateFeeRule}. */
final class FeeRuleReader {

    static final List<String> COMPUTATIONS = List.of("fixed", "percent_of_principal", "daily_interest",
            "statutory_interest", "statutory_compensation");
    static final List<String> FIELDS = List.of("id", "key", "fixed", "percent_of_principal", "daily_interest",
            "statutory_interest", "statutory_compensation", "grace_days", "repeat_every_days", "caps", "rounding",
            "on_full_payment");
    static final List<String> CAP_FIELDS = List.of("max_count", "max_total", "max_percent_of_principal");
    static final List<String> INTEREST_FIELDS = List.of("annual_rate_percent", "day_count");
    /** Fee rule ids end up in every fee's action key and in the fee invoice's reference: keep them plain. */
    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Rounding words accountants use; CEILING/FLOOR equal UP/DOWN for positive fees, so they are left out. */
    static final Map<String, RoundingMode> ROUNDING = Map.of(
            "half_up", RoundingMode.HALF_UP, "half_even", RoundingMode.HALF_EVEN, "half_down", RoundingMode.HALF_DOWN,
            "up", RoundingMode.UP, "down", RoundingMode.DOWN);
    static final String ROUNDING_CHOICES = "half_up, half_even, half_down, up, down";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final YamlFields fields;
    private final StatutoryPresetSource presets;

    FeeRuleReader(YamlFields fields, StatutoryPresetSource presets) {
        this.fields = fields;
        this.presets = presets;
    }

    Optional<LateFeeRule> read(JsonNode node, String path) {
        if (!fields.isMapping(node, path, "a fee rule with id and one of: " + String.join(", ", COMPUTATIONS))) {
            return Optional.empty();
        }
        fields.onlyKeys(node, path, FIELDS);
        Optional<String> id = fields.text(node, path, "id", true).filter(value -> validId(value, YamlFields.child(path, "id")));
        Optional<FeeComputation> computation = computation(node, path);
        Optional<Integer> grace = fields.wholeNumber(node, path, "grace_days", false, 0, "0 or 30");
        Optional<Integer> repeat = fields.wholeNumber(node, path, "repeat_every_days", false, 1, "30");
        Optional<FeeCaps> caps = node.has("caps") ? caps(node.get("caps"), YamlFields.child(path, "caps")) : Optional.of(FeeCaps.NONE);
        Optional<RoundingMode> rounding = rounding(node, path);
        boolean graceBad = node.hasNonNull("grace_days") && grace.isEmpty();
        boolean repeatBad = node.hasNonNull("repeat_every_days") && repeat.isEmpty();
        if (node.has("statutory_compensation") && node.has("repeat_every_days")) {
            // The law gives the fixed sum once per invoice; a repeat would charge it again.
            fields.problem(YamlFields.child(path, "repeat_every_days"), "statutory_compensation is charged once per invoice;"
                    + " remove repeat_every_days (allowed with: fixed, percent_of_principal, daily_interest, statutory_interest)");
            repeatBad = true;
        }
        Optional<String> key = KeyField.written(fields, node, path);
        Optional<OnFullPayment> onFullPayment = onFullPayment(node, path);
        if (id.isEmpty() || computation.isEmpty() || caps.isEmpty() || rounding.isEmpty() || graceBad || repeatBad
                || KeyField.bad(node, key) || onFullPayment.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LateFeeRule(id.get(), computation.get(), grace.orElse(0), repeat, caps.get(), rounding.get(),
                    key.orElse(id.get()), onFullPayment.get()));
        } catch (IllegalArgumentException e) {
            fields.problem(path, e.getMessage());
            return Optional.empty();
        }
    }

    private boolean validId(String id, String field) {
        if (ID.matcher(id).matches()) {
            return true;
        }
        fields.problem(field, "'" + id + "' is not a usable id; expected lower-case letters, digits and single hyphens, such as late-fee");
        return false;
    }

    private Optional<FeeComputation> computation(JsonNode node, String path) {
        List<String> given = COMPUTATIONS.stream().filter(node::has).toList();
        String choices = "expected exactly one of: " + String.join(", ", COMPUTATIONS);
        if (given.isEmpty()) {
            fields.problem(path, "says nothing about how to compute the fee; " + choices);
            return Optional.empty();
        }
        if (given.size() > 1) {
            fields.problem(path, "has more than one computation (" + String.join(" and ", given) + "); " + choices
                    + " (make a second fee rule to charge both)");
            return Optional.empty();
        }
        String key = given.getFirst();
        String field = YamlFields.child(path, key);
        JsonNode value = node.get(key);
        try {
            return switch (key) {
                case "fixed" -> fields.amountsByCurrency(value, field, false).map(FeeComputation.FixedAmount::new);
                case "percent_of_principal" -> fields.number(value, field, false, HUNDRED, "2.5")
                        .map(FeeComputation.PercentOfPrincipal::new);
                case "statutory_interest" -> regime(node, path, key).map(FeeComputation.StatutoryInterest::new);
                case "statutory_compensation" -> regime(node, path, key).map(FeeComputation.StatutoryCompensation::new);
                default -> interest(value, field);
            };
        } catch (IllegalArgumentException e) {
            fields.problem(field, e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code statutory_interest: uk}: a preset of config/statutory/presets.yaml, by name. */
    private Optional<StatutoryRegime> regime(JsonNode node, String path, String key) {
        String field = YamlFields.child(path, key);
        Optional<String> name = fields.text(node, path, key, true);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<StatutoryPresets> known = presets.presets(fields, field);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = known.get().regimes().keySet().stream().sorted().toList();
        StatutoryRegime regime = known.get().regimes().get(name.get());
        if (regime == null) {
            // Preset names are two letters, so "nearest by spelling" would be noise; GB is the one usual slip.
            String hint = name.get().equalsIgnoreCase("gb") && names.contains("uk") ? "the United Kingdom's preset is 'uk'; " : "";
            fields.problem(field, "'" + name.get() + "' is not a statutory preset; " + hint + "expected one of: " + String.join(", ", names));
            return Optional.empty();
        }
        return Optional.of(regime);
    }

    private Optional<FeeComputation> interest(JsonNode node, String path) {
        if (!fields.isMapping(node, path, "{ annual_rate_percent: 8.0, day_count: 365 }")) {
            return Optional.empty();
        }
        fields.onlyKeys(node, path, INTEREST_FIELDS);
        String rateField = YamlFields.child(path, "annual_rate_percent");
        Optional<BigDecimal> rate = node.hasNonNull("annual_rate_percent")
                ? fields.number(node.get("annual_rate_percent"), rateField, false, null, "8.0")
                : missing(rateField, "a yearly percentage such as 8.0");
        Optional<Integer> dayCount = fields.wholeNumber(node, path, "day_count", false, 1, "365");
        String dayCountField = YamlFields.child(path, "day_count");
        if (dayCount.isPresent() && dayCount.get() != 365 && dayCount.get() != 360) {
            fields.problem(dayCountField, "expected 365 or 360 (days in the interest year), got " + dayCount.get());
            return Optional.empty();
        }
        if (rate.isEmpty() || (node.hasNonNull("day_count") && dayCount.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new FeeComputation.SimpleDailyInterest(rate.get(), dayCount.orElse(365)));
    }

    private Optional<FeeCaps> caps(JsonNode node, String path) {
        if (!fields.isMapping(node, path, "caps with any of: " + String.join(", ", CAP_FIELDS))) {
            return Optional.empty();
        }
        fields.onlyKeys(node, path, CAP_FIELDS);
        Optional<Integer> count = fields.wholeNumber(node, path, "max_count", false, 1, "3");
        Optional<Map<Currency, BigDecimal>> total = node.hasNonNull("max_total")
                ? fields.amountsByCurrency(node.get("max_total"), YamlFields.child(path, "max_total"), false)
                : Optional.of(Map.of());
        Optional<BigDecimal> percent = node.hasNonNull("max_percent_of_principal")
                ? fields.number(node.get("max_percent_of_principal"), YamlFields.child(path, "max_percent_of_principal"),
                false, HUNDRED, "10")
                : Optional.empty();
        boolean countBad = node.hasNonNull("max_count") && count.isEmpty();
        boolean percentBad = node.hasNonNull("max_percent_of_principal") && percent.isEmpty();
        if (countBad || total.isEmpty() || percentBad) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FeeCaps(count, total.get(), percent));
        } catch (IllegalArgumentException e) {
            fields.problem(path, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<RoundingMode> rounding(JsonNode node, String path) {
        if (!node.hasNonNull("rounding")) {
            return Optional.of(RoundingMode.HALF_UP);
        }
        Optional<String> word = fields.text(node, path, "rounding", false);
        Optional<RoundingMode> mode = word.map(w -> ROUNDING.get(w.toLowerCase(Locale.ROOT)));
        if (word.isPresent() && mode.isEmpty()) {
            fields.problem(YamlFields.child(path, "rounding"), "'" + word.get() + "' is not a rounding; expected one of: " + ROUNDING_CHOICES);
        }
        return mode;
    }

    /**
     * {@code on_full_payment: final_invoice | task | waive}, {@code task} when not written. Only interest and the
     * statutory compensation accrue up to a payment; on a fixed or percentage fee the field would promise something
     * that never happens, so it is refused there.
     */
    private Optional<OnFullPayment> onFullPayment(JsonNode node, String path) {
        if (!node.hasNonNull("on_full_payment")) {
            return Optional.of(OnFullPayment.DEFAULT);
        }
        String field = YamlFields.child(path, "on_full_payment");
        Optional<String> word = fields.text(node, path, "on_full_payment", false);
        if (word.isEmpty()) {
            return Optional.empty();
        }
        String choices = Stream.of(OnFullPayment.values()).map(OnFullPayment::word).collect(Collectors.joining(", "));
        Optional<OnFullPayment> choice = Stream.of(OnFullPayment.values())
                .filter(c -> c.word().equals(word.get().toLowerCase(Locale.ROOT))).findFirst();
        if (choice.isEmpty()) {
            fields.problem(field, "'" + word.get() + "' is not a choice; expected one of: " + choices);
            return Optional.empty();
        }
        if (node.has("fixed") || node.has("percent_of_principal")) {
            fields.problem(field, "only interest (daily_interest, statutory_interest) and statutory_compensation accrue up to a"
                    + " payment; a fixed or percentage fee is charged at its stage or not at all, so remove on_full_payment");
            return Optional.empty();
        }
        return choice;
    }

    private <T> Optional<T> missing(String field, String expected) {
        fields.problem(field, "is required; expected " + expected);
        return Optional.empty();
    }
}
