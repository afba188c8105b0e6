package dev.arrears.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code ledger_profile}. */
@Entity
@Table(name = "ledger_profile")
public class LedgerProfileEntity extends PanacheEntityBase {

    @Id
    @Column(name = "organisation_id")
    public UUID organisationId;

    @Column(name = "time_zone_override")
    public String timeZoneOverride;

    @Column(name = "late_fee_item_choice")
    public String lateFeeItemChoice;

    @Column(name = "late_fee_income_account_choice")
    public String lateFeeIncomeAccountChoice;

    @Column(name = "late_fee_tax_code_choice")
    public String lateFeeTaxCodeChoice;

    @Column(name = "charge_beside_ledger_late_fees", nullable = false)
    public boolean chargeBesideLedgerLateFees;

    @Column(name = "late_fee_item_id")
    public String lateFeeItemId;

    @Column(name = "late_fee_item_created", nullable = false)
    public boolean lateFeeItemCreated;

    @Column(name = "multi_currency")
    public Boolean multiCurrency;

    @Column(name = "ledger_late_fees_detected", nullable = false)
    public boolean ledgerLateFeesDetected;

    @Column(name = "late_fees_blocked_because")
    public String lateFeesBlockedBecause;

    @Column(name = "settings_read_at")
    public Instant settingsReadAt;

    @Column(name = "backoff_until")
    public Instant backoffUntil;

    @Column(name = "backoff_reason")
    public String backoffReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
