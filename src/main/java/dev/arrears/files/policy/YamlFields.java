package dev.arrears.files.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed values out of a YAML tree and, instead of stopping at the first mistake, records a
 * {@link PolicyProblem} naming the field and what would have been accepted. Every getter returns
 * empty when the value is missing or wrong, so the caller simply carries on and finds the next one.
 */
final class YamlFields {

    private final String file;
    private final List<PolicyProblem> problems;

    YamlFields(String file) {
        this(file, new ArrayList<>());
    }

    /**
     * Reports into a list shared with readers of other files: a policy merged from several files
     * reports each problem against the file that wrote the field at fault.
     */
    YamlFields(String file, List<PolicyProblem> sink) {
        this.file = file;
        this.problems = sink;
    }

    String file() {
        return file;
    }

    List<PolicyProblem> problems() {
        return List.copyOf(problems);
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    void problem(String field, String message) {
        problems.add(new PolicyProblem(file, field, message));
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String element(String path, int index) {
        return path + "[" + index + "]";
    }

    /** The node must be a mapping; reports it otherwise. */
    boolean isMapping(JsonNode node, String path, String whatIsAllowed) {
        if (node != null && node.isObject()) {
            return true;
        }
        problem(path, "expected " + whatIsAllowed + ", got " + describe(node));
        return false;
    }

    /** Reports every key outside {@code allowed}, with a suggestion when it looks like a typo. */
    void onlyKeys(JsonNode mapping, String path, List<String> allowed) {
        for (Iterator<String> names = mapping.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!allowed.contains(key)) {
                String hint = closest(key, allowed).map(c -> "did you mean '" + c + "'? ").orElse("");
                problem(child(path, key), "unknown field; " + hint + "expected one of: " + String.join(", ", allowed));
            }
        }
    }

    Optional<String> text(JsonNode mapping, String path, String key, boolean required) {
        String field = child(path, key);
        JsonNode node = present(mapping, field, key, required, "text");
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual() && !node.isNumber()) {
            problem(field, "expected text, got " + describe(node));
            return Optional.empty();
        }
        String value = node.asText().trim();
        if (value.isEmpty()) {
            problem(field, "must not be empty");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A whole number of at least {@code min}. */
    Optional<Integer> wholeNumber(JsonNode mapping, String path, String key, boolean required, int min, String example) {
        String field = child(path, key);
        JsonNode node = present(mapping, field, key, required, "a whole number such as " + example);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            problem(field, "expected a whole number such as " + example + ", got " + describe(node));
            return Optional.empty();
        }
        int value = node.intValue();
        if (value < min) {
            problem(field, "must be " + min + " or more, got " + value);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** Any whole number, negative allowed (a stage's day). */
    Optional<Integer> signedWholeNumber(JsonNode mapping, String path, String key, String example) {
        return wholeNumber(mapping, path, key, true, Integer.MIN_VALUE, example);
    }

    /** A number above zero (or at least zero when {@code zeroAllowed}) and at most {@code max} when given. */
    Optional<BigDecimal> number(JsonNode node, String field, boolean zeroAllowed, BigDecimal max, String example) {
        if (node == null || !node.isNumber()) {
            problem(field, "expected a number such as " + example + " (without quotes), got " + describe(node));
            return Optional.empty();
        }
        BigDecimal value = node.decimalValue();
        if (value.signum() < 0 || (!zeroAllowed && value.signum() == 0)) {
            problem(field, "must be " + (zeroAllowed ? "0 or more" : "more than 0") + ", got " + value.toPlainString());
            return Optional.empty();
        }
        if (max != null && value.compareTo(max) > 0) {
            problem(field, "must be at most " + max.toPlainString() + ", got " + value.toPlainString());
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /**
     * A mapping of ISO 4217 currency codes to amounts ({@code { GBP: 40.00, EUR: 40.00 }}). Each
     * amount must fit the currency's minor units, because a fee is never silently rounded.
     */
    Optional<Map<Currency, BigDecimal>> amountsByCurrency(JsonNode node, String field, boolean zeroAllowed) {
        String example = "{ GBP: 40.00, EUR: 40.00, JPY: 5000 }";
        if (node == null || !node.isObject() || node.isEmpty()) {
            problem(field, "expected amounts by currency code such as " + example + ", got " + describe(node));
            return Optional.empty();
        }
        Map<Currency, BigDecimal> amounts = new LinkedHashMap<>();
        boolean ok = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String entryField = child(field, entry.getKey());
            Optional<Currency> currency = currency(entry.getKey(), entryField);
            Optional<BigDecimal> amount = number(entry.getValue(), entryField, zeroAllowed, null, "40.00");
            if (currency.isEmpty() || amount.isEmpty()) {
                ok = false;
                continue;
            }
            int digits = currency.get().getDefaultFractionDigits();
            if (amount.get().stripTrailingZeros().scale() > digits) {
                problem(entryField, amount.get().toPlainString() + " has more decimals than " + currency.get()
                        + " allows (" + digits + ")");
                ok = false;
            } else if (amounts.put(currency.get(), amount.get()) != null) {
                problem(entryField, "currency " + currency.get() + " is given twice");
                ok = false;
            }
        }
        return ok ? Optional.of(amounts) : Optional.empty();
    }

    Optional<Currency> currency(String code, String field) {
        try {
            if (code.trim().length() == 3) {
                Currency currency = Currency.getInstance(code.trim().toUpperCase(java.util.Locale.ROOT));
                if (currency.getDefaultFractionDigits() >= 0) {
                    return Optional.of(currency);
                }
            }
        } catch (IllegalArgumentException notIso) {
            // reported below, with the same words as for a code of the wrong length
        }
        problem(field, "'" + code + "' is not an ISO 4217 currency code; expected a code such as GBP, EUR, USD or JPY");
        return Optional.empty();
    }

    /** The list under {@code key}; an absent optional list is empty, an absent required one is reported. */
    Optional<List<JsonNode>> list(JsonNode mapping, String path, String key, boolean required, String whatIsAllowed) {
        String field = child(path, key);
        JsonNode node = present(mapping, field, key, required, "a list of " + whatIsAllowed);
        if (node == null) {
            return required ? Optional.empty() : Optional.of(List.of());
        }
        if (!node.isArray()) {
            problem(field, "expected a list of " + whatIsAllowed + " (each item starting with '- '), got " + describe(node));
            return Optional.empty();
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return Optional.of(items);
    }

    private JsonNode present(JsonNode mapping, String field, String key, boolean required, String expected) {
        JsonNode node = mapping.get(key);
        if (node == null || node.isNull() || node.isMissingNode()) {
            if (required) {
                problem(field, "is required; expected " + expected);
            }
            return null;
        }
        return node;
    }

    /** How a wrong value looks to the person who wrote it. */
    static String describe(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "a set of fields {" + String.join(", ", (Iterable<String>) node::fieldNames) + "}";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return "'" + node.asText() + "'";
        }
        return node.asText();
    }

    /** The allowed key nearest to a typo, if it is within two edits. */
    static Optional<String> closest(String key, List<String> allowed) {
        return allowed.stream()
                .filter(a -> distance(key.toLowerCase(java.util.Locale.ROOT), a) <= 2)
                .min(Comparator.comparingInt(a -> distance(key, a)));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    static Set<String> keys(JsonNode mapping) {
        Set<String> keys = new java.util.LinkedHashSet<>();
        mapping.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
