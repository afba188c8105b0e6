package dev.arrears.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.cycle.CycleStep;
import dev.arrears.application.cycle.ReplicaId;
import dev.arrears.application.cycle.SettingsReadOutsideCycle;
import dev.arrears.application.cycle.SettingsReads;
import dev.arrears.application.ledger.SettingsReport;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A registration or an accountant's choice reads the ledger's settings under the organisation's
 * lease, so it never talks to the ledger while another replica's cycle works the organisation.
 */
@QuarkusTest
class SettingsReadOutsideCycleTest extends CycleTestBase {

    static final SettingsReport READ = new SettingsReport(Optional.empty(), false, List.of(), Optional.empty());

    final AtomicInteger ledgerReads = new AtomicInteger();

    SettingsReadOutsideCycle reader() {
        return new SettingsReadOutsideCycle(new ReplicaId("api"), fx.clock, fx.leases, fx.book,
                new SettingsReads(fx.book, fx.audit), Duration.ofMinutes(5), Duration.ZERO);
    }

    SettingsReport read() {
        ledgerReads.incrementAndGet();
        return READ;
    }

    @Test
    void a_free_organisation_is_read_under_a_lease_that_is_given_back() {
        OrganisationId org = fx.organisation("New Ltd", LedgerProvider.XERO);

        assertThat(reader().read(org, this::read)).isEqualTo(READ);

        assertThat(ledgerReads).hasValue(1);
        assertThat(fx.book.find(org).orElseThrow().settingsRefreshedAt()).contains(fx.clock.instant());
        assertThat(fx.book.find(org).orElseThrow().leaseOwner()).isEmpty();
    }

    @Test
    void an_organisation_another_replica_keeps_working_past_the_patience_is_not_read_and_the_report_says_so() {
        OrganisationId org = fx.organisation("Busy Ltd", LedgerProvider.QUICKBOOKS);
        Instant now = fx.clock.instant();
        assertThat(fx.leases.acquire(org, "scheduler", now, now.plus(Duration.ofMinutes(5)))).isTrue();

        SettingsReport report = reader().read(org, this::read);

        assertThat(ledgerReads).as("no call to the ledger").hasValue(0);
        assertThat(report.failure()).hasValueSatisfying(f -> assertThat(f.reason()).contains("scheduler"));
        assertThat(fx.book.find(org).orElseThrow().settingsRefreshedAt()).as("still due for the cycle").isEmpty();
    }

    @Test
    void a_choice_read_that_gives_up_leaves_the_read_to_the_next_cycle_even_when_the_settings_were_read_today() {
        OrganisationId org = fx.organisation("Chosen Ltd", LedgerProvider.XERO);
        Instant now = fx.clock.instant();
        // The other replica's cycle read the settings a moment ago, before the accountant saved a choice.
        fx.book.stepDone(org, CycleStep.SETTINGS, now.minusSeconds(5), "test");
        assertThat(fx.leases.acquire(org, "scheduler", now, now.plus(Duration.ofMinutes(5)))).isTrue();

        SettingsReport report = reader().read(org, this::read);

        assertThat(report.failure()).hasValueSatisfying(f -> assertThat(f.reason()).contains("next cycle"));
        assertThat(fx.book.find(org).orElseThrow().settingsRefreshedAt()).as("due at the next cycle, not tomorrow").isEmpty();
    }

    @Test
    void a_read_waits_for_another_replicas_cycle_to_let_go() throws Exception {
        OrganisationId org = fx.organisation("Soon Free Ltd", LedgerProvider.QUICKBOOKS);
        Instant now = fx.clock.instant();
        assertThat(fx.leases.acquire(org, "scheduler", now, now.plus(Duration.ofMinutes(5)))).isTrue();
        SettingsReadOutsideCycle patient = new SettingsReadOutsideCycle(new ReplicaId("api"), fx.clock, fx.leases, fx.book,
                new SettingsReads(fx.book, fx.audit), Duration.ofMinutes(5), Duration.ofSeconds(30));

        var reading = CompletableFuture.supplyAsync(() -> patient.read(org, this::read));
        fx.leases.release(org, "scheduler");   // the other replica's cycle ends

        assertThat(reading.get(30, TimeUnit.SECONDS)).isEqualTo(READ);
        assertThat(ledgerReads).hasValue(1);
    }
}
