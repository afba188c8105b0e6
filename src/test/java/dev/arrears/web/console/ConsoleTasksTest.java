package dev.arrears.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.IncomingInvoice;
import dev.arrears.application.SyncPage;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.Outbox;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.collections.CollectionsStore;
import dev.arrears.application.console.ConsoleAccounts;
import dev.arrears.application.console.ConsoleRole;
import dev.arrears.application.console.ConsoleUser;
import dev.arrears.application.cycle.DecideOrganisation;
import dev.arrears.application.cycle.DispatchActions;
import dev.arrears.application.cycle.OrganisationControl;
import dev.arrears.domain.collections.PaymentPlan;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tasks over HTTP: assigning them, and closing a policy flag so that the invoice leaves NEEDS_HUMAN for good. */
@QuarkusTest
class ConsoleTasksTest {

    static final String PASSWORD = "correct horse battery";

    @Inject
    ConsoleAccounts accounts;
    @Inject
    OrganisationStore organisations;
    @Inject
    InvoiceStore invoices;
    @Inject
    DecideOrganisation decide;
    @Inject
    OrganisationControl control;
    @Inject
    DispatchActions dispatch;
    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Inject
    CollectionsStore collections;

    String suffix;
    OrganisationId org;
    OutboxEntry flag;

    /** A live organisation with an invoice 40 days overdue: the default policy flags it for a person. */
    @BeforeEach
    void flaggedInvoice() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        org = organisations.create(new NewOrganisation("Tasks " + suffix, LedgerProvider.XERO, ZoneId.of("Europe/London"), "GB",
                Money.currency("GBP"), "default")).id();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
        InvoiceSnapshot invoice = new InvoiceSnapshot(org.toString(), "INV-T", "0077", "CUST-T", "Slow Payer",
                today.minusDays(70), Optional.of(today.minusDays(40)), Money.of("900.00", "GBP"), Money.of("900.00", "GBP"),
                InvoiceStatus.OPEN, List.of(), false);
        invoices.store(SyncPage.of(org, List.of(new IncomingInvoice(invoice, "{}", Instant.parse("2025-01-01T00:00:00Z")))));
        decide.decide(organisations.find(org).orElseThrow(), clock.instant());
        control.goLive(org, clock.instant());
        dispatch.dispatch(Optional.of(org));
        flag = outbox.list(org, OutboxStatus.NEEDS_HUMAN).getFirst();
    }

    ConsoleUser user(String name, ConsoleRole role, OrganisationId... assigned) {
        return ConsoleClient.user(accounts, name + "-" + suffix, name, role, PASSWORD, assigned);
    }

    @Test
    void a_task_is_given_to_a_colleague_who_works_the_organisation_and_not_to_one_who_does_not() {
        ConsoleUser anna = user("anna", ConsoleRole.ACCOUNTANT, org);
        ConsoleUser ben = user("ben", ConsoleRole.ACCOUNTANT, org);
        ConsoleUser outsider = user("outsider", ConsoleRole.ACCOUNTANT);
        ConsoleClient client = ConsoleClient.signedIn(anna.username(), PASSWORD);
        client.get("/console/tasks").then().statusCode(200).body(containsString("call the customer"))
                .body(containsString("0077"));

        client.post("/console/tasks/" + org + "/" + flag.id() + "/assign", "username", ben.username()).then().statusCode(303);
        client.get("/console/tasks").then().body(containsString(ben.username()));

        client.post("/console/tasks/" + org + "/" + flag.id() + "/assign", "username", outsider.username())
                .then().statusCode(400).body(containsString("cannot work this organisation"));
        assertThat(audit.byInvoice(new InvoiceRef(org, "INV-T"), 50))
                .anyMatch(r -> r.event().kind() == AuditKind.CONSOLE_ACTION && r.event().message().contains("gave the task to ben"));
    }

    @Test
    void a_flag_closed_as_resolved_leaves_needs_human_and_the_next_decision_does_not_flag_it_again() {
        ConsoleUser cleo = user("cleo", ConsoleRole.ACCOUNTANT, org);
        ConsoleClient client = ConsoleClient.signedIn(cleo.username(), PASSWORD);
        client.post("/console/tasks/" + org + "/" + flag.id() + "/close", "invoice", "INV-T", "outcome", "resolved",
                "note", "paid by cheque, in the post").then().statusCode(303);

        assertThat(outbox.list(org, OutboxStatus.NEEDS_HUMAN)).isEmpty();
        decide.decide(organisations.find(org).orElseThrow(), clock.instant());
        dispatch.dispatch(Optional.of(org));
        assertThat(outbox.list(org, OutboxStatus.NEEDS_HUMAN)).isEmpty();
        assertThat(audit.byInvoice(new InvoiceRef(org, "INV-T"), 50)).anyMatch(r -> r.event().kind() == AuditKind.CONSOLE_ACTION
                && r.event().message().contains("cleo closed the task: resolved") && r.event().message().contains("cheque"));
    }

    @Test
    void a_flag_closed_with_a_payment_plan_agrees_monthly_instalments_that_the_engine_then_follows() {
        ConsoleUser erin = user("erin", ConsoleRole.ACCOUNTANT, org);
        ConsoleClient client = ConsoleClient.signedIn(erin.username(), PASSWORD);
        LocalDate first = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London")).plusDays(20);
        client.post("/console/tasks/" + org + "/" + flag.id() + "/close", "invoice", "INV-T", "outcome", "plan",
                "payBy", first.toString(), "instalments", "7").then().statusCode(303);

        assertThat(outbox.list(org, OutboxStatus.NEEDS_HUMAN)).isEmpty();
        List<PaymentPlan> plans = collections.plans(org, "CUST-T");
        assertThat(plans).hasSize(1);
        assertThat(plans.getFirst().invoiceIds()).containsExactly("INV-T");
        assertThat(plans.getFirst().instalments()).extracting(i -> i.dueOn() + " " + i.amount().amount().toPlainString())
                .startsWith(first + " 128.57", first.plusMonths(1) + " 128.57").endsWith(first.plusMonths(6) + " 128.58");

        // The engine follows the plan: no ladder reminder, no fee, no new flag while it is kept.
        decide.decide(organisations.find(org).orElseThrow(), clock.instant());
        dispatch.dispatch(Optional.of(org));
        assertThat(outbox.list(org, OutboxStatus.PENDING)).isEmpty();
        assertThat(outbox.list(org, OutboxStatus.NEEDS_HUMAN)).isEmpty();
        assertThat(audit.byInvoice(new InvoiceRef(org, "INV-T"), 50)).anyMatch(r -> r.event().kind() == AuditKind.DECISION
                && r.event().message().contains("payment plan"));
        assertThat(audit.byInvoice(new InvoiceRef(org, "INV-T"), 50)).anyMatch(r -> r.event().kind() == AuditKind.CONSOLE_ACTION
                && r.event().message().contains("agreed a payment plan: 7 monthly instalments"));
    }

    @Test
    void a_payment_plan_without_a_number_of_instalments_is_refused_and_the_task_stays_open() {
        ConsoleUser finn = user("finn", ConsoleRole.ACCOUNTANT, org);
        ConsoleClient client = ConsoleClient.signedIn(finn.username(), PASSWORD);
        String later = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London")).plusDays(5).toString();
        client.post("/console/tasks/" + org + "/" + flag.id() + "/close", "invoice", "INV-T", "outcome", "plan",
                "payBy", later, "instalments", "many").then().statusCode(400).body(containsString("how many instalments"));
        client.post("/console/tasks/" + org + "/" + flag.id() + "/close", "invoice", "INV-T", "outcome", "plan",
                "payBy", later, "instalments", "25").then().statusCode(400).body(containsString("1 to 24"));
        assertThat(outbox.list(org, OutboxStatus.NEEDS_HUMAN)).hasSize(1);
        assertThat(collections.plans(org, "CUST-T")).isEmpty();
    }

    @Test
    void a_task_closed_with_a_promise_in_the_past_is_refused_and_stays_open() {
        ConsoleUser dave = user("dave", ConsoleRole.ACCOUNTANT, org);
        ConsoleClient client = ConsoleClient.signedIn(dave.username(), PASSWORD);
        String yesterday = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London")).minusDays(1).toString();
        client.post("/console/tasks/" + org + "/" + flag.id() + "/close", "invoice", "INV-T", "outcome", "promise",
                "payBy", yesterday).then().statusCode(400).body(containsString("today or later"));
        assertThat(outbox.list(org, OutboxStatus.NEEDS_HUMAN)).hasSize(1);
    }
}
