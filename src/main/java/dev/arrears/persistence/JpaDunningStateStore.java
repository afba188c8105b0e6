package dev.arrears.persistence;

import dev.arrears.application.DunningStateStore;
import dev.arrears.application.DunningStateUpdate;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.StaleStateException;
import dev.arrears.application.StoredDunningState;
import dev.arrears.domain.dunning.DunningState;
import dev.arrears.domain.dunning.DunningStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link DunningStateStore} on {@code dunning_state}. A writer quotes the version it read (in an
 * earlier transaction); the row is locked, the version compared and only then replaced, so a
 * replica that lost its lease can never overwrite a newer decision.
 */
@ApplicationScoped
public class JpaDunningStateStore implements DunningStateStore {

    private final EntityManager em;
    private final InvoiceRows invoices;
    private final Clock clock;

    JpaDunningStateStore(EntityManager em, InvoiceRows invoices, Clock clock) {
        this.em = em;
        this.invoices = invoices;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Optional<StoredDunningState> load(InvoiceRef invoice) {
        return invoices.find(invoice)
                .map(row -> em.find(DunningStateEntity.class, row.id))
                .map(state -> toStored(invoice, state));
    }

    @Override
    @Transactional
    public Map<String, StoredDunningState> loadAll(OrganisationId organisationId) {
        Map<String, StoredDunningState> states = new LinkedHashMap<>();
        em.createQuery("select s, i.providerInvoiceId from DunningStateEntity s join InvoiceEntity i on i.id = s.invoiceId "
                        + "where s.organisationId = :org order by i.providerInvoiceId", Object[].class)
                .setParameter("org", organisationId.value())
                .getResultStream()
                .forEach(r -> states.put((String) r[1],
                        toStored(new InvoiceRef(organisationId, (String) r[1]), (DunningStateEntity) r[0])));
        return states;
    }

    @Override
    @Transactional
    public List<Long> save(List<DunningStateUpdate> updates) {
        List<Long> versions = new ArrayList<>();
        for (DunningStateUpdate update : updates) {
            versions.add(write(update));
        }
        return versions;
    }

    /**
     * One state of {@link #save}, under its row lock. ({@link JpaDecisionRecorder} writes the states of
     * many decisions in one statement instead, with the same version check.)
     *
     * @return the new version
     */
    private long write(DunningStateUpdate update) {
        InvoiceEntity invoice = invoices.require(update.invoice());
        DunningStateEntity row = em.find(DunningStateEntity.class, invoice.id, LockModeType.PESSIMISTIC_WRITE);
        long stored = row == null ? StoredDunningState.NOT_STORED : row.version;
        if (stored != update.basedOnVersion()) {
            throw new StaleStateException(update.invoice(), update.basedOnVersion());
        }
        Instant now = clock.instant();
        boolean insert = row == null;
        if (insert) {
            row = new DunningStateEntity();
            row.invoiceId = invoice.id;
            row.organisationId = invoice.organisationId;
            row.createdAt = now;
        }
        fill(row, update.newState());
        row.policyVersion = update.policyVersion();
        row.version = stored + 1;
        row.updatedAt = now;
        // Written outside a decide step: the invoice is decided again at the next cycle (InvoicesToDecide).
        em.createNativeQuery("update invoice set decide_reason = 'dunning state changed',"
                        + " decide_mark = nextval('invoice_decide_mark') where id = :id")
                .setParameter("id", invoice.id).executeUpdate();
        if (insert) {
            em.persist(row);
            try {
                em.flush();
            } catch (PersistenceException e) {
                // Nothing was there to lock: another writer inserted the first state at the same moment.
                throw new StaleStateException(update.invoice(), update.basedOnVersion());
            }
        }
        return row.version;
    }

    private static void fill(DunningStateEntity row, DunningState state) {
        row.status = state.status().name();
        row.stage = state.stage().orElse(null);
        row.stageEnteredOn = state.stageEnteredOn().orElse(null);
        row.dueDateAtStage = state.dueDateAtStage().orElse(null);
        row.completedStages = state.completedStages().toArray(String[]::new);
        row.skippedStages = state.skippedStages().toArray(String[]::new);
        row.fees = FeesJson.write(state.fees());
        row.nextReviewOn = state.nextReviewOn().orElse(null);
        row.notices = state.notices().toArray(String[]::new);
    }

    private static StoredDunningState toStored(InvoiceRef invoice, DunningStateEntity row) {
        return new StoredDunningState(invoice, toState(row), row.version, row.policyVersion);
    }

    private static DunningState toState(DunningStateEntity row) {
        return new DunningState(DunningStatus.valueOf(row.status), Optional.ofNullable(row.stage),
                Optional.ofNullable(row.stageEnteredOn), Optional.ofNullable(row.dueDateAtStage),
                Arrays.asList(row.completedStages), Arrays.asList(row.skippedStages), FeesJson.read(row.fees),
                Optional.ofNullable(row.nextReviewOn), row.notices == null ? List.of() : Arrays.asList(row.notices));
    }
}
