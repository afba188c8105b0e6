package dev.arrears.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** Row of {@code policy_version}; inserted with ON CONFLICT DO NOTHING, read through this mapping. */
@Entity
@Immutable
@Table(name = "policy_version")
public class PolicyVersionEntity extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "policy_id", nullable = false)
    public String policyId;

    @Column(nullable = false)
    public String version;

    @Column(name = "source_path", nullable = false)
    public String sourcePath;

    @Column(nullable = false)
    public String content;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;
}
