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

/** Row of {@code organisation}. Enumerations are kept as their stored names; adapters convert them. */
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

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

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
