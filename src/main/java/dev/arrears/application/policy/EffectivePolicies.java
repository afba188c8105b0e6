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
}
