package dev.arrears.scheduling;

import static dev.arrears.scheduling.CycleFixture.TODAY;
import static dev.arrears.scheduling.CycleFixture.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.cycle.DecideOrganisation;
import dev.arrears.application.escalation.DocumentKind;
import dev.arrears.domain.collections.HoldScope;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a cycle decides only the invoices whose decision can differ (items 3), and a previewed
 * organisation stores no escalation documents while a live one still gets them (item 4).
 */
@QuarkusTest
class DecideOnlyWhatChangedTest extends CycleTestBase {

    @Test
    void a_previewed_organisation_stores_no_escalation_documents_and_gets_them_once_live() {
        RecordingLedger xero = fx.ledger(LedgerProvider.XERO);
        CycleFixture.Replica replica = fx.replica("only-1", xero);
        OrganisationId org = fx.organisation("Preview Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "F1", "C-LATE", TODAY.minusDays(14)));   // 'Final notice': a demand letter
        xero.put(invoice(org, "H1", "C-CASE", TODAY.minusDays(30)));   // 'Hand to a person': a case file

        replica.cycle().runDue();

        assertThat(fx.outbox(org)).extracting(e -> e.action().key().value())
                .anyMatch(k -> k.contains(":final-notice:")).anyMatch(k -> k.contains(":hand-to-a-person:"));
        assertThat(fx.documents.list(org, Optional.empty())).isEmpty();

        fx.control.goLive(org, fx.clock.instant());
        fx.clock.advance(Duration.ofMinutes(16));
        replica.cycle().runDue();

        assertThat(fx.documents.list(org, Optional.empty())).extracting(d -> d.kind())
                .containsExactlyInAnyOrder(DocumentKind.DEMAND_LETTER, DocumentKind.CASE_FILE);
    }

    @Test
    void a_cycle_decides_only_what_changed_or_came_due_and_every_invoice_once_a_day() {
        RecordingLedger xero = fx.ledger(LedgerProvider.XERO);
        OrganisationId org = fx.organisation("Steady Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "A1", "C-A", TODAY.minusDays(3)));
        xero.put(invoice(org, "A2", "C-A", TODAY.plusDays(20)));
        xero.put(invoice(org, "B1", "C-B", TODAY.minusDays(40)));
        DecideOrganisation decide = fx.decide(fx.effectivePolicies);

        xero.sync(org);
        DecideOrganisation.Report first = decide.decide(organisation(org), fx.clock.instant());
        assertThat(first.full()).isTrue();
        assertThat(first.considered()).isEqualTo(3);
        List<OutboxEntry> planned = fx.outbox(org);

        fx.clock.advance(Duration.ofMinutes(30));
        DecideOrganisation.Report quiet = decide.decide(organisation(org), fx.clock.instant());
        assertThat(quiet.full()).isFalse();
        assertThat(quiet.considered()).as("nothing changed, nothing came due").isZero();

        xero.pay(org, "B1");                                           // the ledger copy changes
        xero.sync(org);
        DecideOrganisation.Report paid = decide.decide(organisation(org), fx.clock.instant());
        assertThat(paid.considered()).isEqualTo(1);
        assertThat(paid.recorded()).isEqualTo(1);

        fx.collections.placeHold(org, new HoldScope.Customer("C-A"), "audit", "ops", TODAY, Optional.empty());
        DecideOrganisation.Report held = decide.decide(organisation(org), fx.clock.instant());
        assertThat(held.considered()).as("the customer's two open invoices").isEqualTo(2);
        assertThat(decide.decide(organisation(org), fx.clock.instant()).considered()).isZero();

        fx.clock.advance(Duration.ofDays(1));                          // a new day: every open invoice again
        DecideOrganisation.Report nextDay = decide.decide(organisation(org), fx.clock.instant());
        assertThat(nextDay.full()).isTrue();
        assertThat(nextDay.considered()).isEqualTo(2);
        assertThat(fx.outbox(org)).hasSizeGreaterThanOrEqualTo(planned.size());
    }

    private Organisation organisation(OrganisationId org) {
        return fx.organisations.find(org).orElseThrow();
    }
}
