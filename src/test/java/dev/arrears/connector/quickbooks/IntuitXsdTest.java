package dev.arrears.connector.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The XSD reader itself: inherited members, attributes, simple content, and what it rejects. */
class IntuitXsdTest {

    private final IntuitXsd xsd = IntuitXsd.load();

    @Test
    void invoice_members_include_inherited_ones() {
        var invoice = xsd.type("Invoice");
        assertThat(invoice.elements()).containsKeys("Id", "SyncToken", "MetaData", "PrivateNote", "CustomerRef", "Line",
                "TotalAmt", "Balance", "DueDate", "LinkedTxn", "BillEmail");
        assertThat(invoice.attributes()).contains("domain", "sparse", "status");
    }

    @Test
    void a_body_with_an_unknown_member_or_a_wrong_shape_is_reported() throws Exception {
        var body = QboJson.parse("""
                {"CustomerRef":{"value":"24","nickname":"x"},"PrivateNote":"n","Colour":"red",
                 "Line":[{"Amount":1,"DetailType":"SalesItemLineDetail","SalesItemLineDetail":{"ItemRef":{"value":"1"},"Qty":1}}]}""");
        assertThat(xsd.violations("Invoice", body)).containsExactlyInAnyOrder(
                "Invoice.CustomerRef.nickname is not a member of ReferenceType in Intuit's XSD",
                "Invoice.Colour is not a member of Invoice in Intuit's XSD");
    }

    @Test
    void an_attachable_note_linked_to_an_invoice_is_valid() throws Exception {
        var body = QboJson.parse("""
                {"Note":"hello","AttachableRef":[{"EntityRef":{"type":"Invoice","value":"130"},"IncludeOnSend":false}]}""");
        assertThat(xsd.violations("Attachable", body)).isEmpty();
    }
}
