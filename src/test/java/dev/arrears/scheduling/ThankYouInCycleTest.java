package dev.arrears.scheduling;

import static dev.arrears.scheduling.CycleFixture.TODAY;
import static dev.arrears.scheduling.CycleFixture.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.policy.EffectivePolicies;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.invoice.PaymentApplied;
import dev.arrears.domain.money.Money;
import dev.arrears.files.policy.PolicyCatalog;
import dev.arrears.files.policy.PolicyFileLoader;
import dev.arrears.files.policy.PolicyResolver;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy's thank-you note, through whole cycles: it exists because the invoice was paid, so "paid" must not cancel it. */
@QuarkusTest
class ThankYouInCycleTest extends CycleTestBase {

    @TempDir
    Path dir;

    private CycleFixture.Replica replica(RecordingLedger xero) throws IOException {
        return fx.replica("thanks", thankingPolicy(dir), xero);
    }

    /** The policy of these tests, written into {@code dir}: an overdue notice, and a thank-you note once paid. */
    static EffectivePolicies thankingPolicy(Path dir) throws IOException {
        Files.writeString(dir.resolve("default.yaml"), """
                id: default
                thank_you: thank-you
                stages:
                  - name: Overdue notice
                    day: 1
                    actions: [ { reminder: overdue } ]
                """);
        PolicyFileLoader loader = new PolicyFileLoader();
        return PolicyResolver.load(dir, PolicyCatalog.load(dir, loader), loader);
    }

    private static InvoiceSnapshot paid(InvoiceSnapshot open) {
        return new InvoiceSnapshot(open.organisationId(), open.invoiceId(), open.number(), open.customerId(), open.customerName(),
                open.issueDate(), open.dueDate(), open.total(), Money.zero(open.currency()), InvoiceStatus.PAID,
                List.of(new PaymentApplied(TODAY, open.total())), false);
    }

    @Test
    void a_chased_invoice_paid_in_full_gets_its_thank_you_note_once() throws IOException {
        RecordingLedger xero = fx.ledger(LedgerProvider.XERO);
        CycleFixture.Replica replica = replica(xero);
        OrganisationId org = fx.liveOrganisation("Grateful Ltd", LedgerProvider.XERO);
        InvoiceSnapshot open = invoice(org, "A", "C1", TODAY.minusDays(1));
        xero.put(open);
        replica.cycle().runDue();

        xero.put(paid(open));
        fx.clock.advance(Duration.ofDays(4));
        replica.cycle().runDue();
        fx.clock.advance(Duration.ofDays(1));
        replica.cycle().runDue();

        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key).containsExactly(
                org + ":A:stage:overdue-notice:reminder:0", org + ":A:thank-you");
    }

    @Test
    void an_invoice_reopened_before_its_thank_you_is_written_gets_none() throws IOException {
        RecordingLedger xero = fx.ledger(LedgerProvider.XERO);
        CycleFixture.Replica replica = replica(xero);
        OrganisationId org = fx.liveOrganisation("Reopened Ltd", LedgerProvider.XERO);
        InvoiceSnapshot open = invoice(org, "A", "C1", TODAY.minusDays(1));
        xero.put(open);
        replica.cycle().runDue();

        // Paid, the thank-you planned, its first write throttled; then the payment is taken back in the ledger.
        xero.put(paid(open));
        xero.failNext(org + ":A:thank-you", RecordingLedger.Fault.TOO_MANY_REQUESTS);
        fx.clock.advance(Duration.ofDays(4));
        replica.cycle().runDue();
        xero.put(open);
        fx.clock.advance(Duration.ofDays(3));   // Monday: inside the send window again
        replica.dispatch().dispatchDue();

        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key).containsExactly(
                org + ":A:stage:overdue-notice:reminder:0");
    }
}
