package dev.arrears.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code oauth_pending_consent}. The PKCE verifier is held sealed only. */
@Entity
@Table(name = "oauth_pending_consent")
public class PendingConsentEntity extends PanacheEntityBase {

    @Id
    public String state;

    @Column(nullable = false)
    public String provider;

    @Column(name = "code_verifier_ciphertext", nullable = false)
    public byte[] codeVerifierCiphertext;

    @Column(name = "code_verifier_key_id", nullable = false)
    public String codeVerifierKeyId;

    @Column(name = "policy_id", nullable = false)
    public String policyId;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_by")
    public String startedBy;

    @Column(name = "return_to_console", nullable = false)
    public boolean returnToConsole;

    @Override
    public String toString() {
        return "PendingConsentEntity[provider=" + provider + ", expiresAt=" + expiresAt + "]";
    }
}
