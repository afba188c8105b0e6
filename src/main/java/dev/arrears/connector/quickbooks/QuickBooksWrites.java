package dev.arrears.connector.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.ledger.Evidence;
import dev.arrears.application.ledger.InvoiceReading;
import dev.arrears.application.ledger.LedgerFacts;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.application.ledger.LedgerWrite;
import dev.arrears.application.ledger.WriteOutcome;
import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The write-backs. Every request carries a {@code requestid} derived from the action key, so a
 * repeat is answered, not redone. A write whose answer was lost is not simply repeated: the ledger
 * is searched for its trace first (the fee invoice carrying the key in {@code PrivateNote}, the note
 * carrying the key, the invoice's last delivery). A stale-object fault 5010 re-reads the invoice:
 * if it changed in a way that matters the action goes back to be decided again, otherwise the write
 * is tried once more under a new request id.
 */
@ApplicationScoped
class QuickBooksWrites {

    private static final int NOTE_LIMIT = 2000;

    private final QboClient client;
    private final QuickBooksSync reader;
    private final QuickBooksConfig settings;
    private final Clock clock;

    QuickBooksWrites(QboClient client, QuickBooksSync reader, QuickBooksConfig settings, Clock clock) {
        this.client = client;
        this.reader = reader;
        this.settings = settings;
        this.clock = clock;
    }

    WriteOutcome write(OrganisationId organisation, LedgerWrite write) {
        try {
            RealmSession session = client.open(organisation);
            return switch (write) {
                case LedgerWrite.LateFee fee -> lateFee(session, fee);
                case LedgerWrite.Reminder reminder -> reminder(session, reminder);
                case LedgerWrite.Note note -> new WriteOutcome.Done(
                        note(session, note, note.text(), "note").orElseThrow(() -> new Decided(inDoubt("the note"))));
            };
        } catch (Decided decided) {
            return decided.outcome;
        } catch (QboProblem problem) {
            if (problem.has("5010")) {
                return new WriteOutcome.Failed(new LedgerFailure.RetryLater(
                        "QuickBooks reported a stale object twice: " + problem.getMessage(), Optional.empty()));
            }
            return problem.maybeApplied() ? inDoubt(problem.getMessage()) : new WriteOutcome.Failed(problem.failure());
        }
    }

    Evidence findEvidence(OrganisationId organisation, LedgerWrite write, Optional<Instant> firstWriteAt) {
        try {
            RealmSession session = client.open(organisation);
            Optional<String> found = switch (write) {
                case LedgerWrite.LateFee fee -> feeInvoice(session, fee);
                // The note follows the send; a crash between the two leaves only the invoice's own
                // record of its last delivery, which counts when it is not older than the first attempt.
                case LedgerWrite.Reminder reminder -> noteWithKey(session, reminder.invoice(), reminder.key())
                        .or(() -> firstWriteAt.flatMap(since -> deliveredSince(session, reminder.invoice().invoiceId(), since)
                                .filter(Boolean::booleanValue)
                                .map(delivered -> "delivery of invoice " + reminder.invoice().invoiceId() + " recorded by QuickBooks")));
                case LedgerWrite.Note note -> noteWithKey(session, note.invoice(), note.key());
            };
            return found.<Evidence>map(Evidence.Found::new).orElseGet(Evidence.NotFound::new);
        } catch (QboProblem problem) {
            return new Evidence.Unknown(problem.failure());
        }
    }

    // ---- late fee ----------------------------------------------------------------------------

    private WriteOutcome lateFee(RealmSession session, LedgerWrite.LateFee fee) {
        LedgerFacts facts = session.profile().facts().orElseThrow(() -> new Decided(rejected(
                "the company's QuickBooks settings have not been read yet; no late fee can be raised")));
        facts.lateFeesBlockedBecause().ifPresent(reason -> {
            throw new Decided(rejected("late fees are blocked for this company: " + reason));
        });
        String item = facts.lateFeeItemId().orElseThrow(() -> new Decided(rejected("no late-fee item is set up")));
        String body = QboJson.write(feeInvoice(fee, item, facts, session.profile().choices().lateFeeTaxCode()));
        IntFunction<JsonNode> post = generation -> client.post(session, "invoice", Map.of(),
                RequestIds.of(session.realmId(), fee.key(), "fee-invoice", generation), "application/json", body);
        String feeId;
        try {
            feeId = idOf(staleAware(session, fee, post), "Invoice");
        } catch (QboProblem problem) {
            if (!problem.maybeApplied()) {
                throw problem;
            }
            // The answer was lost: look for the fee invoice before anything is sent again.
            Log.warnf("Late fee %s: outcome unknown (%s); looking for it in QuickBooks", fee.key(), problem.getMessage());
            Optional<String> found = lookFor(() -> feeInvoice(session, fee));
            feeId = found.isPresent() ? found.get() : idOf(repeat(() -> post.apply(1)), "Invoice");
        }
        String noteText = "Late fee invoice " + feeId + " raised: " + fee.lineDescription();
        try {
            note(session, fee, noteText, "fee-note");
        } catch (QboProblem | Decided noteFailed) {
            // The fee stands; the note beside the original invoice is a courtesy, not worth a second fee.
            Log.warnf("Late fee %s raised as invoice %s, but the note on invoice %s failed: %s", fee.key(), feeId,
                    fee.invoice().invoiceId(), noteFailed.getMessage());
        }
        return new WriteOutcome.Done(feeId);
    }

    private ObjectNode feeInvoice(LedgerWrite.LateFee fee, String item, LedgerFacts facts, Optional<String> taxCode) {
        InvoiceSnapshot invoice = fee.invoice();
        ObjectNode body = QboJson.object();
        body.putObject("CustomerRef").put("value", invoice.customerId());
        if (facts.multiCurrency()) {
            body.putObject("CurrencyRef").put("value", invoice.currency().getCurrencyCode());
        }
        body.put("PrivateNote", InvoiceMapper.FEE_MARK + "[" + fee.key().value() + "]");
        String number = invoice.number() == null || invoice.number().isBlank() ? invoice.invoiceId() : invoice.number();
        body.putObject("CustomerMemo").put("value", truncate("Late fee for invoice " + number, 1000));
        ObjectNode line = body.putArray("Line").addObject();
        line.put("Amount", fee.fee().amount().amount());
        line.put("DetailType", "SalesItemLineDetail");
        line.put("Description", truncate(fee.lineDescription(), 4000));
        ObjectNode detail = line.putObject("SalesItemLineDetail");
        detail.putObject("ItemRef").put("value", item);
        detail.put("Qty", 1);
        detail.put("UnitPrice", fee.fee().amount().amount());
        // The company's choice on the console first, then the firm-wide setting, then NON for US companies.
        taxCode.or(() -> settings.lateFees().taxCode())
                .or(() -> "US".equals(facts.country()) ? Optional.of("NON") : Optional.empty())
                .ifPresent(code -> detail.putObject("TaxCodeRef").put("value", code));
        return body;
    }

    /** The fee invoice carrying this key, among the customer's invoices dated from the charge date on. */
    private Optional<String> feeInvoice(RealmSession session, LedgerWrite.LateFee fee) {
        String mark = "[" + fee.key().value() + "]";
        // PrivateNote cannot be queried; CustomerRef and TxnDate can. A day's margin covers time zones.
        JsonNode response = client.query(session, "select * from Invoice where CustomerRef = "
                + QuickBooksSync.quoted(fee.invoice().customerId()) + " and TxnDate >= '"
                + fee.fee().chargeDate().minusDays(1) + "' ORDERBY Id STARTPOSITION 1 MAXRESULTS 1000");
        for (JsonNode invoice : QuickBooksSync.entities(response.path("QueryResponse"), "Invoice")) {
            if (QboJson.text(invoice, "PrivateNote").orElse("").contains(mark)) {
                return QboJson.text(invoice, "Id");
            }
        }
        return Optional.empty();
    }

    // ---- reminder ----------------------------------------------------------------------------

    private WriteOutcome reminder(RealmSession session, LedgerWrite.Reminder reminder) {
        String invoiceId = reminder.invoice().invoiceId();
        Map<String, String> parameters = new HashMap<>();
        reminder.recipient().ifPresent(address -> parameters.put("sendTo", address));
        IntFunction<JsonNode> send = generation -> client.post(session, "invoice/" + invoiceId + "/send", parameters,
                RequestIds.of(session.realmId(), reminder.key(), "send", generation), "application/octet-stream", null);
        Instant attempted = clock.instant();
        try {
            staleAware(session, reminder, send);
        } catch (QboProblem problem) {
            if (!problem.maybeApplied()) {
                throw problem;
            }
            Log.warnf("Reminder %s: outcome of the send unknown (%s); reading the invoice's last delivery",
                    reminder.key(), problem.getMessage());
            if (!lookFor(() -> deliveredSince(session, invoiceId, attempted)).orElse(false)) {
                repeat(() -> send.apply(1)); // same request id: Intuit answers a repeat instead of sending again
            }
        }
        // The reminder went out: whatever becomes of its note, it is done. Anything but Done here would
        // have it sent again; the note is the trace for later, and QuickBooks' delivery record backs it up.
        try {
            return new WriteOutcome.Done(note(session, reminder, reminder.noteText(), "note")
                    .orElse("sent; its note's outcome is unknown"));
        } catch (QboProblem | Decided noteFailed) {
            Log.warnf("Reminder %s sent, but its note on invoice %s failed: %s", reminder.key(), invoiceId,
                    noteFailed.getMessage());
            return new WriteOutcome.Done("sent; note failed: " + noteFailed.getMessage());
        }
    }

    /** Whether QuickBooks records an e-mail delivery of the invoice at or after {@code since} (less clock skew). */
    private Optional<Boolean> deliveredSince(RealmSession session, String invoiceId, Instant since) {
        Optional<JsonNode> invoice = reader.readInvoice(session, invoiceId);
        Optional<String> time = invoice.flatMap(i -> QboJson.text(i.path("DeliveryInfo"), "DeliveryTime"));
        try {
            return Optional.of(time.map(t -> !OffsetDateTime.parse(t).toInstant().isBefore(since.minus(Duration.ofMinutes(5))))
                    .orElse(false));
        } catch (DateTimeParseException e) {
            return Optional.of(false);
        }
    }

    // ---- notes -------------------------------------------------------------------------------

    /**
     * Records a note linked to the invoice: an Attachable, which leaves the invoice (and its
     * SyncToken) alone. Empty when the outcome stayed unknown.
     */
    private Optional<String> note(RealmSession session, LedgerWrite write, String text, String step) {
        ObjectNode body = QboJson.object();
        body.put("Note", truncate(text + " [" + write.key().value() + "]", NOTE_LIMIT, "[" + write.key().value() + "]"));
        ObjectNode ref = body.putArray("AttachableRef").addObject();
        ref.putObject("EntityRef").put("type", "Invoice").put("value", write.invoice().invoiceId());
        ref.put("IncludeOnSend", false);
        String json = QboJson.write(body);
        IntFunction<JsonNode> post = generation -> client.post(session, "attachable", Map.of(),
                RequestIds.of(session.realmId(), write.key(), step, generation), "application/json", json);
        try {
            return Optional.of(idOf(staleAware(session, write, post), "Attachable"));
        } catch (QboProblem problem) {
            if (!problem.maybeApplied()) {
                throw problem;
            }
            Optional<String> found = lookFor(() -> noteWithKey(session, write.invoice(), write.key()));
            if (found.isPresent()) {
                return found;
            }
            try {
                return Optional.of(idOf(post.apply(1), "Attachable"));
            } catch (QboProblem again) {
                if (again.maybeApplied()) {
                    return Optional.empty();
                }
                throw again;
            }
        }
    }

    private Optional<String> noteWithKey(RealmSession session, InvoiceSnapshot invoice, ActionKey key) {
        String mark = "[" + key.value() + "]";
        JsonNode response = client.query(session, "select * from Attachable where AttachableRef.EntityRef.Type = 'Invoice'"
                + " and AttachableRef.EntityRef.value = " + QuickBooksSync.quoted(invoice.invoiceId()));
        for (JsonNode attachable : QuickBooksSync.entities(response.path("QueryResponse"), "Attachable")) {
            if (QboJson.text(attachable, "Note").orElse("").contains(mark)) {
                return QboJson.text(attachable, "Id");
            }
        }
        return Optional.empty();
    }

    // ---- shared ------------------------------------------------------------------------------

    /**
     * Runs a write; on a stale-object fault (5010) re-reads the invoice and either tries once more
     * under a new request id or hands the action back to be decided again.
     */
    private JsonNode staleAware(RealmSession session, LedgerWrite write, IntFunction<JsonNode> attempt) {
        try {
            return attempt.apply(1);
        } catch (QboProblem problem) {
            if (!problem.has("5010")) {
                throw problem;
            }
            InvoiceReading now = reader.reread(session, write.invoice().invoiceId());
            String changed = switch (now) {
                case InvoiceReading.Gone gone -> gone.reason();
                case InvoiceReading.Failed failed -> failed.failure().reason();
                case InvoiceReading.Found found -> found.invoice().isSettled() ? "it is now " + found.invoice().status()
                        + " with " + found.invoice().amountDue() + " due"
                        : found.invoice().amountDue().equals(write.invoice().amountDue()) ? null
                        : "its amount due is now " + found.invoice().amountDue();
            };
            if (changed != null) {
                // RetryLater rather than Rejected: the dispatcher's pre-flight re-read then cancels or re-plans it.
                throw new Decided(new WriteOutcome.Failed(new LedgerFailure.RetryLater("invoice "
                        + write.invoice().invoiceId() + " changed in QuickBooks (" + changed + "); the action must be decided again",
                        Optional.of(clock.instant()))));
            }
            return attempt.apply(2);
        }
    }

    /** A search for evidence; a failed search leaves the write in doubt. */
    private <T> Optional<T> lookFor(java.util.function.Supplier<Optional<T>> search) {
        try {
            return search.get();
        } catch (QboProblem problem) {
            throw new Decided(inDoubt("the write, and the search for its trace failed too (" + problem.getMessage() + ")"));
        }
    }

    /** Repeats a write once with the same request id; a second lost answer leaves it in doubt. */
    private JsonNode repeat(java.util.function.Supplier<JsonNode> write) {
        try {
            return write.get();
        } catch (QboProblem problem) {
            if (problem.maybeApplied()) {
                throw new Decided(inDoubt(problem.getMessage()));
            }
            throw problem;
        }
    }

    private static String idOf(JsonNode response, String entity) {
        return QboJson.text(response.path(entity), "Id").orElseThrow(() -> new QboProblem(new LedgerFailure.RetryLater(
                "QuickBooks answered without the " + entity + "'s Id", Optional.empty()), true, java.util.List.of()));
    }

    private static WriteOutcome inDoubt(String what) {
        return new WriteOutcome.InDoubt("outcome unknown: " + what);
    }

    private static WriteOutcome rejected(String reason) {
        return new WriteOutcome.Failed(new LedgerFailure.Rejected(reason));
    }

    private static String truncate(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }

    /** Shortens the text but keeps {@code tail} (the key) whole at its end. */
    private static String truncate(String text, int limit, String tail) {
        return text.length() <= limit ? text : text.substring(0, limit - tail.length() - 2) + "… " + tail;
    }

    /** Ends a write early with an outcome already decided. */
    private static final class Decided extends RuntimeException {
        final transient WriteOutcome outcome;

        Decided(WriteOutcome outcome) {
            super(outcome.toString(), null, false, false);
            this.outcome = outcome;
        }
    }
}
