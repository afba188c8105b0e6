package dev.arrears.persistence;

import dev.arrears.application.policy.TemplateDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;

/** The message templates: the rows of kind TEMPLATE in {@code policy_document}. */
@ApplicationScoped
public class JpaTemplateDocuments extends JpaDocumentVersions implements TemplateDocuments {

    JpaTemplateDocuments(EntityManager em, Clock clock) {
        super(em, clock, "TEMPLATE");
    }
}
