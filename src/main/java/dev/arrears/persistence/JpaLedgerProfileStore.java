package dev.arrears.persistence;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.UnknownOrganisationException;
import dev.arrears.application.ledger.LedgerChoices;
import dev.arrears.application.ledger.LedgerFacts;
import dev.arrears.application.ledger.LedgerProfile;
import dev.arrears.application.ledger.LedgerProfileStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** {@link LedgerProfileStore} on {@code ledger_profile} (and the organisation row for the ledger's facts). */
@ApplicationScoped
public class JpaLedgerProfileStore implements LedgerProfileStore {

    private final EntityManager em;
    private final Clock clock;

    JpaLedgerProfileStore(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    @Transactional
    public LedgerProfile find(OrganisationId organisation) {
        LedgerProfileEntity row = em.find(LedgerProfileEntity.class, organisation.value());
        if (row == null) {
            return LedgerProfile.EMPTY;
        }
        LedgerChoices choices = new LedgerChoices(Optional.ofNullable(row.timeZoneOverride).map(ZoneId::of),
                Optional.ofNullable(row.lateFeeItemChoice), Optional.ofNullable(row.lateFeeIncomeAccountChoice),
                Optional.ofNullable(row.lateFeeTaxCodeChoice), row.chargeBesideLedgerLateFees);
        Optional<LedgerFacts> facts = Optional.empty();
        if (row.settingsReadAt != null) {
            OrganisationEntity org = requireOrganisation(organisation);
            facts = Optional.of(new LedgerFacts(org.displayName, ZoneId.of(org.timeZone), org.country,
                    java.util.Currency.getInstance(org.baseCurrency), Boolean.TRUE.equals(row.multiCurrency),
                    row.ledgerLateFeesDetected, Optional.ofNullable(row.lateFeeItemId), row.lateFeeItemCreated,
                    Optional.ofNullable(row.lateFeesBlockedBecause), row.settingsReadAt));
        }
        return new LedgerProfile(choices, facts, Optional.ofNullable(row.backoffUntil));
    }

    @Override
    @Transactional
    public void saveChoices(OrganisationId organisation, LedgerChoices choices) {
        LedgerProfileEntity row = lockedOrNew(organisation);
        row.timeZoneOverride = choices.timeZone().map(ZoneId::getId).orElse(null);
        row.lateFeeItemChoice = choices.lateFeeItemId().orElse(null);
        row.lateFeeIncomeAccountChoice = choices.lateFeeIncomeAccountId().orElse(null);
        row.lateFeeTaxCodeChoice = choices.lateFeeTaxCode().orElse(null);
        row.chargeBesideLedgerLateFees = choices.chargeBesideLedgerLateFees();
    }

    @Override
    @Transactional
    public void saveFacts(OrganisationId organisation, LedgerFacts facts) {
        LedgerProfileEntity row = lockedOrNew(organisation);
        row.lateFeeItemId = facts.lateFeeItemId().orElse(null);
        row.lateFeeItemCreated = facts.lateFeeItemCreated();
        row.multiCurrency = facts.multiCurrency();
        row.ledgerLateFeesDetected = facts.ledgerLateFeesDetected();
        row.lateFeesBlockedBecause = facts.lateFeesBlockedBecause().orElse(null);
        row.settingsReadAt = facts.readAt();
        OrganisationEntity org = requireOrganisation(organisation);
        String name = facts.displayName().strip();
        if (!name.isEmpty()) {
            org.displayName = name.length() > 200 ? name.substring(0, 200) : name;
        }
        org.timeZone = facts.timeZone().getId();
        org.country = facts.country();
        org.baseCurrency = facts.baseCurrency().getCurrencyCode();
        org.updatedAt = clock.instant();
    }

    @Override
    @Transactional
    public void backOff(OrganisationId organisation, Instant until, String reason) {
        LedgerProfileEntity row = lockedOrNew(organisation);
        if (row.backoffUntil == null || row.backoffUntil.isBefore(until)) {
            row.backoffUntil = until;
            row.backoffReason = reason;
        }
    }

    /**
     * The organisation's row, locked. Two replicas may create it at once (an organisation being
     * registered through one replica's admin API while another replica's cycle reads its settings):
     * the insert waits for the other one's and does nothing, instead of failing on the key.
     */
    private LedgerProfileEntity lockedOrNew(OrganisationId organisation) {
        requireOrganisation(organisation);
        Instant now = clock.instant();
        em.createNativeQuery("insert into ledger_profile (organisation_id, created_at, updated_at) values (:id, :now, :now)"
                        + " on conflict (organisation_id) do nothing")
                .setParameter("id", organisation.value()).setParameter("now", now).executeUpdate();
        LedgerProfileEntity row = em.find(LedgerProfileEntity.class, organisation.value(), LockModeType.PESSIMISTIC_WRITE);
        row.updatedAt = now;
        return row;
    }

    private OrganisationEntity requireOrganisation(OrganisationId organisation) {
        OrganisationEntity org = em.find(OrganisationEntity.class, organisation.value());
        if (org == null) {
            throw new UnknownOrganisationException(organisation);
        }
        return org;
    }
}
