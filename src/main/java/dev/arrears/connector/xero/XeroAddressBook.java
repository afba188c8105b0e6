package dev.arrears.connector.xero;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.email.AddressReading;
import dev.arrears.application.email.LedgerAddressBook;
import dev.arrears.application.email.Recipients;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The addresses Xero's own invoice email goes to: the contact's {@code EmailAddress} and every
 * {@code ContactPersons} entry with {@code IncludeInEmails} (NOTES.md 1.6), read with
 * {@code GET /Contacts/{ContactID}} when the reminder is sent, so an address changed in Xero counts.
 */
@ApplicationScoped
public class XeroAddressBook implements LedgerAddressBook {

    private final XeroClient api;

    XeroAddressBook(XeroClient api) {
        this.api = api;
    }

    @Override
    public LedgerProvider provider() {
        return LedgerProvider.XERO;
    }

    @Override
    public AddressReading read(OrganisationId organisation, InvoiceSnapshot invoice) {
        XeroClient.Result result = api.call(organisation, XeroClient.Call.get("/Contacts/" + invoice.customerId(), Map.of()), new CallCount());
        return switch (result) {
            case XeroClient.Ok ok -> new AddressReading.Found(recipients(ok.body().path("Contacts").path(0)));
            // A contact Xero no longer has has no address: the person's task says so.
            case XeroClient.NotFound notFound -> new AddressReading.Found(Recipients.NONE);
            case XeroClient.Failed failed -> new AddressReading.Failed(failed.failure());
            case XeroClient.InDoubt inDoubt -> new AddressReading.Failed(new LedgerFailure.RetryLater(inDoubt.reason(), Optional.empty()));
        };
    }

    static Recipients recipients(JsonNode contact) {
        List<String> to = new ArrayList<>();
        to.add(contact.path("EmailAddress").asText(""));
        for (JsonNode person : contact.path("ContactPersons")) {
            if (person.path("IncludeInEmails").asBoolean(false)) {
                to.add(person.path("EmailAddress").asText(""));
            }
        }
        return Recipients.fromLedger(to, List.of(), List.of());
    }
}
