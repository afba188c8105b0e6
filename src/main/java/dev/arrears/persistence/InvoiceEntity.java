package dev.arrears.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Row of {@code invoice}. Written only by {@link JpaInvoiceStore}'s upsert (native SQL, for
 * ON CONFLICT); read through this mapping. Most columns are null only in a quarantined row.
 */
@Entity
@Table(name = "invoice")
public class InvoiceEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(name = "provider_invoice_id", nullable = false)
    public String providerInvoiceId;

    public String number;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "customer_name")
    public String customerName;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3)
    public String currency;

    @Column(name = "issue_date")
    public LocalDate issueDate;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(precision = 19, scale = 4)
    public BigDecimal total;

    @Column(name = "amount_due", precision = 19, scale = 4)
    public BigDecimal amountDue;

    public String status;

    @Column(name = "provider_updated_at")
    public Instant providerUpdatedAt;

    @Column(name = "late_fee_invoice", nullable = false)
    public boolean lateFeeInvoice;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "raw_payload", nullable = false)
    public String rawPayload;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String payments;

    @Column(name = "quarantine_reason")
    public String quarantineReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
