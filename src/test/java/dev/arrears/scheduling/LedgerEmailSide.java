package dev.arrears.scheduling;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.cycle.EmailReminders;
import dev.arrears.application.email.AddressReading;
import dev.arrears.application.email.CustomerEmailSettingsStore;
import dev.arrears.application.email.EmailTemplates;
import dev.arrears.application.email.InvoiceAttachments;
import dev.arrears.application.email.LedgerAddressBook;
import dev.arrears.application.email.LedgerInvoicePdfs;
import dev.arrears.application.email.LedgerPayLinks;
import dev.arrears.application.email.MailTransport;
import dev.arrears.application.email.Recipients;
import dev.arrears.application.email.SenderProfileStore;
import dev.arrears.application.email.UndeliverableAddresses;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What both ledgers give an email reminder (addresses by customer, pay links and PDFs by invoice), from a test's maps. */
final class LedgerEmailSide {

    final Map<String, Recipients> addresses = new ConcurrentHashMap<>();
    final Map<String, String> payLinks = new ConcurrentHashMap<>();
    /** By invoice id; a {@code Fetched} without content stands for a PDF call that blows up. */
    final Map<String, LedgerInvoicePdfs.Fetch> pdfs = new ConcurrentHashMap<>();
    final AtomicInteger pdfsAsked = new AtomicInteger();

    /** The email channel over the real stores of {@code fx}, with this ledger side and PDFs up to {@code pdfLimit} bytes. */
    EmailReminders reminders(CycleFixture fx, SenderProfileStore profiles, CustomerEmailSettingsStore customers, EmailTemplates templates,
                             MailTransport smtp, UndeliverableAddresses undeliverable, int pdfLimit) {
        return new EmailReminders(fx.clock, profiles, customers, fx.effectivePolicies, fx.connections, fx.states, templates,
                addressBooks(), payLinks(), List.of(smtp), new InvoiceAttachments(pdfs(), pdfLimit), undeliverable);
    }

    private List<LedgerAddressBook> addressBooks() {
        List<LedgerAddressBook> books = new ArrayList<>();
        for (LedgerProvider provider : LedgerProvider.values()) {
            books.add(new LedgerAddressBook() {
                @Override
                public LedgerProvider provider() {
                    return provider;
                }

                @Override
                public AddressReading read(OrganisationId organisation, InvoiceSnapshot invoice) {
                    return new AddressReading.Found(addresses.getOrDefault(invoice.customerId(), Recipients.NONE));
                }
            });
        }
        return books;
    }

    private List<LedgerPayLinks> payLinks() {
        List<LedgerPayLinks> links = new ArrayList<>();
        for (LedgerProvider provider : LedgerProvider.values()) {
            links.add(new LedgerPayLinks() {
                @Override
                public LedgerProvider provider() {
                    return provider;
                }

                @Override
                public Optional<String> payLink(OrganisationId organisation, InvoiceSnapshot invoice) {
                    return Optional.ofNullable(payLinks.get(invoice.invoiceId()));
                }
            });
        }
        return links;
    }

    private List<LedgerInvoicePdfs> pdfs() {
        List<LedgerInvoicePdfs> documents = new ArrayList<>();
        for (LedgerProvider provider : LedgerProvider.values()) {
            documents.add(new LedgerInvoicePdfs() {
                @Override
                public LedgerProvider provider() {
                    return provider;
                }

                @Override
                public Fetch fetch(OrganisationId organisation, InvoiceSnapshot invoice, int maxBytes) {
                    pdfsAsked.incrementAndGet();
                    Fetch fetch = pdfs.getOrDefault(invoice.invoiceId(), new Unavailable("no PDF in this test"));
                    if (fetch instanceof Fetched fetched && fetched.content().length == 0) {
                        throw new IllegalStateException("the ledger's PDF call blew up");
                    }
                    return fetch instanceof Fetched fetched ? LedgerInvoicePdfs.judged(fetched.content(), maxBytes, provider.name()) : fetch;
                }
            });
        }
        return documents;
    }
}
