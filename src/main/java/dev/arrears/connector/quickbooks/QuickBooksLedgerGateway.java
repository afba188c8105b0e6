package dev.arrears.connector.quickbooks;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.ledger.Evidence;
import dev.arrears.application.ledger.InvoiceReading;
import dev.arrears.application.ledger.LedgerGateway;
import dev.arrears.application.ledger.LedgerWrite;
import dev.arrears.application.ledger.SettingsReport;
import dev.arrears.application.ledger.SyncReport;
import dev.arrears.application.ledger.WriteOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** {@link LedgerGateway} for QuickBooks Online; every Intuit quirk stays behind it. */
@ApplicationScoped
public class QuickBooksLedgerGateway implements LedgerGateway {

    private final QboClient client;
    private final QuickBooksSettingsReader settings;
    private final QuickBooksSync sync;
    private final QuickBooksWrites writes;

    QuickBooksLedgerGateway(QboClient client, QuickBooksSettingsReader settings, QuickBooksSync sync,
                            QuickBooksWrites writes) {
        this.client = client;
        this.settings = settings;
        this.sync = sync;
        this.writes = writes;
    }

    @Override
    public LedgerProvider provider() {
        return LedgerProvider.QUICKBOOKS;
    }

    @Override
    public SettingsReport refreshSettings(OrganisationId organisation) {
        return settings.refresh(organisation);
    }

    @Override
    public SyncReport sync(OrganisationId organisation) {
        return sync.sync(organisation);
    }

    @Override
    public InvoiceReading reread(OrganisationId organisation, String providerInvoiceId) {
        try {
            return sync.reread(client.open(organisation), providerInvoiceId);
        } catch (QboProblem problem) {
            return new InvoiceReading.Failed(problem.failure());
        }
    }

    @Override
    public Evidence findEvidence(OrganisationId organisation, LedgerWrite write, Optional<Instant> firstWriteAt) {
        return writes.findEvidence(organisation, write, firstWriteAt);
    }

    @Override
    public WriteOutcome write(OrganisationId organisation, LedgerWrite write) {
        return writes.write(organisation, write);
    }
}
