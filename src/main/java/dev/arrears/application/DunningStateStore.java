package dev.arrears.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What Arrears remembers about chasing each invoice. */
public interface DunningStateStore {

    Optional<StoredDunningState> load(InvoiceRef invoice);

    /** The stored states of an organisation's invoices, keyed by provider invoice id. */
    Map<String, StoredDunningState> loadAll(OrganisationId organisationId);

    /**
     * Writes the states in one transaction, each only if its stored version is still the one quoted.
     *
     * @return the new versions, in the order given
     * @throws StaleStateException if any state changed meanwhile; then none is written
     */
    List<Long> save(List<DunningStateUpdate> updates);
}
