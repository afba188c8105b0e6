package dev.arrears.application;

import java.util.List;
import java.util.Optional;

/** The organisations Arrears works for. */
public interface OrganisationStore {

    /** Stores a new organisation, in preview mode, under a fresh id. */
    Organisation create(NewOrganisation organisation);

    Optional<Organisation> find(OrganisationId id);

    /** All organisations, oldest first. */
    List<Organisation> list();

    /** @throws UnknownOrganisationException when there is no such organisation */
    Organisation setMode(OrganisationId id, OrganisationMode mode);

    /**
     * Chases the organisation's invoices under another full policy from the next cycle on (audited).
     *
     * @throws UnknownOrganisationException when there is no such organisation
     */
    Organisation setPolicy(OrganisationId id, String policyId, String changedBy);

    /** Remembers how the last cycle ended, for the console. {@code error} is empty when it went well. */
    void recordCycleOutcome(OrganisationId id, String outcome, Optional<String> error);
}
