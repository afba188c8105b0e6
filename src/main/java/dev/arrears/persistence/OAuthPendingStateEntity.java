package dev.arrears.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code oauth_pending_state}: the SHA-256 of a state value, never the value itself. */
@Entity
@Table(name = "oauth_pending_state")
public class OAuthPendingStateEntity extends PanacheEntityBase {

    @Id
    @Column(name = "state_hash")
    public String stateHash;

    @Column(nullable = false)
    public String provider;

    @Column(name = "policy_id", nullable = false)
    public String policyId;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "started_by")
    public String startedBy;

    @Column(name = "return_to_console", nullable = false)
    public boolean returnToConsole;
}
