package dev.arrears.connector.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.connection.ConnectionRefusedException;
import dev.arrears.application.connection.LateFeeChoice;
import dev.arrears.application.connection.LateFeeOptions;
import dev.arrears.application.connection.LedgerOption;
import dev.arrears.application.ledger.LedgerChoices;
import dev.arrears.application.ledger.LedgerFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The company's income accounts, service items and tax codes, read from QuickBooks for the
 * late-fee drop-downs. A fee line needs an item; Arrears creates one booked to the chosen income
 * account when no item is chosen (see {@link QuickBooksSettingsReader}). A line's tax code is the
 * company's choice; without one, the setting {@code arrears.quickbooks.late-fees.tax-code} decides.
 */
@ApplicationScoped
class QuickBooksLateFeeLists {

    /**
     * US companies compute sales tax on the transaction: a line only says taxable or not, with the
     * pseudo-codes TAX and NON; their TaxCode list's other entries (tax groups) cannot go on a line.
     */
    private static final List<LedgerOption> US_TAX_CODES = List.of(
            new LedgerOption("TAX", "TAX — taxable (US companies: a line takes TAX or NON only)"),
            new LedgerOption("NON", "NON — not taxable (US companies: a line takes TAX or NON only)"));

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
            String taxNote = "With no tax code chosen, fee lines use the setting arrears.quickbooks.late-fees.tax-code ("
                    + config.lateFees().taxCode().orElse("unset: NON for US companies, none elsewhere") + ").";
            return new LateFeeOptions.Listed(accounts, taxCodes(session), items,
                    new LateFeeChoice(choices.lateFeeIncomeAccountId(), choices.lateFeeTaxCode(), choices.lateFeeItemId()),
                    Optional.of(taxNote));
        } catch (QboProblem problem) {
            return new LateFeeOptions.Unavailable("QuickBooks' accounts, items and tax codes could not be read: "
                    + problem.getMessage());
        }
    }

    /** Refuses a tax code the company's QuickBooks does not offer for a line (unknown, inactive, or unreadable now). */
    void checkTaxCode(OrganisationId organisation, String code) {
        List<LedgerOption> offered;
        try {
            offered = taxCodes(client.open(organisation));
        } catch (QboProblem problem) {
            throw new ConnectionRefusedException("taxRate " + code + " could not be checked, as QuickBooks' tax codes "
                    + "could not be read: " + problem.getMessage() + "; nothing was saved");
        }
        if (offered.stream().noneMatch(option -> option.code().equals(code))) {
            throw new ConnectionRefusedException("taxRate " + code + " is not an active tax code of this QuickBooks company"
                    + " (it offers: " + String.join(", ", offered.stream().map(LedgerOption::code).toList())
                    + "); nothing was saved");
        }
    }

    private List<LedgerOption> taxCodes(RealmSession session) {
        boolean us = session.profile().facts().map(LedgerFacts::country).map("US"::equals).orElse(false);
        return us ? US_TAX_CODES : options(session, "select * from TaxCode where Active = true", "TaxCode");
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
