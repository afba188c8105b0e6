package dev.arrears.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Row of {@code ledger_settings}: a connector's per-organisation settings, pause and email count. */
@Entity
@Table(name = "ledger_settings")
public class LedgerSettingsEntity extends PanacheEntityBase {

    @Id
    @Column(name = "organisation_id")
    public UUID organisationId;

    @Column(name = "token_group")
    public String tokenGroup;

    @Column(name = "late_fee_account_code")
    public String lateFeeAccountCode;

    @Column(name = "late_fee_tax_type")
    public String lateFeeTaxType;

    @Column(name = "late_fee_item_code")
    public String lateFeeItemCode;

    @Column(name = "late_fees_approved", nullable = false)
    public boolean lateFeesApproved;

    @Column(name = "ledger_reminders_on", nullable = false)
    public boolean ledgerRemindersOn;

    @Column(name = "chase_despite_ledger_reminders", nullable = false)
    public boolean chaseDespiteLedgerReminders;

    @Column(name = "late_fees_blocked_because")
    public String lateFeesBlockedBecause;

    @Column(name = "daily_email_cap", nullable = false)
    public int dailyEmailCap;

    @Column(name = "checked_at")
    public Instant checkedAt;

    @Column(name = "paused_until")
    public Instant pausedUntil;

    @Column(name = "pause_reason")
    public String pauseReason;

    @Column(name = "emails_day")
    public LocalDate emailsDay;

    @Column(name = "emails_reserved", nullable = false)
    public int emailsReserved;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
