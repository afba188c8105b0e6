package dev.arrears.connector.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.domain.invoice.PaymentApplied;
import dev.arrears.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Payments by id, to date what lowered an invoice's balance (interest needs the dates). A payment
 * applies to an invoice through its {@code Line[].LinkedTxn} ({@code TxnType "Invoice"}); credit
 * memos are applied the same way, through a payment.
 */
final class PaymentBook {

    private final Map<String, JsonNode> payments = new HashMap<>();

    void add(JsonNode payment) {
        QboJson.text(payment, "Id").ifPresent(id -> payments.put(id, payment));
    }

    boolean knows(String paymentId) {
        return payments.containsKey(paymentId);
    }

    /** Payment ids an invoice names in its own {@code LinkedTxn}. */
    static Set<String> paymentIdsOf(JsonNode invoice) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode link : QboJson.each(invoice, "LinkedTxn")) {
            if ("Payment".equalsIgnoreCase(QboJson.text(link, "TxnType").orElse(""))) {
                QboJson.text(link, "TxnId").ifPresent(ids::add);
            }
        }
        return ids;
    }

    /** Invoice ids a payment or credit memo is applied to. */
    static Set<String> invoiceIdsOf(JsonNode transaction) {
        Set<String> ids = new LinkedHashSet<>();
        List<JsonNode> links = new ArrayList<>();
        QboJson.each(transaction, "LinkedTxn").forEach(links::add);
        for (JsonNode line : QboJson.each(transaction, "Line")) {
            QboJson.each(line, "LinkedTxn").forEach(links::add);
        }
        for (JsonNode link : links) {
            if ("Invoice".equalsIgnoreCase(QboJson.text(link, "TxnType").orElse(""))) {
                QboJson.text(link, "TxnId").ifPresent(ids::add);
            }
        }
        return ids;
    }

    /**
     * What the invoice's payments applied to it and when, oldest first. Empty when the known
     * payments do not explain the whole difference between total and balance (a deposit, a
     * payment we could not read): the engine then works from the balance alone, which never
     * overstates what was owed.
     */
    List<PaymentApplied> appliedTo(JsonNode invoice, String invoiceId, Money total, Money balance) {
        List<PaymentApplied> applied = new ArrayList<>();
        Money sum = Money.zero(total.currency());
        for (String paymentId : paymentIdsOf(invoice)) {
            JsonNode payment = payments.get(paymentId);
            if (payment == null) {
                return List.of();
            }
            Optional<LocalDate> date = QboJson.text(payment, "TxnDate").map(LocalDate::parse);
            BigDecimal amount = BigDecimal.ZERO;
            for (JsonNode line : QboJson.each(payment, "Line")) {
                boolean toThisInvoice = false;
                for (JsonNode link : QboJson.each(line, "LinkedTxn")) {
                    toThisInvoice |= "Invoice".equalsIgnoreCase(QboJson.text(link, "TxnType").orElse(""))
                            && invoiceId.equals(QboJson.text(link, "TxnId").orElse(""));
                }
                if (toThisInvoice) {
                    amount = amount.add(QboJson.decimal(line, "Amount").orElse(BigDecimal.ZERO));
                }
            }
            if (date.isEmpty() || amount.signum() <= 0) {
                continue;
            }
            Money money = Money.of(amount, total.currency());
            applied.add(new PaymentApplied(date.get(), money));
            sum = sum.plus(money);
        }
        if (sum.compareTo(total.minus(balance)) != 0) {
            return List.of();
        }
        applied.sort(Comparator.comparing(PaymentApplied::date));
        return applied;
    }
}
