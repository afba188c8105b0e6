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
 * just-registered organisation up at once. When another replica holds the organisation, this read
 * is left to its cycle (the settings step is due until a read succeeds) and the report says so.
 * An organisation no cycle works (paused, waiting to be reconnected) is read without a lease.
 */
public final class SettingsReadOutsideCycle {

    private final ReplicaId replica;
    private final Clock clock;
    private final OrganisationLeases leases;
    private final CycleBook book;
    private final SettingsReads reads;
    private final Duration leaseDuration;

    public SettingsReadOutsideCycle(ReplicaId replica, Clock clock, OrganisationLeases leases, CycleBook book,
                                    SettingsReads reads, Duration leaseDuration) {
        this.replica = Objects.requireNonNull(replica, "replica");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.leases = Objects.requireNonNull(leases, "leases");
        this.book = Objects.requireNonNull(book, "book");
        this.reads = Objects.requireNonNull(reads, "reads");
        this.leaseDuration = Objects.requireNonNull(leaseDuration, "leaseDuration");
    }

    public SettingsReport read(OrganisationId organisation, Supplier<SettingsReport> read) {
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
        if (holder.isPresent()) {
            return new SettingsReport(Optional.empty(), false, List.of(), Optional.of(new LedgerFailure.RetryLater(
                    "replica " + holder.get() + " is working this organisation; its cycle reads the settings",
                    Optional.empty())));
        }
        return noted(organisation, read.get());
    }

    private SettingsReport noted(OrganisationId organisation, SettingsReport report) {
        reads.noted(organisation, report, clock.instant());
        return report;
    }
}
