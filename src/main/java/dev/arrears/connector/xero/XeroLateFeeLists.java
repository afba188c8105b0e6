package dev.arrears.connector.xero;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.connection.LateFeeChoice;
import dev.arrears.application.connection.LateFeeOptions;
import dev.arrears.application.connection.LedgerOption;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The organisation's revenue accounts, tax rates usable on sales and sellable untracked items, read
 * from Xero for the late-fee drop-downs: the same tests the daily settings check applies to a choice
 * ({@link XeroSettingsReader}), so the lists offer nothing that check would refuse.
 */
@ApplicationScoped
class XeroLateFeeLists {

    private final XeroClient api;

    XeroLateFeeLists(XeroClient api) {
        this.api = api;
    }

    LateFeeOptions read(OrganisationId organisation, LateFeeChoice chosen) {
        CallCount calls = new CallCount();
        List<List<LedgerOption>> lists = new ArrayList<>();
        for (Lookup lookup : LOOKUPS) {
            XeroClient.Result result = api.call(organisation, XeroClient.Call.get(lookup.path(), Map.of()), calls);
            if (!(result instanceof XeroClient.Ok ok)) {
                return new LateFeeOptions.Unavailable("Xero's " + lookup.what() + " could not be read: " + reason(result));
            }
            List<LedgerOption> options = new ArrayList<>();
            for (JsonNode node : ok.body().path(lookup.field())) {
                String code = node.path(lookup.code()).asText("");
                if (!code.isBlank() && lookup.usable().test(node)) {
                    options.add(new LedgerOption(code, code + " · " + node.path("Name").asText(code)));
                }
            }
            lists.add(options);
        }
        return new LateFeeOptions.Listed(lists.get(0), lists.get(1), lists.get(2), chosen, Optional.empty());
    }

    private record Lookup(String what, String path, String field, String code, Predicate<JsonNode> usable) {
    }

    private static final List<Lookup> LOOKUPS = List.of(
            new Lookup("accounts", "/Accounts", "Accounts", "Code",
                    n -> "ACTIVE".equals(n.path("Status").asText()) && "REVENUE".equals(n.path("Class").asText())),
            new Lookup("tax rates", "/TaxRates", "TaxRates", "TaxType",
                    n -> "ACTIVE".equals(n.path("Status").asText())
                            && (!n.has("CanApplyToRevenue") || n.path("CanApplyToRevenue").asBoolean())),
            new Lookup("items", "/Items", "Items", "Code",
                    n -> (!n.has("IsSold") || n.path("IsSold").asBoolean()) && !n.path("IsTrackedAsInventory").asBoolean(false)));

    private static String reason(XeroClient.Result result) {
        return switch (result) {
            case XeroClient.Failed failed -> failed.failure().reason();
            case XeroClient.NotFound notFound -> "not found (" + notFound.detail() + ")";
            case XeroClient.InDoubt inDoubt -> inDoubt.reason();
            case XeroClient.Ok ok -> "answered " + ok.status();
        };
    }
}
