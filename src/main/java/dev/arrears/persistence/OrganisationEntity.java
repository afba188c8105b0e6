package dev.arrears.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Row of {@code organisation}. Enumerations are kept as their stored names; adapters convert them.
 * Updates write only the columns that changed ({@code DynamicUpdate}), and the scheduler's columns
 * (lease, steps, back-off) are read-only here: they change under other replicas' feet and are only
 * ever written by targeted SQL, so an entity saved from a stale read can never put them back.
 */
@org.hibernate.annotations.DynamicUpdate
@Entity
@Table(name = "organisation")
public class OrganisationEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(nullable = false)
    public String provider;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 2)
    public String country;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "base_currency", nullable = false, length = 3)
    public String baseCurrency;

    @Column(name = "policy_id", nullable = false)
    public String policyId;

    @Column(nullable = false)
    public String mode;

    @Column(name = "lease_owner", insertable = false, updatable = false)
    public String leaseOwner;

    @Column(name = "lease_expires_at", insertable = false, updatable = false)
    public Instant leaseExpiresAt;

    @Column(name = "last_sync_at", insertable = false, updatable = false)
    public Instant lastSyncAt;

    @Column(name = "last_decide_at", insertable = false, updatable = false)
    public Instant lastDecideAt;

    @Column(name = "settings_refreshed_at", insertable = false, updatable = false)
    public Instant settingsRefreshedAt;

    @Column(name = "consecutive_failures", insertable = false, updatable = false)
    public int consecutiveFailures;

    @Column(name = "backoff_until", insertable = false, updatable = false)
    public Instant backoffUntil;

    @Column(name = "writes_paused_until", insertable = false, updatable = false)
    public Instant writesPausedUntil;

    @Column(name = "cycle_requested_at", insertable = false, updatable = false)
    public Instant cycleRequestedAt;

    @Column(name = "mode_before_pause", insertable = false, updatable = false)
    public String modeBeforePause;

    @Column(name = "last_cycle_at")
    public Instant lastCycleAt;

    @Column(name = "last_cycle_outcome")
    public String lastCycleOutcome;

    @Column(name = "last_cycle_error")
    public String lastCycleError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
