package dev.arrears.connector.xero;

import dev.arrears.application.SyncCursor;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The Xero reading of the opaque sync cursor: the high-water mark of {@code UpdatedDateUTC} (in
 * {@link SyncCursor#changedThrough()}) and, in the token, when the last full rescan of open
 * invoices finished ({@code xero-full-scan=<instant>}).
 */
record XeroCursor(Optional<Instant> changedThrough, Optional<Instant> lastFullScan) {

    private static final String FULL_SCAN = "xero-full-scan=";

    static XeroCursor of(SyncCursor cursor) {
        Optional<Instant> fullScan = cursor.token().filter(t -> t.startsWith(FULL_SCAN)).flatMap(t -> {
            try {
                return Optional.of(Instant.parse(t.substring(FULL_SCAN.length())));
            } catch (DateTimeParseException e) {
                return Optional.empty(); // an unreadable token only costs a full rescan
            }
        });
        return new XeroCursor(cursor.changedThrough(), fullScan);
    }

    SyncCursor toSyncCursor() {
        return new SyncCursor(lastFullScan.map(at -> FULL_SCAN + at), changedThrough);
    }

    XeroCursor changedThrough(Instant instant) {
        Instant later = changedThrough.filter(c -> c.isAfter(instant)).orElse(instant);
        return new XeroCursor(Optional.of(later), lastFullScan);
    }

    XeroCursor fullScanFinished(Instant startedAt) {
        return new XeroCursor(Optional.of(startedAt), Optional.of(startedAt));
    }
}
