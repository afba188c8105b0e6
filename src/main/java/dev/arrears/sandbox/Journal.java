package dev.arrears.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The sandbox's record of every provider request it answered (control requests are not recorded):
 * what was asked, of which organisation, with the headers that matter (idempotency keys,
 * If-Modified-Since, tenant), and what came of it. Bounded: the oldest entries go first.
 */
public final class Journal {

    /**
     * One request. {@code at} is the sandbox (ledger) clock; {@code outcome} says what the sandbox
     * did: {@code ok}, {@code replayed} (idempotent replay), {@code rejected} (4xx), {@code throttled},
     * {@code fault:<kind>} (injected), {@code unauthorised}. {@code received} and {@code answered} are
     * the wall clock when the request arrived and when its answer was decided, so that overlapping
     * requests (two callers working on one organisation at once) can be told from consecutive ones.
     */
    public record Entry(long seq, Instant at, String provider, String org, String operation, String method,
            String path, String query, Map<String, String> headers, String body, int status, String outcome,
            String entityId, Instant received, Instant answered) {
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final int capacity;
    private long nextSeq = 1;

    Journal(int capacity) {
        this.capacity = capacity;
    }

    synchronized Entry add(Instant at, String provider, String org, String operation, String method, String path,
            String query, Map<String, String> headers, String body, int status, String outcome, String entityId,
            Instant received, Instant answered) {
        Entry e = new Entry(nextSeq++, at, provider, org, operation, method, path, query, headers, body, status,
                outcome, entityId, received, answered);
        entries.addLast(e);
        while (entries.size() > capacity) {
            entries.removeFirst();
        }
        return e;
    }

    public synchronized List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    public synchronized List<Entry> entries(Predicate<Entry> filter) {
        return entries.stream().filter(filter).toList();
    }

    public synchronized void clear() {
        entries.clear();
    }

    public synchronized long lastSeq() {
        return nextSeq - 1;
    }
}
