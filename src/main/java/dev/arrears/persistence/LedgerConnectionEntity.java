package dev.arrears.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code ledger_connection}. Token columns hold sealed bytes only, never plaintext. */
@Entity
@Table(name = "ledger_connection")
public class LedgerConnectionEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(nullable = false)
    public String provider;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "access_token_ciphertext", nullable = false)
    public byte[] accessTokenCiphertext;

    @Column(name = "access_token_key_id", nullable = false)
    public String accessTokenKeyId;

    @Column(name = "access_token_expires_at", nullable = false)
    public Instant accessTokenExpiresAt;

    @Column(name = "refresh_token_ciphertext", nullable = false)
    public byte[] refreshTokenCiphertext;

    @Column(name = "refresh_token_key_id", nullable = false)
    public String refreshTokenKeyId;

    @Column(name = "refresh_token_expires_at")
    public Instant refreshTokenExpiresAt;

    @Column(name = "refresh_token_hard_expires_at")
    public Instant refreshTokenHardExpiresAt;

    @Column(nullable = false)
    public String scopes;

    @Column(nullable = false)
    public String status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "sync_cursor_token")
    public String syncCursorToken;

    @Column(name = "sync_changed_through")
    public Instant syncChangedThrough;

    @Column(name = "last_full_scan_at")
    public Instant lastFullScanAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "connected_at")
    public Instant connectedAt;

    @Column(name = "connected_by")
    public String connectedBy;

    @Override
    public String toString() {
        return "LedgerConnectionEntity[organisation=" + organisationId + ", provider=" + provider + ", tenant=" + tenantId
                + ", status=" + status + "]";
    }
}
