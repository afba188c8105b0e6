package dev.arrears.application.policy;

import dev.arrears.domain.policy.Policy;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The policy an invoice is chased under once the firm default, the organisation's override and the
 * customer's overrides are merged, with where each part came from.
 *
 * @param policy    the merged policy; its version is a hash over every contributing file, so any edit
 *                  to any of them shows in the decisions' audit
 * @param files     the contributing files, from the firm default to the most specific
 * @param sources   one per stage and fee rule, in the policy's order, then the removed ones
 * @param documents the document a stage produces (demand-letter, case-file), by stage name
 */
public record EffectivePolicy(Policy policy, List<String> files, List<PolicySource> sources, Map<String, String> documents) {

    public EffectivePolicy {
        Objects.requireNonNull(policy, "policy");
        files = List.copyOf(files);
        sources = List.copyOf(sources);
        documents = Map.copyOf(documents);
    }

    public Optional<PolicySource> stageSource(String stageName) {
        return sources.stream().filter(s -> s.part() == PolicySource.Part.STAGE && s.name().equals(stageName)).findFirst();
    }

    public Optional<PolicySource> feeRuleSource(String ruleId) {
        return sources.stream().filter(s -> s.part() == PolicySource.Part.FEE_RULE && s.name().equals(ruleId)).findFirst();
    }

    public Optional<String> documentOf(String stageName) {
        return Optional.ofNullable(documents.get(stageName));
    }

    /** One sentence per stage and fee rule, for the console and the forecast's "why". */
    public List<String> explain() {
        return sources.stream().map(PolicySource::describe).toList();
    }
}
