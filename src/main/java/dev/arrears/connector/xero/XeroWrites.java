package dev.arrears.connector.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.ledger.Evidence;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.application.ledger.LedgerSettingsStore;
import dev.arrears.application.ledger.LedgerThrottleStore;
import dev.arrears.application.ledger.LedgerWrite;
import dev.arrears.application.ledger.OrganisationLedgerSettings;
import dev.arrears.application.ledger.WriteOutcome;
import dev.arrears.domain.dunning.ActionKey;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reminders, notes and late fees written into Xero, and the search for the trace of an earlier
 * attempt whose outcome was lost.
 *
 * <ul>
 *   <li>Reminder: {@code POST /Invoices/{id}/Email} (Xero emails its own invoice to the contact's
 *       addresses), then a history note naming the stage. The email counts against the
 *       organisation's daily cap, reserved first, so a capped reminder is deferred, not dropped.</li>
 *   <li>Note: {@code PUT /Invoices/{id}/History}.</li>
 *   <li>Late fee: {@code PUT /Invoices?summarizeErrors=false}, a new sales invoice to the same
 *       contact in the same currency, one line, the accountant's account, tax type and item, and
 *       {@code ARREARS:<action key>} as its reference; then a history note on the original.</li>
 * </ul>
 * Every request carries an Idempotency-Key derived from the action key. Xero keeps those keys for
 * six minutes only, so exactly-once rests on the evidence search: the reference for a fee, the
 * note's marker for notes and reminders.
 */
@ApplicationScoped
class XeroWrites {

    private static final int NOTE_LIMIT = 2500;

    private final XeroClient api;
    private final LedgerSettingsStore settings;
    private final LedgerThrottleStore throttle;
    private final Clock clock;
    /** Of Xero's six minutes, what is left for a safe repeat after the margin (arrears.xero.idempotency-window). */
    private final Duration idempotencyWindow;
    private final ObjectMapper json = new ObjectMapper();

    XeroWrites(XeroClient api, LedgerSettingsStore settings, LedgerThrottleStore throttle, Clock clock, XeroConfig config) {
        this.idempotencyWindow = config.idempotencyWindow();
        this.api = api;
        this.settings = settings;
        this.throttle = throttle;
        this.clock = clock;
    }

    WriteOutcome write(OrganisationId organisation, LedgerWrite write) {
        CallCount calls = new CallCount();
        return switch (write) {
            case LedgerWrite.Reminder reminder -> remind(organisation, reminder, calls);
            case LedgerWrite.Note note -> note(organisation, note, calls);
            case LedgerWrite.LateFee fee -> lateFee(organisation, fee, calls);
        };
    }

    Evidence findEvidence(OrganisationId organisation, LedgerWrite write, Optional<Instant> firstWriteAt) {
        CallCount calls = new CallCount();
        return switch (write) {
            case LedgerWrite.LateFee fee -> feeInvoice(organisation, fee.key(), calls);
            case LedgerWrite.Note note -> noteEvidence(organisation, note.invoice().invoiceId(), note.key(), calls)
                    .orElse(new Evidence.NotFound());
            case LedgerWrite.Reminder reminder -> noteEvidence(organisation, reminder.invoice().invoiceId(), reminder.key(), calls)
                    // Xero keeps no record of the emails it sent and our note is missing: the email may
                    // or may not have gone out. Within Xero's idempotency window a repeat under the same
                    // key is answered, not sent again (NOTES §8); after it, sending again risks a second
                    // email to the customer.
                    .or(() -> firstWriteAt.filter(this::insideIdempotencyWindow).map(at -> new Evidence.RepeatNow(
                            "Xero keeps the email's Idempotency-Key of the attempt begun at " + at)))
                    .orElse(new Evidence.Unknown(new LedgerFailure.Rejected("an earlier attempt to have Xero email "
                            + "this invoice may have reached Xero, which keeps no record of sent emails; a person must "
                            + "check with the customer or the invoice's history before it is sent again")));
        };
    }

