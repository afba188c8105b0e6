package dev.arrears.connector.quickbooks;

import dev.arrears.domain.dunning.ActionKey;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic {@code requestid}s. Intuit answers a repeated request id (per realm) with the first
 * answer instead of doing the write again; ids may be 50 characters (36 in a batch), action keys
 * up to 200, so the id is a name-based UUID of realm, key, step and generation. The generation
 * changes only when a write is deliberately redone (after a stale-object fault 5010).
 */
final class RequestIds {

    private RequestIds() {
    }

    static String of(String realmId, ActionKey key, String step, int generation) {
        String name = "arrears|" + realmId + "|" + key.value() + "|" + step + "|g" + generation;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** For writes that belong to the company rather than to an action (the late-fee item). */
    static String of(String realmId, String purpose) {
        return UUID.nameUUIDFromBytes(("arrears|" + realmId + "|" + purpose).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
