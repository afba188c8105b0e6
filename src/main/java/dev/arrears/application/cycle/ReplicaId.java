package dev.arrears.application.cycle;

import java.util.Objects;

/** This process's name in leases and claims. Identity only: it holds no state that matters. */
public record ReplicaId(String value) {

    /**
     * The HTTP header every ledger call carries with this replica's id: harmless to the providers,
     * and it lets a stand-in ledger's journal show which replica worked on an organisation when.
     */
    public static final String HEADER = "X-Arrears-Replica";

    public ReplicaId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException("a replica id must be 1 to 200 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
