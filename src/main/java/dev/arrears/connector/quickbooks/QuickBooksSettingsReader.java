package dev.arrears.connector.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.ledger.LedgerChoices;
import dev.arrears.application.ledger.LedgerFacts;
import dev.arrears.application.ledger.LedgerProfileStore;
import dev.arrears.application.ledger.SettingsReport;
import dev.arrears.domain.money.Money;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a company's settings (on connect, then daily): CompanyInfo for name, country and time zone,
 * Preferences for the home currency and multi-currency, the late-fee item (the accountant's, or one
 * Arrears creates once with the accountant's income account), and signs that QuickBooks' own
 * automatic late fees are in use. Four or five reads a day per company.
 */
@ApplicationScoped
class QuickBooksSettingsReader {

    static final String REMINDERS_WARNING = "QuickBooks' own automatic invoice reminders cannot be seen through its API:"
            + " switch them off (Settings > Sales > Reminders) so customers are not reminded twice.";

    private final QboClient client;
    private final QuickBooksTokens tokens;
    private final LedgerProfileStore profiles;
    private final OrganisationStore organisations;
    private final QuickBooksConfig settings;
    private final Clock clock;

    QuickBooksSettingsReader(QboClient client, QuickBooksTokens tokens, LedgerProfileStore profiles,
                              OrganisationStore organisations, QuickBooksConfig settings, Clock clock) {
        this.client = client;
        this.tokens = tokens;
        this.profiles = profiles;
        this.organisations = organisations;
        this.settings = settings;
        this.clock = clock;
    }

    SettingsReport refresh(OrganisationId organisation) {
        try {
            RealmSession session = client.open(organisation);
            Organisation known = organisations.find(organisation).orElseThrow();
            LedgerChoices choices = session.profile().choices();
            List<String> warnings = new ArrayList<>(tokens.expiryWarnings(session.connection().tokens()));
            warnings.add(REMINDERS_WARNING);

            JsonNode company = client.get(session, "companyinfo/" + session.realmId(), Map.of()).path("CompanyInfo");
            JsonNode preferences = client.get(session, "preferences", Map.of()).path("Preferences");
            ZoneId zone = zone(company, choices, known, warnings);
            String country = QboJson.text(company, "Country").map(c -> c.trim().toUpperCase(Locale.ROOT))
                    .filter(c -> c.matches("[A-Z]{2}")).orElse(known.country());
            Currency currency = QboJson.ref(preferences.path("CurrencyPrefs"), "HomeCurrency").map(Money::currency)
                    .orElse(known.baseCurrency());
            boolean multiCurrency = preferences.path("CurrencyPrefs").path("MultiCurrencyEnabled").asBoolean(false);

            Optional<String> blocked = Optional.empty();
            LateFeeItem item = lateFeeItem(session, choices);
            boolean ledgerLateFees = ledgerLateFeesInUse(session, item.incomeAccountId(), warnings);
            if (item.problem().isPresent()) {
                blocked = item.problem();
            }
            if (ledgerLateFees) {
                warnings.add("QuickBooks' own automatic late fees appear to be in use (an account named "
                        + settings.lateFees().ledgerLateFeeAccounts() + " has postings).");
                if (!choices.chargeBesideLedgerLateFees()) {
                    blocked = Optional.of("QuickBooks' own automatic late fees appear to be in use; Arrears does not"
                            + " charge a second fee unless the accountant allows it for this company");
                }
            }
            blocked.ifPresent(reason -> warnings.add("No late fees will be raised: " + reason + "."));

            String name = QboJson.text(company, "CompanyName").orElse(known.displayName());
            profiles.saveFacts(organisation, new LedgerFacts(name, zone, country, currency, multiCurrency, ledgerLateFees,
                    item.id(), item.created(), blocked, clock.instant()));
            return new SettingsReport(blocked, ledgerLateFees, warnings, Optional.empty());
        } catch (QboProblem problem) {
            Log.warnf("QuickBooks settings of organisation %s not read: %s", organisation, problem.getMessage());
            return new SettingsReport(Optional.of("the company's settings could not be read"), false, List.of(),
                    Optional.of(problem.failure()));
        }
    }

    /** The accountant's zone first, then the company's DefaultTimeZone (minor version 75), else the one known. */
    private static ZoneId zone(JsonNode company, LedgerChoices choices, Organisation known, List<String> warnings) {
        if (choices.timeZone().isPresent()) {
            return choices.timeZone().get();
        }
        Optional<String> given = QboJson.text(company, "DefaultTimeZone");
        if (given.isPresent()) {
            try {
                return ZoneId.of(given.get().trim());
            } catch (DateTimeException e) {
                warnings.add("QuickBooks names the company's time zone '" + given.get()
                        + "', which Arrears does not know: set the time zone for this company; using " + known.timeZone() + ".");
                return known.timeZone();
            }
        }
        warnings.add("QuickBooks does not say which time zone the company is in: set it for this company; using "
                + known.timeZone() + ".");
        return known.timeZone();
    }

    /**
     * Postings on an account such as "Late fee income", which QuickBooks creates for its own late fees.
     * The account Arrears' own fee item books to is no evidence: its postings are (or may be) Arrears'
     * fees, and taking them for QuickBooks' would make Arrears' first fee stop all later ones.
     */
    private boolean ledgerLateFeesInUse(RealmSession session, Optional<String> ownFeeAccount, List<String> warnings) {
        for (String name : settings.lateFees().ledgerLateFeeAccounts()) {
            JsonNode response = client.query(session, "select * from Account where Name = " + QuickBooksSync.quoted(name));
            for (JsonNode account : QuickBooksSync.entities(response.path("QueryResponse"), "Account")) {
                if (ownFeeAccount.isPresent() && ownFeeAccount.equals(QboJson.text(account, "Id"))) {
                    warnings.add("Arrears' late-fee item books to '" + name + "', the account QuickBooks' own automatic"
                            + " late fees use, so Arrears cannot tell whether those are on: check that they are off.");
                    continue;
                }
                BigDecimal balance = QboJson.decimal(account, "CurrentBalance").orElse(BigDecimal.ZERO);
                if (balance.signum() != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private LateFeeItem lateFeeItem(RealmSession session, LedgerChoices choices) {
        if (choices.lateFeeItemId().isPresent()) {
            String id = choices.lateFeeItemId().get();
            if (!QuickBooksOnboarding.quickBooksId(id)) {
                return LateFeeItem.problem("the chosen late-fee item id is not a QuickBooks id (digits only)");
            }
            JsonNode item;
            try {
                item = client.get(session, "item/" + id, Map.of()).path("Item");
            } catch (QboProblem problem) {
                if (problem.has("610")) {
                    return LateFeeItem.problem("the chosen late-fee item " + id + " does not exist in QuickBooks");
                }
                throw problem;
            }
            return usable(item).map(LateFeeItem::problem)
                    .orElse(new LateFeeItem(Optional.of(id), false, Optional.empty(), incomeAccount(item)));
        }
        if (choices.lateFeeIncomeAccountId().isEmpty()) {
            return LateFeeItem.problem("no late-fee item and no income account for one are chosen for this company");
        }
        boolean created = session.profile().facts().map(LedgerFacts::lateFeeItemCreated).orElse(false);
        Optional<JsonNode> existing = itemNamed(session);
        if (existing.isEmpty()) {
            existing = Optional.of(createItem(session, choices.lateFeeIncomeAccountId().get()));
            created = true;
        }
        String id = QboJson.text(existing.get(), "Id").orElseThrow();
        Optional<String> account = incomeAccount(existing.get()).or(choices::lateFeeIncomeAccountId);
        return usable(existing.get()).map(LateFeeItem::problem)
                .orElse(new LateFeeItem(Optional.of(id), created, Optional.empty(), account));
    }

    private Optional<JsonNode> itemNamed(RealmSession session) {
        JsonNode response = client.query(session, "select * from Item where Name = "
                + QuickBooksSync.quoted(settings.lateFees().itemName()));
        return QuickBooksSync.entities(response.path("QueryResponse"), "Item").stream().findFirst();
    }

    /** Creates the item once: a fixed request id, and a name clash (6240) means another attempt made it. */
    private JsonNode createItem(RealmSession session, String incomeAccount) {
        ObjectNode body = QboJson.object();
        body.put("Name", settings.lateFees().itemName());
        body.put("Type", "Service");
        body.putObject("IncomeAccountRef").put("value", incomeAccount);
        body.put("Description", "Late payment fee");
        body.put("UnitPrice", 0);
        body.put("Taxable", false);
        try {
            return client.post(session, "item", Map.of(), RequestIds.of(session.realmId(), "late-fee-item:" + incomeAccount),
                    "application/json", QboJson.write(body)).path("Item");
        } catch (QboProblem problem) {
            if (problem.has("6240") || problem.maybeApplied()) {
                return itemNamed(session).orElseThrow(() -> problem);
            }
            throw problem;
        }
    }

    private static Optional<String> usable(JsonNode item) {
        String id = QboJson.text(item, "Id").orElse("?");
        if (!"Service".equalsIgnoreCase(QboJson.text(item, "Type").orElse(""))) {
            return Optional.of("the late-fee item " + id + " is not a Service item");
        }
        if (item.has("Active") && !item.path("Active").asBoolean(true)) {
            return Optional.of("the late-fee item " + id + " is inactive in QuickBooks");
        }
        return Optional.empty();
    }

    private static Optional<String> incomeAccount(JsonNode item) {
        return QboJson.text(item.path("IncomeAccountRef"), "value");
    }

    /** @param incomeAccountId the account the item books fees to */
    private record LateFeeItem(Optional<String> id, boolean created, Optional<String> problem, Optional<String> incomeAccountId) {
        static LateFeeItem problem(String reason) {
            return new LateFeeItem(Optional.empty(), false, Optional.of(reason), Optional.empty());
        }
    }
}
