package dev.arrears.persistence;

import dev.arrears.application.policy.PolicyDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;

/** The policy documents: the rows of kind POLICY in {@code policy_document}. */
@ApplicationScoped
public class JpaPolicyDocuments extends JpaDocumentVersions implements PolicyDocuments {

    JpaPolicyDocuments(EntityManager em, Clock clock) {
        super(em, clock, "POLICY");
    }
}
