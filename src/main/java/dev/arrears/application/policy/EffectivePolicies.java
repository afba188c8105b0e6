package dev.arrears.application.policy;

import dev.arrears.application.OrganisationKey;
import java.util.Optional;

/**
 * Port: the effective policy of any invoice, from the firm default, the organisation's override and
 * the customer's overrides (by customer group, then by customer id). Everything it can return was
 * validated at start-up.
 */
public interface EffectivePolicies {

    /**
     * @param customerId    the ledger's customer (contact) id of the invoice
     * @param customerGroup the customer's group in the ledger (Xero contact group), if any
     */
    EffectivePolicy resolve(OrganisationKey organisation, String customerId, Optional<String> customerGroup);

    /**
     * As {@link #resolve(OrganisationKey, String, Optional)}, for an organisation whose own policy id
     * ({@code Organisation.policyId}) is {@code basePolicyId}: the chain starts from that policy unless
     * the organisation's override file names another one with {@code extends}.
     */
    default EffectivePolicy resolve(OrganisationKey organisation, String basePolicyId, String customerId,
                                    Optional<String> customerGroup) {
        return resolve(organisation, customerId, customerGroup);
    }

    /**
     * The policies in force now, to use for one whole step (one organisation's decide). A set read once
     * returns itself; the database-backed policies return the latest saved set, read again only when a
     * version was saved since, so a saved policy applies from the next cycle without a restart.
     */
    default EffectivePolicies inForce() {
        return this;
    }

    /**
     * Stands for everything loaded (every policy and override file's text): equal fingerprints resolve
     * every invoice alike, so a decide need not run again for every invoice while it stays the same.
     */
    String fingerprint();

    /**
     * The exact text behind an effective policy, every contributing file in order, as loaded at
     * start-up (what its version is a hash of), for the policy version record.
     */
    default String textOf(EffectivePolicy policy) {
        return String.join("\n", policy.explain());
    }
}
