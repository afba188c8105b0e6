package dev.arrears.domain.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An accountant's follow-up policy: an ordered ladder of stages, least severe first, and the late
 * fee rules its stages may charge.
 *
 * @param id       stable name of the policy ("default")
 * @param version  identifies the exact content (a hash of the file), recorded with every decision
 * @param source   where it was loaded from, for explanations ("config/policies/default.yaml")
 * @param options  settings outside the ladder (thank-you note, payment plan reminders), with defaults
 */
public record Policy(String id, String version, String source, List<Stage> stages, List<LateFeeRule> feeRules,
                     PolicyOptions options) {

    /** A policy with the default options: the shape every loader used before options existed. */
    public Policy(String id, String version, String source, List<Stage> stages, List<LateFeeRule> feeRules) {
        this(id, version, source, stages, feeRules, PolicyOptions.DEFAULTS);
    }

    public Policy withOptions(PolicyOptions newOptions) {
        return new Policy(id, version, source, stages, feeRules, newOptions);
    }

    public Policy {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(source, "source");
        stages = List.copyOf(stages);
        feeRules = List.copyOf(feeRules);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("policy '" + id + "' has no stages");
        }
        Set<String> names = new HashSet<>();
        Map<String, String> stageKeys = new java.util.HashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            if (!names.add(stage.name())) {
                throw new IllegalArgumentException("policy '" + id + "' has two stages named '" + stage.name() + "'");
            }
            // The key identifies the stage's actions: two stages with one key would share them, and one would never run.
            String other = stageKeys.putIfAbsent(stage.key(), stage.name());
            if (other != null) {
                throw new IllegalArgumentException("policy '" + id + "': stages '" + other + "' and '" + stage.name()
                        + "' have the same key '" + stage.key() + "'");
            }
            if (i > 0 && stage.dayOffset() <= stages.get(i - 1).dayOffset()) {
                throw new IllegalArgumentException("policy '" + id + "': stage '" + stage.name()
                        + "' (day " + stage.dayOffset() + ") must come after '" + stages.get(i - 1).name()
                        + "' (day " + stages.get(i - 1).dayOffset() + "): stages are ordered by their day offset");
            }
        }
        Map<String, LateFeeRule> rules = feeRules.stream()
                .collect(Collectors.toMap(LateFeeRule::id, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("policy '" + id + "' has two fee rules named '" + a.id() + "'");
                }));
        Map<String, String> ruleKeys = new java.util.HashMap<>();
        for (LateFeeRule rule : feeRules) {
            String other = ruleKeys.putIfAbsent(rule.key(), rule.id());
            if (other != null) {
                throw new IllegalArgumentException("policy '" + id + "': fee rules '" + other + "' and '" + rule.id()
                        + "' have the same key '" + rule.key() + "'");
            }
        }
        for (Stage stage : stages) {
            for (ActionSpec action : stage.actions()) {
                if (action instanceof ActionSpec.ChargeLateFee fee && !rules.containsKey(fee.ruleId())) {
                    throw new IllegalArgumentException("policy '" + id + "': stage '" + stage.name()
                            + "' charges fee rule '" + fee.ruleId() + "', which is not defined; defined: " + rules.keySet());
                }
            }
        }
    }

    public Optional<LateFeeRule> feeRule(String ruleId) {
        return feeRules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
    }

    public Optional<Stage> stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Position in the ladder, 0 for the least severe; -1 when the policy has no such stage. */
    public int severityOf(String stageName) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(stageName)) {
                return i;
            }
        }
        return -1;
    }
}
