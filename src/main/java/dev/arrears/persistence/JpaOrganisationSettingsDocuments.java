package dev.arrears.persistence;

import dev.arrears.application.policy.OrganisationSettingsDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;

/** The organisation settings documents: the rows of kind ORGANISATION_SETTINGS in {@code policy_document}. */
@ApplicationScoped
public class JpaOrganisationSettingsDocuments extends JpaDocumentVersions implements OrganisationSettingsDocuments {

    JpaOrganisationSettingsDocuments(EntityManager em, Clock clock) {
        super(em, clock, "ORGANISATION_SETTINGS");
    }
}
