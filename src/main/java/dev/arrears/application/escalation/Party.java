package dev.arrears.application.escalation;

import java.util.Objects;

/** The customer a document is about, as the ledger names them. */
public record Party(String id, String name) {
    public Party {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
