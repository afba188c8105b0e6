package dev.arrears.persistence;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.UnknownOrganisationException;
import dev.arrears.domain.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link OrganisationStore} on {@code organisation}. */
@ApplicationScoped
public class JpaOrganisationStore implements OrganisationStore {

    private final EntityManager em;
    private final AuditTrail audit;
    private final Clock clock;

    JpaOrganisationStore(EntityManager em, AuditTrail audit, Clock clock) {
        this.em = em;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Organisation create(NewOrganisation organisation) {
        Instant now = clock.instant();
        OrganisationEntity row = new OrganisationEntity();
        row.id = OrganisationId.random().value();
        row.displayName = organisation.displayName();
        row.provider = organisation.provider().name();
        row.timeZone = organisation.timeZone().getId();
        row.country = organisation.country();
        row.baseCurrency = organisation.baseCurrency().getCurrencyCode();
        row.policyId = organisation.policyId();
        row.mode = OrganisationMode.PREVIEW.name(); // preview first, always
        row.createdAt = now;
        row.updatedAt = now;
        em.persist(row);
        return toOrganisation(row);
    }

    @Override
    @Transactional
    public Optional<Organisation> find(OrganisationId id) {
        return Optional.ofNullable(em.find(OrganisationEntity.class, id.value())).map(JpaOrganisationStore::toOrganisation);
    }

    @Override
    @Transactional
    public List<Organisation> list() {
        return em.createQuery("from OrganisationEntity order by createdAt, id", OrganisationEntity.class)
                .getResultStream().map(JpaOrganisationStore::toOrganisation).toList();
    }

    @Override
    @Transactional
    public Organisation setMode(OrganisationId id, OrganisationMode mode) {
        OrganisationEntity row = require(id);
        String before = row.mode;
        if (!before.equals(mode.name())) {
            row.mode = mode.name();
            row.updatedAt = clock.instant();
            audit.append(AuditEvent.forOrganisation(id, AuditKind.MODE_CHANGED, Map.of("from", before, "to", mode.name()),
                    "Mode changed from " + before + " to " + mode.name() + "."));
        }
        return toOrganisation(row);
    }

    @Override
    @Transactional
    public Organisation setPolicy(OrganisationId id, String policyId, String changedBy) {
        OrganisationEntity row = require(id);
        String before = row.policyId;
        if (!before.equals(policyId)) {
            row.policyId = policyId;
            row.updatedAt = clock.instant();
            audit.append(AuditEvent.forOrganisation(id, AuditKind.CONSOLE_ACTION,
                    Map.of("user", changedBy, "action", "policy", "from", before, "to", policyId),
                    changedBy + " assigned policy '" + policyId + "' (was '" + before + "'); it applies from the next cycle."));
        }
        return toOrganisation(row);
    }

    @Override
    @Transactional
    public void recordCycleOutcome(OrganisationId id, String outcome, Optional<String> error) {
        OrganisationEntity row = require(id);
        Instant now = clock.instant();
        row.lastCycleAt = now;
        row.lastCycleOutcome = outcome;
        row.lastCycleError = error.orElse(null);
        row.updatedAt = now;
    }

    private OrganisationEntity require(OrganisationId id) {
        OrganisationEntity row = em.find(OrganisationEntity.class, id.value());
        if (row == null) {
            throw new UnknownOrganisationException(id);
        }
        return row;
    }

    static Organisation toOrganisation(OrganisationEntity row) {
        return new Organisation(new OrganisationId(row.id), row.displayName, LedgerProvider.valueOf(row.provider),
                ZoneId.of(row.timeZone), row.country, Money.currency(row.baseCurrency), row.policyId,
                OrganisationMode.valueOf(row.mode), Optional.ofNullable(row.lastCycleAt),
                Optional.ofNullable(row.lastCycleOutcome), Optional.ofNullable(row.lastCycleError), row.createdAt,
                row.updatedAt);
    }
}
