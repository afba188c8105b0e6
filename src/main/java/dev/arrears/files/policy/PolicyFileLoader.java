package dev.arrears.files.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.arrears.domain.policy.LateFeeRule;
import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.policy.PolicyOptions;
import dev.arrears.domain.policy.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one policy file (YAML, snake_case keys) into a {@link Policy}, or reports every problem in
 * it at once. The policy's version is a hash of the file's bytes, so every decision can be traced
 * to the exact text that produced it.
 */
public final class PolicyFileLoader {

    static final List<String> FIELDS = List.of("id", "description", "fee_rules", "stages", "thank_you", "payment_plans",
            "attach_invoice_pdf");
    static final Pattern POLICY_ID = Pattern.compile("[a-z0-9]+([-_][a-z0-9]+)*");

    private final ObjectMapper yaml = YAMLMapper.builder()
            // A key written twice would otherwise silently keep the last value.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Amounts stay exact decimals; 0.1 must never become 0.1000000000000000055.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private final PolicyReferences references;
    private final StatutoryPresetSource presets;

    /** A loader that checks each file on its own (template names are not checked), presets from {@code config/statutory}. */
    public PolicyFileLoader() {
        this(PolicyReferences.unchecked());
    }

    /** A loader that also checks what the files refer to: reminder and document templates. */
    public PolicyFileLoader(PolicyReferences references) {
        this(references, Path.of(PolicyReferences.DEFAULT_STATUTORY_DIR));
    }

    private PolicyFileLoader(PolicyReferences references, Path statutoryDir) {
        this.references = java.util.Objects.requireNonNull(references, "references");
        this.presets = references.presets().map(StatutoryPresetSource::of)
                .orElseGet(() -> StatutoryPresetSource.readOnDemand(statutoryDir));
    }

    /**
     * The forecast command's loader: each file on its own, and a preset a policy names is read from {@code statutoryDir}
     * (the folder {@code ARREARS_STATUTORY_DIR} chooses) when first needed.
     */
    public static PolicyFileLoader withStatutoryDir(Path statutoryDir) {
        return new PolicyFileLoader(PolicyReferences.unchecked(), statutoryDir);
    }

    StatutoryPresetSource presets() {
        return presets;
    }

    PolicyReferences references() {
        return references;
    }

    /** Loads the file, or throws {@link PolicyConfigurationException} listing every problem in it. */
    public Policy load(Path file) {
        String name = file.toString();
        YamlFields fields = new YamlFields(name);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            fields.problem("", "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            throw new PolicyConfigurationException(fields.problems());
        }
        return load(name, bytes);
    }

    /**
     * Loads a policy from its text, named {@code file} in every problem (the file it was seeded from,
     * or the name it is kept under in the database), or throws listing every problem in it.
     */
    public Policy load(String file, byte[] bytes) {
        YamlFields fields = new YamlFields(file);
        Optional<Policy> policy = parse(bytes, fields).flatMap(root -> policy(root, file, version(bytes), fields));
        if (fields.hasProblems() || policy.isEmpty()) {
            throw new PolicyConfigurationException(fields.problems());
        }
        return policy.get();
    }

    /** The YAML tree of a file (any policy or override file), or empty with the problem reported. */
    Optional<JsonNode> parse(byte[] bytes, YamlFields fields) {
        return parse(bytes, fields, "a policy with at least: id, stages", "one policy per file");
    }

