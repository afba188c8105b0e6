package dev.arrears.application.cycle;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.application.ledger.SettingsReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A read of an organisation's ledger settings asked for outside a cycle (a registration, an
 * accountant's choice of late-fee account), under the organisation's lease like any cycle step, so
 * that one replica works an organisation at a time: another replica's scheduled cycle may pick a
 * just-registered organisation up at once. When another replica holds the organisation, the read
 * waits for its cycle to end, up to {@code patience} (the accountant's choice must be read, not
 * left to tomorrow's daily read), then gives up, says so, and leaves the read to the
 * organisation's next cycle (the settings step made due at once, whenever it last ran).
 * An organisation no cycle works (paused, waiting to be reconnected) is read without a lease.
 */
public final class SettingsReadOutsideCycle {

    private static final Duration POLL = Duration.ofMillis(200);

    private final ReplicaId replica;
    private final Clock clock;
    private final OrganisationLeases leases;
    private final CycleBook book;
    private final SettingsReads reads;
    private final Duration leaseDuration;
    private final Duration patience;

    /** @param patience how long, in real time, to wait for another replica's cycle to let go of the organisation */
    public SettingsReadOutsideCycle(ReplicaId replica, Clock clock, OrganisationLeases leases, CycleBook book,
                                    SettingsReads reads, Duration leaseDuration, Duration patience) {
        this.replica = Objects.requireNonNull(replica, "replica");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.leases = Objects.requireNonNull(leases, "leases");
        this.book = Objects.requireNonNull(book, "book");
        this.reads = Objects.requireNonNull(reads, "reads");
        this.leaseDuration = Objects.requireNonNull(leaseDuration, "leaseDuration");
        this.patience = Objects.requireNonNull(patience, "patience");
    }

    public SettingsReport read(OrganisationId organisation, Supplier<SettingsReport> read) {
        long giveUpAt = System.nanoTime() + patience.toNanos();
        while (true) {
            Instant now = clock.instant();
            if (leases.acquire(organisation, replica.value(), now, now.plus(leaseDuration))) {
                try {
                    return noted(organisation, read.get());
                } finally {
                    leases.release(organisation, replica.value());
                }
            }
            Optional<String> holder = book.find(organisation).flatMap(CycleRecord::leaseOwner)
                    .filter(owner -> !owner.equals(replica.value()));
            if (holder.isEmpty()) {
                return noted(organisation, read.get());
            }
            if (System.nanoTime() - giveUpAt >= 0 || !pause()) {
                // The other replica's cycle may have read the settings before a choice saved just now:
                // without this, the daily read would not see the choice until tomorrow.
                book.settingsDue(organisation);
                return new SettingsReport(Optional.empty(), false, List.of(), Optional.of(new LedgerFailure.RetryLater(
                        "replica " + holder.get() + " is working this organisation; its settings will be read in "
                                + "the organisation's next cycle", Optional.empty())));
            }
        }
    }

    /** False when interrupted: the caller gives up. */
    private static boolean pause() {
        try {
            Thread.sleep(POLL.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private SettingsReport noted(OrganisationId organisation, SettingsReport report) {
        reads.noted(organisation, report, clock.instant(), replica);
        return report;
    }
}
