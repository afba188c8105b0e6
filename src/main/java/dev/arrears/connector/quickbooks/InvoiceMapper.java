package dev.arrears.connector.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.application.IncomingInvoice;
import dev.arrears.application.OrganisationId;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * A QuickBooks Invoice (JSON) as an {@link InvoiceSnapshot}. Anything it cannot read throws
 * {@link IllegalArgumentException} with a reason a person understands; the record is then
 * quarantined while the rest of its page is stored.
 */
final class InvoiceMapper {

    /** Written into a late-fee invoice's PrivateNote, followed by the action key; how Arrears finds its own fees. */
    static final String FEE_MARK = "Arrears late fee, key ";

    private InvoiceMapper() {
    }

    static IncomingInvoice map(OrganisationId organisation, JsonNode invoice, Currency homeCurrency, PaymentBook payments) {
        String id = QboJson.text(invoice, "Id").orElseThrow(() -> new IllegalArgumentException("the invoice has no Id"));
        String customer = QboJson.ref(invoice, "CustomerRef")
                .orElseThrow(() -> new IllegalArgumentException("invoice " + id + " has no CustomerRef"));
        Currency currency = QboJson.ref(invoice, "CurrencyRef").map(Money::currency).orElse(homeCurrency);
        Money total = money(invoice, "TotalAmt", currency, id);
        Money balance = money(invoice, "Balance", currency, id);
        if (total.isNegative() || balance.isNegative()) {
            throw new IllegalArgumentException("invoice " + id + " has a negative TotalAmt or Balance");
        }
        Instant updated = updatedAt(invoice).orElseThrow(() -> new IllegalArgumentException(
                "invoice " + id + " has no readable MetaData.LastUpdatedTime"));
        String note = QboJson.text(invoice, "PrivateNote").orElse("");
        InvoiceStatus status;
        if (total.isZero() && balance.isZero() && note.regionMatches(true, 0, "Voided", 0, 6)) {
            status = InvoiceStatus.VOIDED;
        } else if (balance.isPositive()) {
            status = InvoiceStatus.OPEN;
        } else {
            status = InvoiceStatus.PAID;
        }
        InvoiceSnapshot snapshot = new InvoiceSnapshot(organisation.toString(), id,
                QboJson.text(invoice, "DocNumber").orElse(null), customer,
                Optional.ofNullable(invoice.get("CustomerRef")).flatMap(r -> QboJson.text(r, "name")).orElse(null),
                date(invoice, "TxnDate", id).orElse(null), date(invoice, "DueDate", id), total, balance, status,
                status == InvoiceStatus.VOIDED ? java.util.List.of() : payments.appliedTo(invoice, id, total, balance),
                note.contains(FEE_MARK));
        return new IncomingInvoice(snapshot, QboJson.write(invoice), updated);
    }

    /** A deletion stub ({@code status: "Deleted"}): only Id and MetaData are left. */
    static boolean isDeletedStub(JsonNode entity) {
        return "deleted".equals(QboJson.text(entity, "status").orElse("").toLowerCase(Locale.ROOT));
    }

    static Optional<Instant> updatedAt(JsonNode entity) {
        return QboJson.text(entity.path("MetaData"), "LastUpdatedTime").flatMap(text -> {
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    private static Money money(JsonNode invoice, String field, Currency currency, String id) {
        BigDecimal amount = QboJson.decimal(invoice, field)
                .orElseThrow(() -> new IllegalArgumentException("invoice " + id + " has no " + field));
        try {
            return Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invoice " + id + ": " + field + " " + e.getMessage());
        }
    }

    private static Optional<LocalDate> date(JsonNode invoice, String field, String id) {
        return QboJson.text(invoice, field).map(text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("invoice " + id + ": " + field + " '" + text + "' is not a date (YYYY-MM-DD)");
            }
        });
    }
}