    /** The same for any file accountants edit, with words for what the file should hold. */
    Optional<JsonNode> parse(byte[] bytes, YamlFields fields, String expected, String onePerFile) {
        try (JsonParser parser = yaml.createParser(bytes)) {
            JsonNode root = yaml.readTree(parser);
            if (root == null || root.isMissingNode() || root.isNull()) {
                fields.problem("", "is empty; expected " + expected);
                return Optional.empty();
            }
            if (parser.nextToken() != null) {
                fields.problem("", "holds more than one YAML document (a second '---'); expected " + onePerFile);
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String why = e.getOriginalMessage().lines().findFirst().orElse("").trim();
            fields.problem("", "is not valid YAML" + where + ": " + why
                    + " (check the indentation, and put text containing ': ' or '#' in quotes)");
            return Optional.empty();
        } catch (IOException e) {
            fields.problem("", "cannot be read (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    private Optional<Policy> policy(JsonNode root, String source, String version, YamlFields fields) {
        if (!fields.isMapping(root, "", "a policy with fields: " + String.join(", ", FIELDS))) {
            return Optional.empty();
        }
        fields.onlyKeys(root, "", FIELDS);
        Optional<String> id = fields.text(root, "", "id", true).filter(value -> {
            if (POLICY_ID.matcher(value).matches()) {
                return true;
            }
            fields.problem("id", "'" + value + "' is not a usable id; expected lower-case letters, digits, '-' and '_', such as default or strict-30-days");
            return false;
        });
        fields.text(root, "", "description", false);
        List<LateFeeRule> rules = feeRules(root, fields);
        List<Stage> stages = stages(root, rules, fields);
        Optional<PolicyOptions> options = new OptionsReader(fields, references).read(root, PolicyOptions.DEFAULTS);
        if (id.isEmpty() || options.isEmpty() || fields.hasProblems()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Policy(id.get(), version, source, stages, rules, options.get()));
        } catch (IllegalArgumentException e) {
            // The checks above should have caught it; the domain's own rule is the backstop.
            fields.problem("", e.getMessage());
            return Optional.empty();
        }
    }

    private List<LateFeeRule> feeRules(JsonNode root, YamlFields fields) {
        List<LateFeeRule> rules = new ArrayList<>();
        Optional<List<JsonNode>> items = fields.list(root, "", "fee_rules", false, "fee rules");
        FeeRuleReader reader = new FeeRuleReader(fields, presets);
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> keys = new HashMap<>();
        List<JsonNode> nodes = items.orElse(List.of());
        for (int i = 0; i < nodes.size(); i++) {
            String path = YamlFields.element("fee_rules", i);
            reader.read(nodes.get(i), path).ifPresent(rules::add);
            String ruleId = nodes.get(i).path("id").asText("");
            Integer earlier = seen.putIfAbsent(ruleId, i);
            if (!ruleId.isEmpty() && earlier != null) {
                fields.problem(path + ".id", "'" + ruleId + "' is already the id of fee_rules[" + earlier + "]; expected a different id for each fee rule");
            } else if (!ruleId.isEmpty()) {
                String key = KeyField.effective(nodes.get(i), ruleId);
                Integer sameKey = keys.putIfAbsent(key, i);
                if (sameKey != null) {
                    fields.problem(path + "." + KeyField.FIELD, "'" + key + "' is already the key of fee_rules[" + sameKey
                            + "]; expected a different key for each fee rule");
                }
            }
        }
        return rules;
    }

    private List<Stage> stages(JsonNode root, List<LateFeeRule> rules, YamlFields fields) {
        Optional<List<JsonNode>> items = fields.list(root, "", "stages", true, "stages, from the earliest day to the latest");
        if (items.isEmpty()) {
            return List.of();
        }
        if (items.get().isEmpty()) {
            fields.problem("stages", "a policy needs at least one stage");
            return List.of();
        }
        StageReader reader = new StageReader(fields, declaredFeeRuleIds(root, rules), references);
        List<Stage> stages = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        int previousDay = Integer.MIN_VALUE;
        int previousIndex = -1;
        for (int i = 0; i < items.get().size(); i++) {
            String path = YamlFields.element("stages", i);
            JsonNode node = items.get().get(i);
            reader.read(node, path).ifPresent(stages::add);
            // Name and order are checked on the raw values, so they are reported even when the
            // stage has other problems: the accountant sees everything in one go.
            String name = node.path("name").isTextual() ? node.path("name").asText().trim() : "";
            String key = name.isEmpty() ? "" : KeyField.effective(node, name);
            Integer earlier = key.isEmpty() ? null : names.putIfAbsent(key, i);
            if (earlier != null && node.has(KeyField.FIELD)) {
                fields.problem(path + "." + KeyField.FIELD, "'" + key + "' is already the key of stages[" + earlier
                        + "]; expected a different key for each stage");
            } else if (earlier != null) {
                fields.problem(path + ".name", "'" + name + "' gives the same key '" + key + "' as stages[" + earlier
                        + "] (names are compared ignoring case, spaces and punctuation); expected a different name,"
                        + " or a different key: for this stage");
            }
            JsonNode day = node.path("day");
            if (day.isIntegralNumber() && day.canConvertToInt()) {
                if (previousIndex >= 0 && day.intValue() <= previousDay) {
                    fields.problem(path + ".day", day.intValue() + " must be later than day " + previousDay
                            + " of stages[" + previousIndex + "]"
                            + "; expected stages listed from the earliest day to the latest, each on a different day");
                }
                previousDay = day.intValue();
                previousIndex = i;
            }
        }
        return stages;
    }

    /**
     * Ids written under fee_rules, including rules that have problems of their own, so that a stage
     * naming such a rule is not reported a second time.
     */
    private static Set<String> declaredFeeRuleIds(JsonNode root, List<LateFeeRule> rules) {
        Set<String> ids = new LinkedHashSet<>();
        rules.forEach(rule -> ids.add(rule.id()));
        root.path("fee_rules").forEach(node -> {
            if (node.path("id").isTextual()) {
                ids.add(node.path("id").asText().trim());
            }
        });
        return ids;
    }

    /** The version of a text: the first 16 hex digits of its SHA-256, as decisions record it. */
    public static String version(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
