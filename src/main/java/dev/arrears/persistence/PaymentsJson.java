package dev.arrears.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.arrears.domain.invoice.PaymentApplied;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** {@code invoice.payments}: {@code [{"date":"2025-03-01","amount":"50.00","currency":"GBP"}, ...]}, oldest first. */
final class PaymentsJson {

    private PaymentsJson() {
    }

    static String write(List<PaymentApplied> payments) {
        ArrayNode array = JsonbCodec.array();
        for (PaymentApplied p : payments) {
            array.add(JsonbCodec.money(p.amount()).put("date", p.date().toString()));
        }
        return JsonbCodec.write(array);
    }

    static List<PaymentApplied> read(String json) {
        List<PaymentApplied> payments = new ArrayList<>();
        for (JsonNode node : JsonbCodec.read(json)) {
            payments.add(new PaymentApplied(LocalDate.parse(JsonbCodec.text(node, "date")), JsonbCodec.money(node)));
        }
        return payments;
    }
}
