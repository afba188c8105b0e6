package dev.arrears.files.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arrears.application.policy.EffectivePolicy;
import dev.arrears.application.policy.PolicySource;
import dev.arrears.domain.policy.LateFeeRule;
import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.policy.PolicyOptions;
import dev.arrears.domain.policy.Stage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Merges policy layers, least specific first. An override names the stages (by name) and fee rules
 * (by id) it changes and writes only the fields it changes; {@code remove: true} drops one; a name
 * the policy below does not have adds one. Stages end up ordered by day.
 *
 * <p>Each merged stage or fee rule is checked by the same readers as a policy file, and a problem is
 * reported against the file and path of the layer that last wrote that entry, because that is the
 * edit that made it wrong (the layers below were valid on their own).
 */
final class PolicyMerger {

    private static final List<String> COMPUTATION_KEYS = FeeRuleReader.COMPUTATIONS;

    /** One stage or fee rule while merging. */
    private static final class Entry {
        final String name;
        ObjectNode node;
        String file;
        String path;
        final String definedIn;
        final List<PolicySource.Change> changes = new ArrayList<>();

        Entry(String name, ObjectNode node, String file, String path) {
            this.name = name;
            this.node = node;
            this.file = file;
            this.path = path;
            this.definedIn = file;
        }
    }

    private final PolicyFileLoader loader;

    PolicyMerger(PolicyFileLoader loader) {
        this.loader = loader;
    }

    /** The merged policy, or empty with the problems added to {@code sink}. */
    Optional<EffectivePolicy> merge(List<PolicyLayer> layers, List<PolicyProblem> sink) {
        Map<String, YamlFields> fieldsByFile = new HashMap<>();
        int before = sink.size();
        Map<String, Entry> fees = new LinkedHashMap<>();
        Map<String, Entry> stages = new LinkedHashMap<>();
        List<PolicySource> removed = new ArrayList<>();
        PolicyOptions options = PolicyOptions.DEFAULTS;
        boolean optionsOk = true;
        for (PolicyLayer layer : layers) {
            YamlFields fields = fieldsByFile.computeIfAbsent(layer.file(), f -> new YamlFields(f, sink));
            overlay(layer, "fee_rules", "id", fees, removed, PolicySource.Part.FEE_RULE, fields, name -> name);
            overlay(layer, "stages", "name", stages, removed, PolicySource.Part.STAGE, fields, dev.arrears.domain.policy.StableKey::defaultFor);
            Optional<PolicyOptions> layered = new OptionsReader(fields, loader.references()).read(layer.root(), options);
            optionsOk &= layered.isPresent();
            options = layered.orElse(options);
        }
        List<LateFeeRule> rules = new ArrayList<>();
        for (Entry entry : fees.values()) {
            new FeeRuleReader(fieldsByFile.get(entry.file), loader.presets()).read(entry.node, entry.path).ifPresent(rules::add);
        }
        Set<String> ruleIds = fees.keySet();
        List<Stage> built = new ArrayList<>();
        Map<Stage, Entry> entryOf = new HashMap<>();
        Map<String, String> documents = new LinkedHashMap<>();
        for (Entry entry : stages.values()) {
            new StageReader(fieldsByFile.get(entry.file), ruleIds, loader.references()).read(entry.node, entry.path).ifPresent(stage -> {
                built.add(stage);
                entryOf.put(stage, entry);
                if (entry.node.hasNonNull("document")) {
                    documents.put(stage.name(), entry.node.get("document").asText().trim());
                }
            });
        }
        built.sort(Comparator.comparingInt(Stage::dayOffset));
        for (int i = 1; i < built.size(); i++) {
            if (built.get(i).dayOffset() == built.get(i - 1).dayOffset()) {
                Entry later = lastWritten(entryOf.get(built.get(i)), entryOf.get(built.get(i - 1)), layers);
                Entry other = later == entryOf.get(built.get(i)) ? entryOf.get(built.get(i - 1)) : entryOf.get(built.get(i));
                fieldsByFile.get(later.file).problem(later.path + ".day", "day " + built.get(i).dayOffset() + " is also the day of stage '"
                        + other.name + "' (" + other.file + "); expected each stage on a different day");
            }
        }
        if (sink.size() > before || !optionsOk || built.size() != stages.size() || rules.size() != fees.size()) {
            return Optional.empty();
        }
        PolicyLayer top = layers.getLast();
        String id = String.join("+", layers.stream().map(PolicyLayer::id).toList());
        Policy policy;
        try {
            policy = new Policy(id, version(layers), top.file(), built, rules, options);
        } catch (IllegalArgumentException e) {
            fieldsByFile.get(top.file()).problem("", e.getMessage());
            return Optional.empty();
        }
        List<PolicySource> sources = new ArrayList<>();
        built.forEach(stage -> sources.add(source(PolicySource.Part.STAGE, stage.name(), entryOf.get(stage))));
        rules.forEach(rule -> sources.add(source(PolicySource.Part.FEE_RULE, rule.id(), fees.get(rule.id()))));
        sources.addAll(removed);
        return Optional.of(new EffectivePolicy(policy, layers.stream().map(PolicyLayer::file).toList(), sources, documents));
    }

