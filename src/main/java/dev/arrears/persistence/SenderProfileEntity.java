package dev.arrears.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code sender_profile}. The password column holds sealed bytes only, never plaintext. */
@Entity
@Table(name = "sender_profile")
public class SenderProfileEntity extends PanacheEntityBase {

    @Id
    @Column(name = "organisation_id")
    public UUID organisationId;

    @Column(name = "channel", nullable = false)
    public String channel;

    @Column(name = "from_address", nullable = false)
    public String fromAddress;

    @Column(name = "from_name")
    public String fromName;

    @Column(name = "reply_to")
    public String replyTo;

    @Column(name = "cc", nullable = false)
    public String cc;

    @Column(name = "bcc", nullable = false)
    public String bcc;

    @Column(name = "escalated_from")
    public String escalatedFrom;

    @Column(name = "escalated_from_stage")
    public String escalatedFromStage;

    @Column(name = "smtp_host")
    public String smtpHost;

    @Column(name = "smtp_port")
    public Integer smtpPort;

    @Column(name = "smtp_security")
    public String smtpSecurity;

    @Column(name = "smtp_user")
    public String smtpUser;

    @Column(name = "smtp_password_ciphertext")
    public byte[] smtpPasswordCiphertext;

    @Column(name = "smtp_password_key_id")
    public String smtpPasswordKeyId;

    @Column(name = "language", nullable = false)
    public String language;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
