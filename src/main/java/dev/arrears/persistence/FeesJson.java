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
        ArrayNode array = Json.array();
        for (ChargedFee fee : fees) {
            array.add(Json.money(fee.amount())
                    .put("ruleId", fee.ruleId())
                    .put("period", fee.period())
                    .put("chargeDate", fee.chargeDate().toString()));
        }
        return Json.write(array);
    }

    static List<ChargedFee> read(String json) {
        List<ChargedFee> fees = new ArrayList<>();
        for (JsonNode node : Json.read(json)) {
            fees.add(new ChargedFee(Json.text(node, "ruleId"), node.path("period").asInt(),
                    LocalDate.parse(Json.text(node, "chargeDate")), Json.money(node)));
        }
        return fees;
    }
}
