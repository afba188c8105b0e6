package dev.arrears.scheduling;

import static dev.arrears.scheduling.CycleFixture.TODAY;
import static dev.arrears.scheduling.CycleFixture.invoice;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.escalation.DocumentKind;
import dev.arrears.application.escalation.StoredDocument;
import dev.arrears.domain.contact.ContactChannel;
import dev.arrears.domain.contact.ContactRecord;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reaching a stage with a document (default.yaml: Final notice, Hand to a person) produces it once, kept and served. */
@QuarkusTest
class DocumentsInCycleTest extends CycleTestBase {

    private static final String TOKEN = "test-operator-token-not-a-secret-0001";

    @Test
    void reaching_final_notice_produces_one_demand_letter_with_the_sum_the_fee_and_the_deadline() {
        RecordingLedger xero = fx.ledger(LedgerProvider.XERO);
        CycleFixture.Replica replica = fx.replica("docs-1", xero);
        OrganisationId org = fx.liveOrganisation("Letters Ltd", LedgerProvider.XERO);
        xero.put(invoice(org, "F1", "C-LATE", TODAY.minusDays(14)));   // reaches 'Final notice' today
        xero.put(invoice(org, "F2", "C-LATE", TODAY.minusDays(3)));    // also owed, in the letter
        xero.put(invoice(org, "F3", "C-OTHER", TODAY.minusDays(14)));  // another customer's letter

        replica.cycle().runDue();
        fx.clock.advance(java.time.Duration.ofMinutes(16));
        assertThat(replica.cycle().runDue()).isNotEmpty();   // decided again: nothing new

        List<StoredDocument> letters = fx.documents.list(org, Optional.of("C-LATE"));
        assertThat(letters).hasSize(1);
        StoredDocument letter = letters.getFirst();
        assertThat(letter.kind()).isEqualTo(DocumentKind.DEMAND_LETTER);
        assertThat(letter.stage()).isEqualTo("Final notice");
        assertThat(letter.invoiceId()).isEqualTo("F1");
        assertThat(letter.json()).isEmpty();
        assertThat(letter.text())
                .contains("Invoice INV-F1, issued 2025-01-25, due 2025-02-24 (14 days overdue): 1200.00 GBP outstanding")
                .contains("Invoice INV-F2")
                .contains("Principal outstanding: 2400.00 GBP")
                .contains("late fee 'late-fee'").contains("40.00 GBP").contains("worked out as:")
                .contains("TOTAL NOW DUE: 2440.00 GBP")
                .contains("by " + TODAY.plusDays(7));
        assertThat(fx.documents.list(org, Optional.empty())).hasSize(2);
        // Kept with the chunk's other documents, each said once in the trail, with the customer's history.
        assertThat(fx.audit.byCustomer(org, "C-LATE", 100))
                .filteredOn(r -> r.event().kind() == dev.arrears.application.AuditKind.DOCUMENT_PRODUCED).singleElement()
                .satisfies(r -> assertThat(r.event().detail()).containsEntry("documentId", letter.id().toString())
                        .containsEntry("kind", "demand-letter"));

        given().when().get("/admin/documents?organisation=" + org).then().statusCode(401);
        given().auth().oauth2(TOKEN).when().get("/admin/documents?organisation=" + org + "&customer=C-LATE")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].kind", equalTo("demand-letter"));
        given().when().get("/admin/documents/" + letter.id()).then().statusCode(401);
        given().auth().oauth2(TOKEN).when().get("/admin/documents/" + letter.id())
                .then().statusCode(200).contentType(containsString("text/plain"))
                .body(containsString("TOTAL NOW DUE: 2440.00 GBP"));
        given().auth().oauth2(TOKEN).when().get("/admin/documents/" + letter.id() + "?format=json").then().statusCode(404);
    }

    @Test
    void reaching_hand_off_produces_a_case_file_whose_json_lists_the_contact_attempts() throws Exception {
        RecordingLedger xero = fx.ledger(LedgerProvider.XERO);
        CycleFixture.Replica replica = fx.replica("docs-2", xero);
        OrganisationId org = fx.liveOrganisation("Cases Ltd", LedgerProvider.XERO);
        fx.contacts.record(org, ContactRecord.manual("C-CASE", fx.clock.instant().minusSeconds(86400 * 10), ContactChannel.PHONE),
                Optional.of("H1"), Optional.of("promised to look into it"), "ops@example.test");
        xero.put(invoice(org, "H1", "C-CASE", TODAY.minusDays(30)));   // reaches 'Hand to a person' today

        replica.cycle().runDue();
        fx.clock.advance(java.time.Duration.ofMinutes(16));
        assertThat(replica.cycle().runDue()).isNotEmpty();

        List<StoredDocument> files = fx.documents.list(org, Optional.of("C-CASE"));
        assertThat(files).hasSize(1);
        StoredDocument file = files.getFirst();
        assertThat(file.kind()).isEqualTo(DocumentKind.CASE_FILE);
        assertThat(file.stage()).isEqualTo("Hand to a person");
        JsonNode json = new ObjectMapper().readTree(file.json().orElseThrow());
        assertThat(json.toString()).contains("PHONE").contains("INV-H1");
        assertThat(file.text()).contains("INV-H1");

        given().when().get("/admin/documents/" + file.id() + "?format=json").then().statusCode(401);
        String served = given().auth().oauth2(TOKEN).when().get("/admin/documents/" + file.id() + "?format=json")
                .then().statusCode(200).contentType(containsString("application/json")).extract().asString();
        assertThat(new ObjectMapper().readTree(served).toString()).contains("PHONE");
    }
}
