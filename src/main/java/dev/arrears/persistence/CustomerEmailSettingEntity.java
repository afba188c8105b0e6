package dev.arrears.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Row of {@code customer_email_setting}. */
@Entity
@Table(name = "customer_email_setting")
@IdClass(CustomerEmailSettingEntity.Key.class)
public class CustomerEmailSettingEntity extends PanacheEntityBase {

    @Id
    @Column(name = "organisation_id")
    public UUID organisationId;

    @Id
    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "to_override")
    public String toOverride;

    @Column(name = "cc", nullable = false)
    public String cc;

    @Column(name = "bcc", nullable = false)
    public String bcc;

    @Column(name = "language")
    public String language;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The composite key. */
    public static class Key implements Serializable {
        public UUID organisationId;
        public String customerId;

        public Key() {
        }

        public Key(UUID organisationId, String customerId) {
            this.organisationId = organisationId;
            this.customerId = customerId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(organisationId, k.organisationId) && Objects.equals(customerId, k.customerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organisationId, customerId);
        }
    }
}
