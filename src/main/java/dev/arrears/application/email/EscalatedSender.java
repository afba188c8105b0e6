package dev.arrears.application.email;

import java.util.Objects;

/**
 * A second sender for the later stages ("accounts@ for the friendly ones, the credit controller
 * from the final notice on").
 *
 * @param fromStage the first stage (by name) sent from {@code from}; every stage on a later day is too
 */
public record EscalatedSender(Mailbox from, String fromStage) {
    public EscalatedSender {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(fromStage, "fromStage");
        if (fromStage.isBlank()) {
            throw new IllegalArgumentException("the escalated sender needs the stage it starts at");
        }
    }
}
