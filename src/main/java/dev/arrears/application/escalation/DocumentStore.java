package dev.arrears.application.escalation;

import dev.arrears.application.OrganisationId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Keeps the escalation documents produced, one per trigger key. */
public interface DocumentStore {

    /**
     * The trigger keys of the organisation's kept documents: a decide step reads them once, not one
     * look-up per invoice in a documented stage.
     */
    Set<String> triggerKeys(OrganisationId organisationId);

    /**
     * Stores the documents, in one transaction, each unless one with its trigger key is already kept
     * (then that one is left as it is).
     *
     * @return the trigger keys of the documents stored
     */
    Set<String> storeAllIfAbsent(List<StoredDocument> documents);

    /** Newest first; every customer of the organisation when {@code customerId} is empty. */
    List<StoredDocument> list(OrganisationId organisationId, Optional<String> customerId);

    Optional<StoredDocument> find(UUID id);
}
