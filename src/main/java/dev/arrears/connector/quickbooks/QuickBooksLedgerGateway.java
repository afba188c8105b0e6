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
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** {@link LedgerGateway} for QuickBooks Online; every Intuit quirk stays behind it. */
@ApplicationScoped
public class QuickBooksLedgerGateway implements LedgerGateway {

    /** How far Intuit's clock and ours may disagree when a delivery is compared with the moment a reminder was planned. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final QboClient client;
    private final QuickBooksCompanySettings settings;
    private final QuickBooksSync sync;
    private final QuickBooksWrites writes;

    QuickBooksLedgerGateway(QboClient client, QuickBooksCompanySettings settings, QuickBooksSync sync,
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
    public Evidence findEvidence(OrganisationId organisation, LedgerWrite write) {
        return writes.findEvidence(organisation, write);
    }

    /**
     * A reminder's trace is first its note; without one, the attempt may have sent the invoice and
     * died before the note (a crash between {@code /send} and the note). QuickBooks records the
     * invoice's last e-mail delivery ({@code DeliveryInfo.DeliveryTime}, set by {@code /send}; see
     * ../shared/apis/quickbooks/NOTES.md and the XSD's {@code DeliveryInfo}): a delivery at or after
     * the moment this reminder was planned (less a minute for the two clocks) is its own, since a
     * reminder of an earlier stage is not sent once a later stage is planned (SupersededReminderGuard).
     */
    @Override
    public Evidence findEvidence(OrganisationId organisation, LedgerWrite write, Instant plannedAt) {
        Evidence evidence = writes.findEvidence(organisation, write);
        if (!(write instanceof LedgerWrite.Reminder reminder) || !(evidence instanceof Evidence.NotFound)) {
            return evidence;
        }
        try {
            Optional<Instant> delivered = sync.readInvoice(client.open(organisation), reminder.invoice().invoiceId())
                    .flatMap(invoice -> QboJson.text(invoice.path("DeliveryInfo"), "DeliveryTime"))
                    .flatMap(QuickBooksLedgerGateway::instant);
            if (delivered.isPresent() && !delivered.get().isBefore(plannedAt.minus(CLOCK_SKEW))) {
                return new Evidence.Found("delivered " + delivered.get());
            }
            return evidence;
        } catch (QboProblem problem) {
            return new Evidence.Unknown(problem.failure());
        }
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public WriteOutcome write(OrganisationId organisation, LedgerWrite write) {
        return writes.write(organisation, write);
    }
}
