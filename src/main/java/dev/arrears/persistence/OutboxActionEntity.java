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

/** Row of {@code outbox_action}. Inserted with native SQL (ON CONFLICT on the key); read through this mapping. */
@Entity
@Table(name = "outbox_action")
public class OutboxActionEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "action_key", nullable = false)
    public String actionKey;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String stage;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String payload;

    @Column(name = "policy_version")
    public String policyVersion;

    @Column(nullable = false)
    public String status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "claim_expires_at")
    public Instant claimExpiresAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "in_doubt", nullable = false)
    public boolean inDoubt;

    /** Whether the current claim's write began (V7): an expired claim is in doubt only then. */
    @Column(name = "writing", nullable = false)
    public boolean writing;

    @Column(name = "first_write_at")
    public Instant firstWriteAt;

    @Column(name = "ledger_reference")
    public String ledgerReference;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
