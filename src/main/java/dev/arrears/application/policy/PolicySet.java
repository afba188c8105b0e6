package dev.arrears.application.policy;

import dev.arrears.application.OrganisationKey;
import dev.arrears.application.PolicyRepository;
import java.util.Optional;

/** A whole, checked set of policies: the full policies and every override merged on top of them. */
public interface PolicySet extends PolicyRepository, EffectivePolicies {

    /**
     * Which organisations a document is about, for who may change it: empty for a full policy and for a
     * customer override that names no organisation (they are the whole firm's).
     */
    Optional<OrganisationMatch> scopeOf(String name);

    /** How an override names its organisation: our id, or the ledger and its tenant id. */
    interface OrganisationMatch {
        boolean matches(OrganisationKey organisation);
    }
}
