package dev.arrears.application.email;

import dev.arrears.application.OrganisationId;
import java.util.Optional;

/** Port: the organisations' sender profiles (the SMTP password sealed at rest). */
public interface SenderProfileStore {

    Optional<SenderProfile> find(OrganisationId organisation);

    /** Creates or replaces the organisation's profile. */
    void save(OrganisationId organisation, SenderProfile profile);

    /** Removes the profile: the organisation's reminders go through the ledger again. */
    boolean remove(OrganisationId organisation);
}
