package dev.arrears.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Row of {@code dunning_state}. The version is checked by hand under a row lock (see
 * {@link JpaDunningStateStore}) because writers quote the version they read in an earlier transaction.
 */
@Entity
@Table(name = "dunning_state")
public class DunningStateEntity extends PanacheEntityBase {

    @Id
    @Column(name = "invoice_id")
    public UUID invoiceId;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(nullable = false)
    public String status;

    public String stage;

    @Column(name = "stage_entered_on")
    public LocalDate stageEnteredOn;

    @Column(name = "due_date_at_stage")
    public LocalDate dueDateAtStage;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "completed_stages", nullable = false, columnDefinition = "text[]")
    public String[] completedStages;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "skipped_stages", nullable = false, columnDefinition = "text[]")
    public String[] skippedStages;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String fees;

    /** The engine's one-off notices (V2): never done again once here. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] notices = new String[0];

    @Column(name = "next_review_on")
    public LocalDate nextReviewOn;

    @Column(name = "policy_version", nullable = false)
    public String policyVersion;

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
