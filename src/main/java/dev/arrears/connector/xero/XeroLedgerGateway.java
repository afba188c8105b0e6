package dev.arrears.connector.xero;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.ledger.Evidence;
import dev.arrears.application.ledger.InvoiceReading;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.application.ledger.LedgerGateway;
import dev.arrears.application.ledger.LedgerWrite;
import dev.arrears.application.ledger.SettingsReport;
import dev.arrears.application.ledger.SyncReport;
import dev.arrears.application.ledger.WriteOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The {@link LedgerGateway} for Xero: every Xero quirk stays behind this door. */
@ApplicationScoped
public class XeroLedgerGateway implements LedgerGateway {

    private final XeroSettingsReader settings;
    private final XeroSync sync;
    private final XeroWrites writes;
    private final XeroClient api;

    XeroLedgerGateway(XeroSettingsReader settings, XeroSync sync, XeroWrites writes, XeroClient api) {
        this.settings = settings;
        this.sync = sync;
        this.writes = writes;
        this.api = api;
    }

    @Override
    public LedgerProvider provider() {
        return LedgerProvider.XERO;
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
        XeroClient.Result result = api.call(organisation, XeroClient.Call.get("/Invoices/" + providerInvoiceId, Map.of()),
                new CallCount());
        return switch (result) {
            case XeroClient.Ok ok -> {
                var node = ok.body().path("Invoices").path(0);
                if (node.isMissingNode()) {
                    yield new InvoiceReading.Gone("Xero returned no invoice " + providerInvoiceId);
                }
                try {
                    yield new InvoiceReading.Found(XeroInvoiceMapper.snapshot(organisation, node));
                } catch (RuntimeException e) {
                    yield new InvoiceReading.Failed(new LedgerFailure.Rejected(
                            "Xero's copy of invoice " + providerInvoiceId + " could not be read: " + e.getMessage()));
                }
            }
            case XeroClient.NotFound notFound -> new InvoiceReading.Gone("Xero no longer has invoice " + providerInvoiceId);
            case XeroClient.Failed failed -> new InvoiceReading.Failed(failed.failure());
            case XeroClient.InDoubt inDoubt -> new InvoiceReading.Failed(new LedgerFailure.RetryLater(inDoubt.reason(), Optional.empty()));
        };
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
