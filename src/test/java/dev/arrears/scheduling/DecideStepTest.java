package dev.arrears.scheduling;

import static dev.arrears.scheduling.CycleFixture.NOW;
import static dev.arrears.scheduling.CycleFixture.TODAY;
import static dev.arrears.scheduling.CycleFixture.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.IncomingInvoice;
import dev.arrears.application.SyncPage;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.cycle.DecideOrganisation;
import dev.arrears.domain.dunning.DunningStatus;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.money.Money;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decide step on its own, over the real stores. */
@QuarkusTest
class DecideStepTest extends CycleTestBase {

    /**
     * An invoice still OPEN in the ledger with nothing left due is both "open" and "settled while in
     * dunning": it must be decided once (it leaves dunning), not a second time found stale.
     */
    @Test
    void an_open_invoice_with_nothing_due_is_decided_once() {
        OrganisationId org = fx.liveOrganisation("Nothing Due Ltd", LedgerProvider.XERO);
        InvoiceSnapshot owed = invoice(org, "A", "C1", TODAY.minusDays(2));
        store(owed, Instant.parse("2025-03-01T00:00:00Z"));
        DecideOrganisation decide = fx.decide(fx.effectivePolicies);
        assertThat(decide.decide(fx.organisations.find(org).orElseThrow(), NOW).recorded()).isEqualTo(1);

        store(new InvoiceSnapshot(owed.organisationId(), owed.invoiceId(), owed.number(), owed.customerId(),
                owed.customerName(), owed.issueDate(), owed.dueDate(), owed.total(), Money.zero(owed.currency()),
                owed.status(), owed.payments(), false), Instant.parse("2025-03-02T00:00:00Z"));
        DecideOrganisation.Report report = decide.decide(fx.organisations.find(org).orElseThrow(),
                NOW.plus(Duration.ofDays(1)));

        assertThat(report.considered()).isEqualTo(1);
        assertThat(report.recorded()).isEqualTo(1);
        assertThat(report.stale()).isZero();
        assertThat(fx.states.load(new InvoiceRef(org, "A")).orElseThrow().state().status()).isEqualTo(DunningStatus.LEFT);
    }

    private void store(InvoiceSnapshot snapshot, Instant updatedAt) {
        fx.invoices.store(SyncPage.of(OrganisationId.parse(snapshot.organisationId()),
                List.of(new IncomingInvoice(snapshot, "{}", updatedAt))));
    }
}
