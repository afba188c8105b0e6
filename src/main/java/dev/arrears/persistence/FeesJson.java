package dev.arrears.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.arrears.domain.dunning.ChargedFee;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** {@code dunning_state.fees}: {@code [{"ruleId":..,"period":1,"chargeDate":..,"amount":"..","currency":".."}]}. */
final class FeesJson {

    private FeesJson() {
    }

    static String write(List<ChargedFee> fees) {
        ArrayNode array = JsonbCodec.array();
        for (ChargedFee fee : fees) {
            array.add(JsonbCodec.money(fee.amount())
                    .put("ruleId", fee.ruleId())
                    .put("period", fee.period())
                    .put("chargeDate", fee.chargeDate().toString()));
        }
        return JsonbCodec.write(array);
    }

    static List<ChargedFee> read(String json) {
        List<ChargedFee> fees = new ArrayList<>();
        for (JsonNode node : JsonbCodec.read(json)) {
            fees.add(new ChargedFee(JsonbCodec.text(node, "ruleId"), node.path("period").asInt(),
                    LocalDate.parse(JsonbCodec.text(node, "chargeDate")), JsonbCodec.money(node)));
        }
        return fees;
    }
}