    private static void overlay(PolicyLayer layer, String listKey, String nameKey, Map<String, Entry> entries, List<PolicySource> removed,
                                PolicySource.Part part, YamlFields fields, java.util.function.Function<String, String> fold) {
        Optional<List<JsonNode>> items = fields.list(layer.root(), "", listKey, false, part.words() + "s");
        if (items.isEmpty()) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.get().size(); i++) {
            String path = YamlFields.element(listKey, i);
            JsonNode item = items.get().get(i);
            if (!fields.isMapping(item, path, "a " + part.words() + " with at least " + nameKey)) {
                continue;
            }
            Optional<String> name = fields.text(item, path, nameKey, true);
            if (name.isEmpty()) {
                continue;
            }
            String key = fold.apply(name.get());
            Integer earlier = seen.putIfAbsent(key, i);
            if (earlier != null) {
                fields.problem(path + "." + nameKey, "'" + name.get() + "' is already written at " + YamlFields.element(listKey, earlier)
                        + "; expected each " + part.words() + " once per file");
                continue;
            }
            Entry existing = entries.get(key);
            if (item.has("remove")) {
                remove(layer, item, path, nameKey, name.get(), key, existing, entries, removed, part, fields);
                continue;
            }
            if (existing == null || layer.kind() == PolicyLayer.Kind.BASE) {
                entries.put(key, new Entry(name.get(), ((ObjectNode) item).deepCopy(), layer.file(), path));
                continue;
            }
            ObjectNode merged = existing.node.deepCopy();
            if (COMPUTATION_KEYS.stream().anyMatch(item::has) && part == PolicySource.Part.FEE_RULE) {
                // A new computation replaces the old one; keeping both would be "more than one computation".
                COMPUTATION_KEYS.forEach(merged::remove);
            }
            List<String> changed = new ArrayList<>();
            item.fieldNames().forEachRemaining(field -> {
                if (!field.equals(nameKey)) {
                    merged.set(field, item.get(field).deepCopy());
                    changed.add(field);
                }
            });
            if (!name.get().equals(existing.name) && part == PolicySource.Part.STAGE) {
                fields.problem(path + ".name", "'" + name.get() + "' must be written exactly as '" + existing.name + "' (" + existing.definedIn
                        + "); a stage's name is part of what Arrears remembers about every invoice");
                continue;
            }
            if (changed.isEmpty()) {
                fields.problem(path, "changes nothing; expected the fields to change, or remove: true");
                continue;
            }
            existing.node = merged;
            existing.file = layer.file();
            existing.path = path;
            existing.changes.add(new PolicySource.Change(layer.file(), changed, false));
        }
    }

    private static void remove(PolicyLayer layer, JsonNode item, String path, String nameKey, String name, String key, Entry existing,
                               Map<String, Entry> entries, List<PolicySource> removed, PolicySource.Part part, YamlFields fields) {
        JsonNode flag = item.get("remove");
        if (!flag.isBoolean() || !flag.booleanValue() || item.size() != 2) {
            fields.problem(path + ".remove", "expected remove: true alone with the " + nameKey + " (to change fields instead, leave remove out)");
            return;
        }
        if (existing == null) {
            fields.problem(path + "." + nameKey, "'" + name + "' is not a " + part.words() + " of the policy below; nothing to remove; expected one of: "
                    + String.join(", ", entries.values().stream().map(e -> e.name).toList()));
            return;
        }
        entries.remove(key);
        List<PolicySource.Change> changes = new ArrayList<>(existing.changes);
        changes.add(new PolicySource.Change(layer.file(), List.of(), true));
        removed.add(new PolicySource(part, existing.name, existing.definedIn, changes));
    }

    private static Entry lastWritten(Entry a, Entry b, List<PolicyLayer> layers) {
        List<String> files = layers.stream().map(PolicyLayer::file).toList();
        return files.indexOf(a.file) >= files.indexOf(b.file) ? a : b;
    }

    private static PolicySource source(PolicySource.Part part, String name, Entry entry) {
        return new PolicySource(part, name, entry.definedIn, entry.changes);
    }

    /**
     * A hash over every contributing file's id and content hash, in order: any edit to any of them
     * changes it, and moving the config folder does not.
     */
    static String version(List<PolicyLayer> layers) {
        if (layers.size() == 1) {
            return layers.getFirst().version();
        }
        String all = String.join("\n", layers.stream().map(l -> l.kind() + ":" + l.id() + " " + l.version()).toList());
        return PolicyFileLoader.version(all.getBytes(StandardCharsets.UTF_8));
    }
}
