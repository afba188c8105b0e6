package dev.arrears.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.FeeApplication;
import dev.arrears.domain.dunning.PlannedAction;
import java.time.LocalDate;

/**
 * The whole planned action as {@code outbox_action.payload}, so the dispatcher carries out exactly
 * what was decided (fee amount, currency, how it was computed) without deciding again. Versioned by
 * {@code "v"} so the format can evolve while old rows stay readable.
 */
final class ActionPayloads {

    private static final int FORMAT = 1;

    /** The kind of a {@link PlannedAction.ChargeLateFee}, as stored in {@code outbox_action.kind}. */
    static final String LATE_FEE = "CHARGE_LATE_FEE";
    /** The kind of a {@link PlannedAction.SendReminder}. */
    static final String REMINDER = "SEND_REMINDER";

    private ActionPayloads() {
    }

    static String kind(PlannedAction action) {
        return switch (action) {
            case PlannedAction.SendReminder r -> REMINDER;
            case PlannedAction.AddNote n -> "ADD_NOTE";
            case PlannedAction.ChargeLateFee f -> LATE_FEE;
            case PlannedAction.FlagForPerson p -> "FLAG_FOR_PERSON";
        };
    }

    static String write(PlannedAction action) {
        ObjectNode node = JsonbCodec.object()
                .put("v", FORMAT)
                .put("kind", kind(action))
                .put("key", action.key().value())
                .put("stage", action.stage());
        switch (action) {
            case PlannedAction.SendReminder r -> node.put("template", r.template());
            case PlannedAction.AddNote n -> node.put("text", n.text());
            case PlannedAction.FlagForPerson p -> node.put("reason", p.reason());
            case PlannedAction.ChargeLateFee f -> node.set("fee", fee(f.fee()));
        }
        return JsonbCodec.write(node);
    }

    static PlannedAction read(String json) {
        JsonNode node = JsonbCodec.read(json);
        int format = node.path("v").asInt(-1);
        if (format != FORMAT) {
            throw new IllegalStateException("outbox payload format " + format + " is not known: " + json);
        }
        ActionKey key = new ActionKey(JsonbCodec.text(node, "key"));
        String stage = JsonbCodec.text(node, "stage");
        String kind = JsonbCodec.text(node, "kind");
        return switch (kind) {
            case "SEND_REMINDER" -> new PlannedAction.SendReminder(key, stage, JsonbCodec.text(node, "template"));
            case "ADD_NOTE" -> new PlannedAction.AddNote(key, stage, JsonbCodec.text(node, "text"));
            case "FLAG_FOR_PERSON" -> new PlannedAction.FlagForPerson(key, stage, JsonbCodec.text(node, "reason"));
            case "CHARGE_LATE_FEE" -> new PlannedAction.ChargeLateFee(key, stage, fee(node.path("fee")));
            default -> throw new IllegalStateException("outbox payload of unknown kind '" + kind + "'");
        };
    }

    private static ObjectNode fee(FeeApplication fee) {
        return JsonbCodec.money(fee.amount())
                .put("ruleId", fee.ruleId())
                .put("period", fee.period())
                .put("accruedFrom", fee.accruedFrom().toString())
                .put("chargeDate", fee.chargeDate().toString())
                .put("computation", fee.computation())
                .put("capped", fee.capped());
    }

    private static FeeApplication fee(JsonNode node) {
        return new FeeApplication(JsonbCodec.text(node, "ruleId"), node.path("period").asInt(),
                LocalDate.parse(JsonbCodec.text(node, "accruedFrom")), LocalDate.parse(JsonbCodec.text(node, "chargeDate")),
                JsonbCodec.money(node), JsonbCodec.text(node, "computation"), node.path("capped").asBoolean());
    }
}
