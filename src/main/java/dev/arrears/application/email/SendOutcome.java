package dev.arrears.application.email;

import java.util.List;
import java.util.Objects;

/**
 * What became of handing one email to its server. SMTP has no idempotency key, so the line that
 * matters is whether the message may have been handed over: before it, trying again is safe; after
 * it, only a person may decide to send again.
 */
public sealed interface SendOutcome {

    /** The server took the message for every recipient it did not refuse. */
    record Sent(String messageId) implements SendOutcome {
        public Sent {
            Objects.requireNonNull(messageId, "messageId");
        }
    }

    /** Nothing was handed over (no connection, a 4xx before the message's end): trying again later is safe. */
    record TryLater(String reason) implements SendOutcome {
        public TryLater {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The server refused recipients for good (5xx, such as an unknown mailbox) and nothing was sent.
     *
     * @param addresses the refused addresses; every one needs a person to find a better one
     */
    record Undeliverable(List<String> addresses, String reason) implements SendOutcome {
        public Undeliverable {
            addresses = List.copyOf(addresses);
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The server refused the message itself for good (5xx after the data, a login refused): a person looks at it. */
    record Refused(String reason) implements SendOutcome {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The message may have been handed over but no answer came: it may have been sent, and is never sent again automatically. */
    record InDoubt(String reason) implements SendOutcome {
        public InDoubt {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
