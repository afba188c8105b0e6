package dev.arrears.files.policy;

import dev.arrears.application.OrganisationKey;
import dev.arrears.application.policy.EffectivePolicy;
import dev.arrears.application.policy.PolicySet;
import dev.arrears.domain.policy.Policy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A set of policy texts that passed every start-up check: its full policies and its overrides merged on top. */
final class CheckedPolicySet implements PolicySet {

    private final PolicyTexts texts;
    private final PolicyCatalog catalog;
    private final PolicyResolver resolver;

    CheckedPolicySet(PolicyTexts texts, PolicyCatalog catalog, PolicyResolver resolver) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** Checks the texts as start-up checks the files; @throws PolicyConfigurationException with every problem */
    static CheckedPolicySet of(PolicyTexts texts, PolicyFileLoader loader) {
        PolicyCatalog catalog = PolicyCatalog.of(texts, loader);
        return new CheckedPolicySet(texts, catalog, PolicyResolver.of(texts, catalog, loader));
    }

    PolicyTexts texts() {
        return texts;
    }

    @Override
    public Optional<OrganisationMatch> scopeOf(String name) {
        return resolver.scopeOf(texts.fileOf(name)).map(OrganisationMatch.class::cast);
    }

    @Override
    public Optional<Policy> find(String id) {
        return catalog.find(id);
    }

    @Override
    public List<Policy> all() {
        return catalog.all();
    }

    @Override
    public EffectivePolicy resolve(OrganisationKey organisation, String customerId, Optional<String> customerGroup) {
        return resolver.resolve(organisation, customerId, customerGroup);
    }

    @Override
    public EffectivePolicy resolve(OrganisationKey organisation, String basePolicyId, String customerId, Optional<String> customerGroup) {
        return resolver.resolve(organisation, basePolicyId, customerId, customerGroup);
    }

    @Override
    public String fingerprint() {
        return resolver.fingerprint();
    }

    @Override
    public String textOf(EffectivePolicy policy) {
        return resolver.textOf(policy);
    }
}
