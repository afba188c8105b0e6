package dev.arrears.scheduling;

import static dev.arrears.scheduling.CycleFixture.TODAY;
import static dev.arrears.scheduling.CycleFixture.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OutboxStatus;
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

/**
 * A full payment under a UK statutory policy, through whole cycles: what accrued up to the payment is settled once,
 * by the dispatcher's usual path, although "the invoice is paid" cancels everything else of the invoice.
 */
@QuarkusTest
class FullPaymentInCycleTest extends CycleTestBase {

    @TempDir
    Path dir;

    private CycleFixture.Replica replicaUnder(String onFullPayment, RecordingLedger xero) throws IOException {
        Files.writeString(dir.resolve("default.yaml"), """
                id: default
                fee_rules:
                  - { id: interest, statutory_interest: uk, repeat_every_days: 30%1$s }
                  - { id: compensation, statutory_compensation: uk%1$s }
                stages:
                  - name: Overdue notice
                    day: 1
                    actions: [ { reminder: overdue } ]
                  - name: Final notice
                    day: 30
                    actions: [ { reminder: final }, { late_fee: interest }, { late_fee: compensation } ]
                """.formatted(onFullPayment == null ? "" : ", on_full_payment: " + onFullPayment));
        PolicyFileLoader loader = new PolicyFileLoader();
        return fx.replica("full-payment", PolicyResolver.load(dir, PolicyCatalog.load(dir, loader), loader), xero);
    }

    /** The ledger's copy after the customer paid everything on {@code TODAY}, a day after the due date. */
    private static InvoiceSnapshot paidToday(InvoiceSnapshot open) {
        return new InvoiceSnapshot(open.organisationId(), open.invoiceId(), open.number(), open.customerId(), open.customerName(),
                open.issueDate(), open.dueDate(), open.total(), Money.zero(open.currency()), InvoiceStatus.PAID,
                List.of(new PaymentApplied(TODAY, open.total())), false);
    }

    @Test
    void final_invoice_writes_the_accrued_fees_of_a_paid_invoice_once_and_a_later_sync_of_the_payment_does_not_cancel_them()
            throws IOException {
        RecordingLedger xero = fx.ledger(LedgerProvider.XERO);
        CycleFixture.Replica replica = replicaUnder("final_invoice", xero);
        OrganisationId org = fx.liveOrganisation("Paid Ltd", LedgerProvider.XERO);
        InvoiceSnapshot open = invoice(org, "A", "C1", TODAY.minusDays(1));
        xero.put(open);
        replica.cycle().runDue();
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::kind).containsExactly("Reminder");

        // Paid in full; the interest fee's first write fails, so it is still pending when the sync sees the payment again.
        xero.put(paidToday(open));
        String interestKey = org + ":A:fee:interest:on-full-payment";
        String compensationKey = org + ":A:fee:compensation:on-full-payment";
        xero.failNext(interestKey, RecordingLedger.Fault.SERVER_ERROR);
        fx.clock.advance(Duration.ofMinutes(16));
        replica.cycle().runDue();
        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key).containsExactly(
                org + ":A:stage:overdue-notice:reminder:0", compensationKey);
        assertThat(fx.outbox(org, OutboxStatus.PENDING)).singleElement()
                .satisfies(e -> assertThat(e.action().key().value()).isEqualTo(interestKey));

        xero.put(paidToday(open));   // touched again in the ledger: the sync stores it and cancels what is pending
        fx.clock.advance(Duration.ofHours(2));
        replica.cycle().runDue();
        fx.clock.advance(Duration.ofHours(2));
        replica.cycle().runDue();

        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::key).containsExactly(
                org + ":A:stage:overdue-notice:reminder:0", compensationKey, interestKey);
        assertThat(fx.outbox(org, OutboxStatus.CANCELLED)).isEmpty();
        assertThat(fx.outbox(org)).allMatch(e -> e.status() == OutboxStatus.DONE);
    }

    @Test
    void by_default_a_person_gets_the_amounts_as_a_task_although_the_invoice_is_paid() throws IOException {
        RecordingLedger xero = fx.ledger(LedgerProvider.XERO);
        CycleFixture.Replica replica = replicaUnder(null, xero);
        OrganisationId org = fx.liveOrganisation("Task Ltd", LedgerProvider.XERO);
        InvoiceSnapshot open = invoice(org, "A", "C1", TODAY.minusDays(1));
        xero.put(open);
        replica.cycle().runDue();

        xero.put(paidToday(open));
        fx.clock.advance(Duration.ofMinutes(16));
        replica.cycle().runDue();

        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::kind).containsExactly("Reminder");
        assertThat(fx.outbox(org, OutboxStatus.NEEDS_HUMAN)).singleElement().satisfies(task -> {
            assertThat(task.action().key().value()).isEqualTo(org + ":A:on-full-payment");
            assertThat(task.statusReason().orElseThrow()).contains("fee 'interest'").contains("fee 'compensation': 70.00 GBP");
        });
    }

    @Test
    void a_reminder_still_pending_when_the_payment_arrives_is_cancelled_as_before() throws IOException {
        RecordingLedger xero = fx.ledger(LedgerProvider.XERO);
        CycleFixture.Replica replica = replicaUnder("final_invoice", xero);
        OrganisationId org = fx.liveOrganisation("Race Ltd", LedgerProvider.XERO);
        InvoiceSnapshot open = invoice(org, "A", "C1", TODAY.minusDays(1));
        xero.put(open);
        xero.beforeReread(invoiceId -> xero.put(paidToday(open)));

        replica.cycle().runDue();

        assertThat(xero.applied(org)).isEmpty();
        assertThat(fx.outbox(org)).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(OutboxStatus.CANCELLED));
    }

    @Test
    void a_final_fee_invoice_still_pending_when_the_paid_invoice_is_voided_is_cancelled() throws IOException {
        RecordingLedger xero = fx.ledger(LedgerProvider.XERO);
        CycleFixture.Replica replica = replicaUnder("final_invoice", xero);
        OrganisationId org = fx.liveOrganisation("Void Ltd", LedgerProvider.XERO);
        InvoiceSnapshot open = invoice(org, "A", "C1", TODAY.minusDays(1));
        xero.put(open);
        replica.cycle().runDue();
        InvoiceSnapshot paid = paidToday(open);
        xero.put(paid);
        // Voided in the ledger after the decision, right before the dispatcher re-reads it.
        xero.beforeReread(invoiceId -> xero.put(new InvoiceSnapshot(paid.organisationId(), paid.invoiceId(), paid.number(),
                paid.customerId(), paid.customerName(), paid.issueDate(), paid.dueDate(), paid.total(), paid.amountDue(),
                InvoiceStatus.VOIDED, paid.payments(), false)));
        fx.clock.advance(Duration.ofMinutes(16));

        replica.cycle().runDue();

        assertThat(xero.applied(org)).extracting(RecordingLedger.Applied::kind).containsExactly("Reminder");
        assertThat(fx.outbox(org, OutboxStatus.CANCELLED)).extracting(e -> e.action().key().value())
                .containsExactlyInAnyOrder(org + ":A:fee:interest:on-full-payment", org + ":A:fee:compensation:on-full-payment");
    }
}
