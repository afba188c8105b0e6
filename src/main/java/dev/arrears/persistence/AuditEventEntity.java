package dev.arrears.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code audit_event}. Immutable: the table's trigger rejects updates and deletes anyway. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEventEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(name = "invoice_id")
    public UUID invoiceId;

    @Column(name = "customer_id")
    public String customerId;

    @Column(nullable = false)
    public String kind;

    @Column(name = "action_key")
    public String actionKey;

    @Column(name = "policy_version")
    public String policyVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String detail;

    @Column(nullable = false)
    public String message;
}
