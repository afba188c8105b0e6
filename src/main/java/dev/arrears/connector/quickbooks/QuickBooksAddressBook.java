package dev.arrears.connector.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.email.AddressReading;
import dev.arrears.application.email.LedgerAddressBook;
import dev.arrears.application.email.Recipients;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The addresses QuickBooks' own invoice email goes to: the invoice's {@code BillEmail}, with
 * {@code BillEmailCc} and {@code BillEmailBcc} (minor version 8 and later; each may list several
 * addresses), read from the invoice as QuickBooks has it when the reminder is sent.
 */
@ApplicationScoped
public class QuickBooksAddressBook implements LedgerAddressBook {

    private final QboClient client;
    private final QuickBooksSync sync;

    QuickBooksAddressBook(QboClient client, QuickBooksSync sync) {
        this.client = client;
        this.sync = sync;
    }

    @Override
    public LedgerProvider provider() {
        return LedgerProvider.QUICKBOOKS;
    }

    @Override
    public AddressReading read(OrganisationId organisation, InvoiceSnapshot invoice) {
        try {
            Optional<JsonNode> read = sync.readInvoice(client.open(organisation), invoice.invoiceId());
            return new AddressReading.Found(read.map(QuickBooksAddressBook::recipients).orElse(Recipients.NONE));
        } catch (QboProblem problem) {
            return new AddressReading.Failed(problem.failure());
        }
    }

    static Recipients recipients(JsonNode invoice) {
        return Recipients.fromLedger(List.of(invoice.path("BillEmail").path("Address").asText("")),
                List.of(invoice.path("BillEmailCc").path("Address").asText("")),
                List.of(invoice.path("BillEmailBcc").path("Address").asText("")));
    }
}
