package dev.arrears.persistence;

import static dev.arrears.persistence.Fixtures.invoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditRecord;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.domain.invoice.InvoiceStatus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditTrailTest {

    @Inject
    AuditTrail audit;
    @Inject
    InvoiceStore invoices;
    @Inject
    OrganisationStore organisations;
    @Inject
    TestClock clock;
    @Inject
    Sql sql;

    OrganisationId org;

    @AfterEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    @BeforeEach
    void organisation() {
        org = Fixtures.organisation(organisations);
    }

    @Test
    void the_table_refuses_update_and_delete() throws Exception {
        AuditRecord record = audit.append(AuditEvent.forOrganisation(org, AuditKind.MODE_CHANGED, Map.of(), "Switched live."));

        assertThatThrownBy(() -> sql.update("update audit_event set message = 'rewritten' where id = ?", record.id()))
                .isInstanceOf(SQLException.class).hasMessageContaining("audit_event is append-only: UPDATE is not allowed");
        assertThatThrownBy(() -> sql.update("delete from audit_event where id = ?", record.id()))
                .isInstanceOf(SQLException.class).hasMessageContaining("audit_event is append-only: DELETE is not allowed");
        assertThatThrownBy(() -> sql.update("truncate audit_event"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThat(sql.rows("select message from audit_event where id = ?", record.id()).getFirst())
                .containsExactly("Switched live.");
    }

    @Test
    void a_customers_history_spans_their_invoices_newest_first() {
        InvoiceRef first = Fixtures.stored(invoices, invoice(org, "1", "ALICE", "10.00", "GBP", InvoiceStatus.OPEN));
        InvoiceRef second = Fixtures.stored(invoices, invoice(org, "2", "ALICE", "20.00", "GBP", InvoiceStatus.OPEN));
        InvoiceRef someoneElse = Fixtures.stored(invoices, invoice(org, "3", "BOB", "30.00", "GBP", InvoiceStatus.OPEN));

        AuditRecord older = append(first, "first");
        clock.advance(Duration.ofMinutes(1));
        AuditRecord sameInstantA = append(second, "second");
        AuditRecord sameInstantB = append(first, "third"); // same instant: the order of appending decides
        append(someoneElse, "not Alice's");

        List<AuditRecord> alice = audit.byCustomer(org, "ALICE", 10);
        assertThat(alice).extracting(r -> r.event().message()).containsExactly("third", "second", "first");
        assertThat(alice).extracting(AuditRecord::id).containsExactly(sameInstantB.id(), sameInstantA.id(), older.id());
        assertThat(alice.get(1).event().providerInvoiceId()).contains("2");
        assertThat(audit.byInvoice(first, 10)).extracting(r -> r.event().message()).containsExactly("third", "first");
        assertThat(audit.byInvoice(first, 1)).extracting(r -> r.event().message()).containsExactly("third");
        assertThat(older.occurredAt()).isBefore(sameInstantA.occurredAt());
    }

    @Test
    void an_event_reads_back_as_it_was_written() {
        InvoiceRef ref = Fixtures.stored(invoices, invoice(org, "X", "10.00", "GBP"));
        AuditEvent event = AuditEvent.forInvoice(ref, AuditKind.ACTION_CANCELLED,
                Optional.of(OutboxTest.key(ref, "first", "reminder")), Optional.of("v3"),
                Map.of("reason", "paid", "attempts", 2, "tags", List.of("a", "b")), "Cancelled: paid.");

        audit.append(event);

        AuditEvent read = audit.byInvoice(ref, 1).getFirst().event();
        assertThat(read.customerId()).contains("CUST-1"); // filled in from the invoice
        assertThat(read).usingRecursiveComparison().ignoringFields("customerId").isEqualTo(event);
    }

    private AuditRecord append(InvoiceRef invoice, String message) {
        return audit.append(AuditEvent.forInvoice(invoice, AuditKind.DECISION, Optional.empty(), Optional.of("v1"), Map.of(), message));
    }
}
