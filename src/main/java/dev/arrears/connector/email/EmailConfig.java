package dev.arrears.connector.email;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code arrears.email.*}: the firm-wide default SMTP server, used by every sender profile that has
 * no server of its own (ARREARS_EMAIL_SMTP_HOST, _PORT, _SECURITY, _USER, _PASSWORD), and how long
 * Arrears waits for a server. See docs/email.md.
 */
@ConfigMapping(prefix = "arrears.email")
public interface EmailConfig {

    Smtp smtp();

    /**
     * How long one hand-over may take. A server silent for this long after the message was sent
     * leaves the email in doubt: it is never sent again automatically.
     */
    @WithDefault("PT60S")
    Duration sendTimeout();

    /**
     * The largest invoice PDF attached to a reminder (ARREARS_EMAIL_ATTACHMENT_MAX_BYTES, 5 MiB). A
     * larger one is left off and the email goes without it; 0 attaches none.
     */
    @WithDefault("5242880")
    int attachmentMaxBytes();

    interface Smtp {
        /** Empty: there is no firm-wide server, and a profile without its own server cannot send. */
        Optional<String> host();

        @WithDefault("587")
        int port();

        /** STARTTLS, TLS or NONE (NONE only for a relay on the same host or network). */
        @WithDefault("STARTTLS")
        String security();

        Optional<String> user();

        Optional<String> password();
    }
}
