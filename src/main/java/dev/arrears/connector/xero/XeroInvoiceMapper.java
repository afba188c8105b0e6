package dev.arrears.connector.xero;

import dev.arrears.connector.text.LedgerText;
import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.application.IncomingInvoice;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.QuarantinedRecord;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.invoice.PaymentApplied;
import dev.arrears.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Turns one Xero invoice (JSON) into an invoice snapshot, or into a quarantined record with the
 * reason when it cannot be read. One bad record never fails its page.
 */
final class XeroInvoiceMapper {

    /** The reference of every late-fee invoice Arrears raises starts with this, followed by the action key. */
    static final String FEE_REFERENCE_PREFIX = "ARREARS:";

    private XeroInvoiceMapper() {
    }

    sealed interface Mapped {
    }

    record Read(IncomingInvoice invoice) implements Mapped {
    }

    record Unreadable(QuarantinedRecord record) implements Mapped {
    }

    static Mapped map(OrganisationId organisation, JsonNode node, int position) {
        String raw = node.toString();
        String id = text(node, "InvoiceID").filter(s -> !s.isBlank()).orElse("unidentified-record-" + position);
        try {
            return new Read(new IncomingInvoice(snapshot(organisation, node), raw, updatedAt(node)));
        } catch (RuntimeException e) {
            return new Unreadable(new QuarantinedRecord(id, reason(e), raw));
        }
    }

    static InvoiceSnapshot snapshot(OrganisationId organisation, JsonNode node) {
        String id = required(node, "InvoiceID");
        String type = required(node, "Type");
        if (!"ACCREC".equals(type)) {
            throw new IllegalArgumentException("Type is " + type + ", not a sales invoice (ACCREC)");
        }
        Currency currency = Money.currency(required(node, "CurrencyCode"));
        Money total = money(node, "Total", currency);
        Money amountDue = money(node, "AmountDue", currency);
        JsonNode contact = node.path("Contact");
        String customerId = text(contact, "ContactID").orElseThrow(() -> new IllegalArgumentException("Contact.ContactID is missing"));
        LocalDate issueDate = XeroDates.date(required(node, "Date"));
        Optional<LocalDate> dueDate = text(node, "DueDate").filter(s -> !s.isBlank()).map(XeroDates::date);
        String reference = text(node, "Reference").orElse("");
        return new InvoiceSnapshot(organisation.toString(), id, text(node, "InvoiceNumber").orElse(null), customerId,
                text(contact, "Name").orElse(null), issueDate, dueDate, total, amountDue, status(required(node, "Status")),
                payments(node, total, amountDue, currency), reference.startsWith(FEE_REFERENCE_PREFIX));
    }

    static Instant updatedAt(JsonNode node) {
        Optional<String> iso = text(node, "UpdatedDateUTCString").filter(s -> !s.isBlank());
        return XeroDates.instant(iso.orElseGet(() -> required(node, "UpdatedDateUTC")));
    }

    static InvoiceStatus status(String xero) {
        return switch (xero) {
            case "AUTHORISED" -> InvoiceStatus.OPEN;
            case "PAID" -> InvoiceStatus.PAID;
            case "VOIDED" -> InvoiceStatus.VOIDED;
            case "DELETED" -> InvoiceStatus.DELETED;
            case "DRAFT", "SUBMITTED" -> InvoiceStatus.DRAFT;
            default -> throw new IllegalArgumentException("Status '" + xero + "' is not one Xero documents");
        };
    }

    /**
     * Payments, credit notes, prepayments and overpayments applied, with their dates, for interest
     * maths. Present only in full reads ({@code summaryOnly} leaves them out). When they do not add
     * up to what Xero says was paid and credited, none are used: the engine then works from the
     * amount due alone, which never overcharges, rather than from an incomplete history.
     */
    private static List<PaymentApplied> payments(JsonNode node, Money total, Money amountDue, Currency currency) {
        List<PaymentApplied> applied = new ArrayList<>();
        for (JsonNode p : node.path("Payments")) {
            if (!"DELETED".equals(p.path("Status").asText(""))) {
                applied.add(new PaymentApplied(XeroDates.date(required(p, "Date")), money(p, "Amount", currency)));
            }
        }
        for (String list : List.of("CreditNotes", "Prepayments", "Overpayments")) {
            for (JsonNode c : node.path(list)) {
                if (c.hasNonNull("AppliedAmount") && c.hasNonNull("Date")) {
                    applied.add(new PaymentApplied(XeroDates.date(c.get("Date").asText()), money(c, "AppliedAmount", currency)));
                }
            }
        }
        Money sum = applied.stream().map(PaymentApplied::amount).reduce(Money.zero(currency), Money::plus);
        if (applied.isEmpty() || !sum.equals(total.minus(amountDue))) {
            return List.of();
        }
        applied.sort(Comparator.comparing(PaymentApplied::date));
        return applied;
    }

    /** Xero writes amounts as numbers in its spec and as strings in its docs: both are read exactly. */
    static Money money(JsonNode node, String field, Currency currency) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        BigDecimal amount = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().trim());
        try {
            return Money.of(amount.stripTrailingZeros(), currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(LedgerText.clean(value.asText()));
    }

    private static String required(JsonNode node, String field) {
        return text(node, field).filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalArgumentException(field + " is missing"));
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "Xero invoice could not be read: " + message;
    }
}
