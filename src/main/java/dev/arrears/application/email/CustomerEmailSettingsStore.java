package dev.arrears.application.email;

import dev.arrears.application.OrganisationId;

/** Port: the accountants' per-customer email settings. */
public interface CustomerEmailSettingsStore {

    /** {@link CustomerEmailSetting#NONE} when nothing is set for the customer. */
    CustomerEmailSetting find(OrganisationId organisation, String customerId);

    void save(OrganisationId organisation, String customerId, CustomerEmailSetting setting);

    boolean remove(OrganisationId organisation, String customerId);
}
