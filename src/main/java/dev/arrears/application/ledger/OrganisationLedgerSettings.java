package dev.arrears.application.ledger;

import dev.arrears.application.OrganisationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a connector keeps about one organisation's ledger beyond its connection: the accountant's
 * late-fee choices (validated against the ledger), whether the ledger chases on its own, and the
 * result of the last settings check.
 *
 * @param tokenGroup                   organisations whose connections share one token set (one
 *                                     consent covering several organisations) carry the same group;
 *                                     their tokens are refreshed together
 * @param lateFeeAccountCode           revenue account the fee line is booked to
 * @param lateFeeTaxType               tax treatment of the fee line
 * @param lateFeeItemCode              item the fee line refers to
 * @param lateFeesApproved             true: fee invoices are raised approved (sent-ready); false: as drafts
 * @param ledgerRemindersOn            the ledger's own invoice reminders are switched on
 * @param chaseDespiteLedgerReminders  the accountant wants Arrears to chase even so
 * @param lateFeesBlockedBecause       why fees cannot be raised now; empty when they can
 * @param dailyEmailCap                invoice emails the ledger sends for this organisation per day
 * @param checkedAt                    when the settings were last read from the ledger
 */
public record OrganisationLedgerSettings(OrganisationId organisationId, Optional<String> tokenGroup,
                                         Optional<String> lateFeeAccountCode, Optional<String> lateFeeTaxType,
                                         Optional<String> lateFeeItemCode, boolean lateFeesApproved,
                                         boolean ledgerRemindersOn, boolean chaseDespiteLedgerReminders,
                                         Optional<String> lateFeesBlockedBecause, int dailyEmailCap,
                                         Optional<Instant> checkedAt) {

    public OrganisationLedgerSettings {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(tokenGroup, "tokenGroup");
        Objects.requireNonNull(lateFeeAccountCode, "lateFeeAccountCode");
        Objects.requireNonNull(lateFeeTaxType, "lateFeeTaxType");
        Objects.requireNonNull(lateFeeItemCode, "lateFeeItemCode");
        Objects.requireNonNull(lateFeesBlockedBecause, "lateFeesBlockedBecause");
        Objects.requireNonNull(checkedAt, "checkedAt");
        if (dailyEmailCap < 0) {
            throw new IllegalArgumentException("a daily email cap cannot be negative, was " + dailyEmailCap);
        }
    }

    /** Nothing known yet: no fee choices, never checked. */
    public static OrganisationLedgerSettings initial(OrganisationId organisationId, Optional<String> tokenGroup,
                                                     int dailyEmailCap) {
        return new OrganisationLedgerSettings(organisationId, tokenGroup, Optional.empty(), Optional.empty(),
                Optional.empty(), false, false, false, Optional.of("no late-fee account, tax type and item chosen yet"),
                dailyEmailCap, Optional.empty());
    }

    public OrganisationLedgerSettings withLateFeeChoices(Optional<String> accountCode, Optional<String> taxType,
                                                         Optional<String> itemCode, boolean approved) {
        return new OrganisationLedgerSettings(organisationId, tokenGroup, accountCode, taxType, itemCode, approved,
                ledgerRemindersOn, chaseDespiteLedgerReminders, lateFeesBlockedBecause, dailyEmailCap, checkedAt);
    }

    public OrganisationLedgerSettings withChaseDespiteLedgerReminders(boolean chase) {
        return new OrganisationLedgerSettings(organisationId, tokenGroup, lateFeeAccountCode, lateFeeTaxType,
                lateFeeItemCode, lateFeesApproved, ledgerRemindersOn, chase, lateFeesBlockedBecause, dailyEmailCap,
                checkedAt);
    }

    public OrganisationLedgerSettings withCheck(boolean remindersOn, Optional<String> blockedBecause, int emailCap,
                                                Instant at) {
        return new OrganisationLedgerSettings(organisationId, tokenGroup, lateFeeAccountCode, lateFeeTaxType,
                lateFeeItemCode, lateFeesApproved, remindersOn, chaseDespiteLedgerReminders, blockedBecause, emailCap,
                Optional.of(at));
    }

    /** Whether the accountant's choices (fee account, tax type, item, approval, chasing despite the ledger) are the same. */
    public boolean sameChoicesAs(OrganisationLedgerSettings other) {
        return lateFeeAccountCode.equals(other.lateFeeAccountCode) && lateFeeTaxType.equals(other.lateFeeTaxType)
                && lateFeeItemCode.equals(other.lateFeeItemCode) && lateFeesApproved == other.lateFeesApproved
                && chaseDespiteLedgerReminders == other.chaseDespiteLedgerReminders;
    }

    public OrganisationLedgerSettings withTokenGroup(Optional<String> group) {
        return new OrganisationLedgerSettings(organisationId, group, lateFeeAccountCode, lateFeeTaxType,
                lateFeeItemCode, lateFeesApproved, ledgerRemindersOn, chaseDespiteLedgerReminders,
                lateFeesBlockedBecause, dailyEmailCap, checkedAt);
    }
}
