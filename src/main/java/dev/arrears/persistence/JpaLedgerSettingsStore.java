package dev.arrears.persistence;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.UnknownOrganisationException;
import dev.arrears.application.ledger.LedgerSettingsStore;
import dev.arrears.application.ledger.LedgerThrottleStore;
import dev.arrears.application.ledger.OrganisationLedgerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** {@link LedgerSettingsStore} and {@link LedgerThrottleStore} on {@code ledger_settings}. */
@ApplicationScoped
public class JpaLedgerSettingsStore implements LedgerSettingsStore, LedgerThrottleStore {

    private final EntityManager em;
    private final Clock clock;

    JpaLedgerSettingsStore(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Optional<OrganisationLedgerSettings> find(OrganisationId organisationId) {
        return Optional.ofNullable(em.find(LedgerSettingsEntity.class, organisationId.value()))
                .map(JpaLedgerSettingsStore::toSettings);
    }

    @Override
    @Transactional
    public void save(OrganisationLedgerSettings s) {
        Instant now = clock.instant();
        LedgerSettingsEntity row = em.find(LedgerSettingsEntity.class, s.organisationId().value(),
                LockModeType.PESSIMISTIC_WRITE);
        boolean fresh = row == null;
        if (fresh) {
            if (em.find(OrganisationEntity.class, s.organisationId().value()) == null) {
                throw new UnknownOrganisationException(s.organisationId());
            }
            row = new LedgerSettingsEntity();
            row.organisationId = s.organisationId().value();
            row.createdAt = now;
        }
        copy(s, row, now);
        if (fresh) {
            em.persist(row);
        }
    }

    @Override
    @Transactional
    public Optional<OrganisationLedgerSettings> update(OrganisationId organisationId,
                                                       UnaryOperator<OrganisationLedgerSettings> change) {
        LedgerSettingsEntity row = em.find(LedgerSettingsEntity.class, organisationId.value(), LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            return Optional.empty();
        }
        OrganisationLedgerSettings changed = change.apply(toSettings(row));
        if (!changed.organisationId().equals(organisationId)) {
            throw new IllegalArgumentException("an update of " + organisationId + " cannot turn into " + changed.organisationId());
        }
        copy(changed, row, clock.instant());
        return Optional.of(changed);
    }

    private static void copy(OrganisationLedgerSettings s, LedgerSettingsEntity row, Instant now) {
        row.tokenGroup = s.tokenGroup().orElse(null);
        row.lateFeeAccountCode = s.lateFeeAccountCode().orElse(null);
        row.lateFeeTaxType = s.lateFeeTaxType().orElse(null);
        row.lateFeeItemCode = s.lateFeeItemCode().orElse(null);
        row.lateFeesApproved = s.lateFeesApproved();
        row.ledgerRemindersOn = s.ledgerRemindersOn();
        row.chaseDespiteLedgerReminders = s.chaseDespiteLedgerReminders();
        row.lateFeesBlockedBecause = s.lateFeesBlockedBecause().orElse(null);
        row.dailyEmailCap = s.dailyEmailCap();
        row.checkedAt = s.checkedAt().orElse(null);
        row.updatedAt = now;
    }

    @Override
    @Transactional
    public List<OrganisationId> tokenGroupMembers(String tokenGroup) {
        return em.createQuery("select s.organisationId from LedgerSettingsEntity s where s.tokenGroup = :group "
                        + "order by s.organisationId", java.util.UUID.class)
                .setParameter("group", tokenGroup)
                .getResultStream().map(OrganisationId::new).toList();
    }

    @Override
    @Transactional
    public void updateOrganisationFacts(OrganisationId organisationId, String displayName, ZoneId timeZone,
                                        String country, Currency baseCurrency) {
        OrganisationEntity row = em.find(OrganisationEntity.class, organisationId.value());
        if (row == null) {
            throw new UnknownOrganisationException(organisationId);
        }
        row.displayName = displayName;
        row.timeZone = timeZone.getId();
        row.country = country;
        row.baseCurrency = baseCurrency.getCurrencyCode();
        row.updatedAt = clock.instant();
    }

    @Override
    @Transactional
    public Optional<Pause> pause(OrganisationId organisationId, Instant now) {
        LedgerSettingsEntity row = em.find(LedgerSettingsEntity.class, organisationId.value());
        if (row == null || row.pausedUntil == null || !row.pausedUntil.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(new Pause(row.pausedUntil, row.pauseReason == null ? "paused" : row.pauseReason));
    }

    @Override
    @Transactional
    public void pauseUntil(OrganisationId organisationId, Instant until, String reason) {
        LedgerSettingsEntity row = require(organisationId);
        if (row.pausedUntil == null || row.pausedUntil.isBefore(until)) {
            row.pausedUntil = until;
            row.pauseReason = reason;
            row.updatedAt = clock.instant();
        }
    }

    @Override
    @Transactional
    public boolean reserveEmail(OrganisationId organisationId, LocalDate day, int cap) {
        LedgerSettingsEntity row = require(organisationId);
        int reserved = day.equals(row.emailsDay) ? row.emailsReserved : 0;
        if (reserved >= cap) {
            return false;
        }
        row.emailsDay = day;
        row.emailsReserved = reserved + 1;
        row.updatedAt = clock.instant();
        return true;
    }

    @Override
    @Transactional
    public void releaseEmail(OrganisationId organisationId, LocalDate day) {
        LedgerSettingsEntity row = require(organisationId);
        if (day.equals(row.emailsDay) && row.emailsReserved > 0) {
            row.emailsReserved--;
            row.updatedAt = clock.instant();
        }
    }

    /** Locked: reservations from two replicas must not both take the last email of the day. */
    private LedgerSettingsEntity require(OrganisationId organisationId) {
        LedgerSettingsEntity row = em.find(LedgerSettingsEntity.class, organisationId.value(),
                LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw new IllegalStateException("organisation " + organisationId + " has no ledger settings");
        }
        return row;
    }

    private static OrganisationLedgerSettings toSettings(LedgerSettingsEntity row) {
        return new OrganisationLedgerSettings(new OrganisationId(row.organisationId), Optional.ofNullable(row.tokenGroup),
                Optional.ofNullable(row.lateFeeAccountCode), Optional.ofNullable(row.lateFeeTaxType),
                Optional.ofNullable(row.lateFeeItemCode), row.lateFeesApproved, row.ledgerRemindersOn,
                row.chaseDespiteLedgerReminders, Optional.ofNullable(row.lateFeesBlockedBecause), row.dailyEmailCap,
                Optional.ofNullable(row.checkedAt));
    }
}
