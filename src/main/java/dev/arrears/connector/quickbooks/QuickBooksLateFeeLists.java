package dev.arrears.connector.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.connection.LateFeeChoice;
import dev.arrears.application.connection.LateFeeOptions;
import dev.arrears.application.connection.LedgerOption;
import dev.arrears.application.ledger.LedgerChoices;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The company's income accounts and service items, read from QuickBooks for the late-fee
 * drop-downs. A fee line needs an item; Arrears creates one booked to the chosen income account
 * when no item is chosen (see {@link QuickBooksSettingsReader}). The tax code of fee lines is a
 * setting, not a per-company choice.
 */
@ApplicationScoped
class QuickBooksLateFeeLists {

    private final QboClient client;
    private final QuickBooksConfig config;

    QuickBooksLateFeeLists(QboClient client, QuickBooksConfig config) {
        this.client = client;
        this.config = config;
    }

    LateFeeOptions read(OrganisationId organisation) {
        try {
            RealmSession session = client.open(organisation);
            LedgerChoices choices = session.profile().choices();
            List<LedgerOption> accounts = options(session, "select * from Account where AccountType = 'Income'", "Account");
            List<LedgerOption> items = options(session, "select * from Item where Type = 'Service'", "Item");
            String taxNote = "QuickBooks fee lines use the tax code of the setting arrears.quickbooks.late-fees.tax-code ("
                    + config.lateFees().taxCode().orElse("unset: NON for US companies, none elsewhere") + ").";
            return new LateFeeOptions.Listed(accounts, List.of(), items,
                    new LateFeeChoice(choices.lateFeeIncomeAccountId(), Optional.empty(), choices.lateFeeItemId()),
                    Optional.of(taxNote));
        } catch (QboProblem problem) {
            return new LateFeeOptions.Unavailable("QuickBooks' accounts and items could not be read: " + problem.getMessage());
        }
    }

    private List<LedgerOption> options(RealmSession session, String query, String type) {
        JsonNode response = client.query(session, query);
        return QuickBooksSync.entities(response.path("QueryResponse"), type).stream()
                .filter(node -> node.path("Active").asBoolean(true))
                .map(node -> new LedgerOption(node.path("Id").asText(), node.path("Name").asText(node.path("Id").asText())))
                .filter(option -> !option.code().isBlank())
                .toList();
    }
}