    private WriteOutcome remind(OrganisationId organisation, LedgerWrite.Reminder reminder, CallCount calls) {
        if (reminder.recipient().isPresent()) {
            return rejected("Xero emails invoices only to the contact's own addresses (and contact persons marked "
                    + "'include in emails'); a reminder to another recipient cannot be sent through Xero");
        }
        OrganisationLedgerSettings own = settings(organisation);
        if (own.ledgerRemindersOn() && !own.chaseDespiteLedgerReminders()) {
            return rejected("Xero's own invoice reminders are switched on for this organisation; Arrears does not "
                    + "remind as well unless an accountant allows it");
        }
        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        if (!throttle.reserveEmail(organisation, today, own.dailyEmailCap())) {
            return new WriteOutcome.Failed(LedgerFailure.RetryLater.throttled("the organisation's daily allowance of "
                    + own.dailyEmailCap() + " invoice emails is used up; deferred to the next day",
                    today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        String invoiceId = reminder.invoice().invoiceId();
        XeroClient.Call email = new XeroClient.Call("POST", "/Invoices/" + invoiceId + "/Email", Map.of(),
                Map.of("Idempotency-Key", IdempotencyKeys.of(reminder.key(), "email")),
                Optional.of(json.createObjectNode()), true);
        XeroClient.Result sent = api.call(organisation, email, calls);
        if (!(sent instanceof XeroClient.Ok)) {
            if (!(sent instanceof XeroClient.InDoubt)) {
                throttle.releaseEmail(organisation, today);
            }
            return emailOutcome(sent, today);
        }
        XeroClient.Result noted = addNote(organisation, invoiceId, reminder.noteText(), reminder.stage(), reminder.key(), calls);
        if (noted instanceof XeroClient.Ok) {
            return new WriteOutcome.Done("email sent; history note added to invoice " + invoiceId);
        }
        // The email went out: reporting anything but done would send it again.
        Log.warnf("Reminder email for invoice %s sent, but its history note was not added: %s", invoiceId, noted);
        return new WriteOutcome.Done("email sent; the history note could not be added (" + XeroClient.describe(noted) + ")");
    }

    private WriteOutcome note(OrganisationId organisation, LedgerWrite.Note note, CallCount calls) {
        XeroClient.Result result = addNote(organisation, note.invoice().invoiceId(), note.text(), note.stage(), note.key(), calls);
        if (result instanceof XeroClient.Ok) {
            return new WriteOutcome.Done("history note added to invoice " + note.invoice().invoiceId());
        }
        return outcome(result);
    }

    private WriteOutcome lateFee(OrganisationId organisation, LedgerWrite.LateFee fee, CallCount calls) {
        OrganisationLedgerSettings own = settings(organisation);
        if (own.lateFeesBlockedBecause().isPresent()) {
            return rejected("late fees cannot be raised for this organisation: " + own.lateFeesBlockedBecause().get());
        }
        if (own.lateFeeAccountCode().isEmpty() || own.lateFeeTaxType().isEmpty() || own.lateFeeItemCode().isEmpty()) {
            return rejected("late fees cannot be raised for this organisation: no late-fee account, tax type and item chosen");
        }
        ObjectNode invoice = json.createObjectNode();
        invoice.put("Type", "ACCREC");
        invoice.putObject("Contact").put("ContactID", fee.invoice().customerId());
        invoice.put("Date", fee.fee().chargeDate().toString());
        invoice.put("DueDate", fee.fee().chargeDate().toString());
        invoice.put("CurrencyCode", fee.invoice().currency().getCurrencyCode());
        invoice.put("Reference", XeroInvoiceMapper.FEE_REFERENCE_PREFIX + fee.key().value());
        invoice.put("Status", own.lateFeesApproved() ? "AUTHORISED" : "DRAFT");
        invoice.put("LineAmountTypes", "Exclusive");
        ObjectNode line = invoice.putArray("LineItems").addObject();
        line.put("Description", fee.lineDescription());
        line.put("Quantity", 1);
        line.put("UnitAmount", fee.fee().amount().amount());
        line.put("ItemCode", own.lateFeeItemCode().get());
        line.put("AccountCode", own.lateFeeAccountCode().get());
        line.put("TaxType", own.lateFeeTaxType().get());
        ObjectNode body = json.createObjectNode();
        body.putArray("Invoices").add(invoice);
        XeroClient.Call put = new XeroClient.Call("PUT", "/Invoices", Map.of("summarizeErrors", "false"),
                Map.of("Idempotency-Key", IdempotencyKeys.of(fee.key(), "fee")), Optional.of(body), true);
        XeroClient.Result result = api.call(organisation, put, calls);
        if (!(result instanceof XeroClient.Ok ok)) {
            return outcome(result);
        }
        JsonNode created = ok.body().path("Invoices").path(0);
        List<String> errors = XeroErrors.messages(created);
        if ("ERROR".equals(created.path("StatusAttributeString").asText()) || created.path("HasErrors").asBoolean(false)
                || !errors.isEmpty() && created.path("InvoiceID").asText("").isBlank()) {
            return rejected("Xero refused the late-fee invoice: " + String.join("; ", errors));
        }
        String feeId = created.path("InvoiceID").asText("");
        if (feeId.isBlank()) {
            return new WriteOutcome.InDoubt("Xero accepted the late-fee invoice but did not say its id");
        }
        String number = created.path("InvoiceNumber").asText(feeId);
        String text = "Late fee of " + fee.fee().amount() + " raised as " + number + " (" + fee.fee().ruleId() + ", period "
                + fee.fee().period() + ", " + fee.fee().computation() + ")";
        XeroClient.Result noted = addNote(organisation, fee.invoice().invoiceId(), text, fee.stage(), fee.key(), calls);
        if (!(noted instanceof XeroClient.Ok)) {
            Log.warnf("Late fee %s raised on invoice %s, but its history note was not added: %s", feeId,
                    fee.invoice().invoiceId(), noted);
        }
        return new WriteOutcome.Done(feeId);
    }

    private XeroClient.Result addNote(OrganisationId organisation, String invoiceId, String text, String stage,
                                   ActionKey key, CallCount calls) {
        String suffix = " — stage " + stage + " " + IdempotencyKeys.noteMarker(key);
        String details = text.length() + suffix.length() > NOTE_LIMIT
                ? text.substring(0, NOTE_LIMIT - suffix.length() - 1) + "…" + suffix : text + suffix;
        ObjectNode body = json.createObjectNode();
        body.putArray("HistoryRecords").addObject().put("Details", details);
        XeroClient.Call put = new XeroClient.Call("PUT", "/Invoices/" + invoiceId + "/History", Map.of(),
                Map.of("Idempotency-Key", IdempotencyKeys.of(key, "note")), Optional.of(body), true);
        return api.call(organisation, put, calls);
    }

    private Evidence feeInvoice(OrganisationId organisation, ActionKey key, CallCount calls) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("where", "Type==\"ACCREC\" AND Reference==\"" + XeroInvoiceMapper.FEE_REFERENCE_PREFIX + key.value() + "\"");
        XeroClient.Result result = api.call(organisation, XeroClient.Call.get("/Invoices", query), calls);
        if (result instanceof XeroClient.Ok ok) {
            for (JsonNode invoice : ok.body().path("Invoices")) {
                String id = invoice.path("InvoiceID").asText("");
                if (!id.isBlank()) {
                    return new Evidence.Found(id);
                }
            }
            return new Evidence.NotFound();
        }
        return new Evidence.Unknown(failure(result));
    }

    /** Empty when the invoice's history has no note with this action's marker. */
    /**
     * Xero keeps an Idempotency-Key's answer for 6 minutes from the first call (NOTES §8). The first
     * write began at or before that call; a margin leaves room for the re-read and the rate limiter
     * between now and the repeat reaching Xero.
     */
    private boolean insideIdempotencyWindow(Instant firstWriteAt) {
        return clock.instant().isBefore(firstWriteAt.plus(idempotencyWindow));
    }

    private Optional<Evidence> noteEvidence(OrganisationId organisation, String invoiceId, ActionKey key, CallCount calls) {
        XeroClient.Result result = api.call(organisation, XeroClient.Call.get("/Invoices/" + invoiceId + "/History", Map.of()),
                calls);
        if (!(result instanceof XeroClient.Ok ok)) {
            return Optional.of(new Evidence.Unknown(failure(result)));
        }
        String marker = IdempotencyKeys.noteMarker(key);
        for (JsonNode record : ok.body().path("HistoryRecords")) {
            if (record.path("Details").asText("").contains(marker)) {
                return Optional.of(new Evidence.Found("history note of " + record.path("DateUTCString").asText("?")));
            }
        }
        return Optional.empty();
    }

    private OrganisationLedgerSettings settings(OrganisationId organisation) {
        return settings.find(organisation).orElseThrow(() -> new IllegalStateException(
                "organisation " + organisation + " has no ledger settings; was it registered through the Xero connector?"));
    }

    /** Xero answers 400 for every email failure, its daily email limit included: that one is deferred. */
    private static WriteOutcome emailOutcome(XeroClient.Result result, LocalDate today) {
        if (result instanceof XeroClient.Failed(LedgerFailure.Rejected rejected)
                && rejected.reason().toLowerCase(Locale.ROOT).matches(".*(rate limit|daily limit|email limit).*")) {
            return new WriteOutcome.Failed(LedgerFailure.RetryLater.throttled(rejected.reason() + "; deferred to the next day",
                    today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        return outcome(result);
    }

    private static WriteOutcome outcome(XeroClient.Result result) {
        return switch (result) {
            case XeroClient.Ok ok -> new WriteOutcome.Done("HTTP " + ok.status());
            case XeroClient.InDoubt inDoubt -> new WriteOutcome.InDoubt(inDoubt.reason());
            case XeroClient.Failed failed -> new WriteOutcome.Failed(failed.failure());
            case XeroClient.NotFound notFound -> new WriteOutcome.Failed(new LedgerFailure.Rejected(
                    "Xero does not know the invoice (" + notFound.detail() + ")"));
        };
    }

    private static LedgerFailure failure(XeroClient.Result result) {
        return switch (result) {
            case XeroClient.Failed failed -> failed.failure();
            case XeroClient.NotFound notFound -> new LedgerFailure.Rejected("Xero does not know the invoice (" + notFound.detail() + ")");
            case XeroClient.InDoubt inDoubt -> new LedgerFailure.RetryLater(inDoubt.reason(), Optional.empty());
            case XeroClient.Ok ok -> new LedgerFailure.RetryLater("unexpected answer", Optional.empty());
        };
    }

    private static WriteOutcome rejected(String reason) {
        return new WriteOutcome.Failed(new LedgerFailure.Rejected(reason));
    }
}
