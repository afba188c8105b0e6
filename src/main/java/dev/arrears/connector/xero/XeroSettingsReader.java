package dev.arrears.connector.xero;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.application.ledger.LedgerSettingsStore;
import dev.arrears.application.ledger.OrganisationLedgerSettings;
import dev.arrears.application.ledger.SettingsReport;
import dev.arrears.domain.money.Money;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an organisation's settings from Xero (on connect, then daily): its name, time zone, base
 * currency and country; whether Xero's own invoice reminders are on; and whether the accountant's
 * late-fee account, tax type and item exist and may be used on a sales invoice.
 */
@ApplicationScoped
class XeroSettingsReader {

    private final XeroClient api;
    private final LedgerSettingsStore store;
    private final XeroConfig config;
    private final Clock clock;

    XeroSettingsReader(XeroClient api, LedgerSettingsStore store, XeroConfig config, Clock clock) {
        this.api = api;
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    /** What {@code GET /Organisation} says, in our terms. */
    record OrganisationFacts(String name, ZoneId zone, String country, Currency baseCurrency, boolean demo,
                             String edition, List<String> warnings) {
    }

    sealed interface FactsResult {
    }

    record Facts(OrganisationFacts facts) implements FactsResult {
    }

    record FactsFailed(LedgerFailure failure) implements FactsResult {
    }

    SettingsReport refresh(OrganisationId organisation) {
        CallCount calls = new CallCount();
        OrganisationLedgerSettings current = store.find(organisation)
                .orElseGet(() -> OrganisationLedgerSettings.initial(organisation, Optional.empty(), config.limits().emailsPerDay()));
        FactsResult read = facts(organisation, calls);
        if (read instanceof FactsFailed failed) {
            return failedReport(current, failed.failure());
        }
        OrganisationFacts facts = ((Facts) read).facts();
        store.updateOrganisationFacts(organisation, facts.name(), facts.zone(), facts.country(), facts.baseCurrency());
        List<String> warnings = new ArrayList<>(facts.warnings());

        XeroClient.Result reminders = api.call(organisation, XeroClient.Call.get("/InvoiceReminders/Settings", Map.of()), calls);
        if (!(reminders instanceof XeroClient.Ok ok)) {
            return failedReport(current, failure(reminders));
        }
        boolean remindersOn = ok.body().path("InvoiceReminders").path(0).path("Enabled").asBoolean(false);
        if (remindersOn) {
            warnings.add(current.chaseDespiteLedgerReminders()
                    ? "Xero's own invoice reminders are switched on and an accountant allowed Arrears to remind as well: "
                      + "customers may hear from both."
                    : "Xero's own invoice reminders are switched on: Arrears will not send reminders for this organisation "
                      + "(so customers are not chased twice) until they are switched off in Xero or an accountant allows it.");
        }
        List<String> feeProblems = new ArrayList<>();
        if ("PARTNER".equalsIgnoreCase(facts.edition())) {
            feeProblems.add("Xero Partner edition organisations cannot raise or email invoices");
        }
        Optional<LedgerFailure> validation = validateFeeChoices(organisation, current, feeProblems, calls);
        if (validation.isPresent()) {
            return failedReport(current, validation.get());
        }
        Optional<String> blocked = feeProblems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", feeProblems));
        int emailCap = facts.demo() ? 0 : config.limits().emailsPerDay();
        if (facts.demo()) {
            warnings.add("This is a Xero demo company: Xero sends no invoice emails for it, so reminders stay deferred.");
        }
        Instant checkedAt = clock.instant();
        // Only the check's own fields, and only if the choices checked are still the stored ones: an
        // accountant may have saved new ones during the calls above. Their own read follows (or the
        // next cycle's), so this check is dropped rather than stored against choices it never saw.
        Optional<OrganisationLedgerSettings> stored = store.update(organisation, latest -> latest.sameChoicesAs(current)
                ? latest.withCheck(remindersOn, blocked, emailCap, checkedAt) : latest);
        if (stored.isEmpty()) {
            store.save(current.withCheck(remindersOn, blocked, emailCap, checkedAt));   // nothing stored yet
        } else if (!stored.get().sameChoicesAs(current)) {
            Log.infof("Xero organisation %s: the late-fee choices changed while they were checked; this check is not stored",
                    organisation);
        }
        // "Chases too" tells the cycle to hold back; an accountant's explicit allowance lifts it.
        return new SettingsReport(blocked, remindersOn && !current.chaseDespiteLedgerReminders(), warnings, Optional.empty());
    }

    private FactsResult facts(OrganisationId organisation, CallCount calls) {
        XeroClient.Result result = api.call(organisation, XeroClient.Call.get("/Organisation", Map.of()), calls);
        if (!(result instanceof XeroClient.Ok ok)) {
            return new FactsFailed(failure(result));
        }
        return parseFacts(ok.body().path("Organisations").path(0));
    }

    /** The facts in one element of {@code GET /Organisation}'s {@code Organisations}. */
    static FactsResult parseFacts(JsonNode org) {
        List<String> warnings = new ArrayList<>();
        String name = org.path("Name").asText("").strip();
        String country = org.path("CountryCode").asText("").strip();
        String timezone = org.path("Timezone").asText("");
        Currency currency;
        try {
            currency = Money.currency(org.path("BaseCurrency").asText(""));
        } catch (IllegalArgumentException e) {
            return new FactsFailed(new LedgerFailure.Rejected("Xero gave the organisation no usable base currency: " + e.getMessage()));
        }
        if (name.isEmpty() || !country.matches("[A-Za-z]{2}")) {
            return new FactsFailed(new LedgerFailure.Rejected("Xero gave the organisation no name or no country code"));
        }
        Optional<ZoneId> zone = WindowsZones.toZoneId(timezone, country);
        if (zone.isEmpty()) {
            return new FactsFailed(new LedgerFailure.Rejected("Xero's time zone '" + timezone
                    + "' has no IANA equivalent in the CLDR mapping; the organisation's 'today' cannot be worked out"));
        }
        return new Facts(new OrganisationFacts(name.length() > 200 ? name.substring(0, 200) : name, zone.get(),
                country.toUpperCase(java.util.Locale.ROOT), currency, org.path("IsDemoCompany").asBoolean(false),
                org.path("Edition").asText(""), warnings));
    }

    /** Each chosen code must exist in Xero and suit a sales invoice line. */
    private Optional<LedgerFailure> validateFeeChoices(OrganisationId organisation, OrganisationLedgerSettings s,
                                                       List<String> problems, CallCount calls) {
        if (s.lateFeeAccountCode().isEmpty() || s.lateFeeTaxType().isEmpty() || s.lateFeeItemCode().isEmpty()) {
            problems.add("no late-fee account, tax type and item chosen yet (an accountant chooses them in Arrears)");
            return Optional.empty();
        }
        String account = s.lateFeeAccountCode().get();
        XeroClient.Result accounts = api.call(organisation,
                XeroClient.Call.get("/Accounts", Map.of("where", XeroClient.equalsFilter("Code", account))), calls);
        if (!(accounts instanceof XeroClient.Ok a)) {
            return Optional.of(failure(accounts));
        }
        JsonNode acc = a.body().path("Accounts").path(0);
        if (acc.isMissingNode()) {
            problems.add("account " + account + " does not exist in Xero");
        } else if (!"ACTIVE".equals(acc.path("Status").asText())) {
            problems.add("account " + account + " is " + acc.path("Status").asText("not active").toLowerCase(java.util.Locale.ROOT));
        } else if (!"REVENUE".equals(acc.path("Class").asText())) {
            problems.add("account " + account + " is not a revenue account (its class is " + acc.path("Class").asText("unknown") + ")");
        }
        String taxType = s.lateFeeTaxType().get();
        XeroClient.Result rates = api.call(organisation,
                XeroClient.Call.get("/TaxRates", Map.of("where", XeroClient.equalsFilter("TaxType", taxType))), calls);
        if (!(rates instanceof XeroClient.Ok r)) {
            return Optional.of(failure(rates));
        }
        JsonNode rate = r.body().path("TaxRates").path(0);
        if (rate.isMissingNode()) {
            problems.add("tax type " + taxType + " does not exist in Xero");
        } else if (!"ACTIVE".equals(rate.path("Status").asText())) {
            problems.add("tax type " + taxType + " is not active");
        } else if (rate.has("CanApplyToRevenue") && !rate.path("CanApplyToRevenue").asBoolean()) {
            problems.add("tax type " + taxType + " cannot be used on sales (revenue)");
        }
        String item = s.lateFeeItemCode().get();
        XeroClient.Result items = api.call(organisation, XeroClient.Call.get("/Items", Map.of("where", XeroClient.equalsFilter("Code", item))),
                calls);
        if (!(items instanceof XeroClient.Ok i)) {
            return Optional.of(failure(items));
        }
        JsonNode it = i.body().path("Items").path(0);
        if (it.isMissingNode()) {
            problems.add("item " + item + " does not exist in Xero");
        } else if (it.has("IsSold") && !it.path("IsSold").asBoolean()) {
            problems.add("item " + item + " is not set up to be sold");
        } else if (it.path("IsTrackedAsInventory").asBoolean(false)) {
            problems.add("item " + item + " is a tracked inventory item; a fee needs an untracked item");
        }
        return Optional.empty();
    }

    private static SettingsReport failedReport(OrganisationLedgerSettings current, LedgerFailure failure) {
        return new SettingsReport(current.lateFeesBlockedBecause().or(() -> Optional.of("settings could not be read from Xero")),
                current.ledgerRemindersOn(), List.of(), Optional.of(failure));
    }

    private static LedgerFailure failure(XeroClient.Result result) {
        return switch (result) {
            case XeroClient.Failed failed -> failed.failure();
            case XeroClient.NotFound notFound -> new LedgerFailure.Rejected(notFound.detail());
            case XeroClient.InDoubt inDoubt -> new LedgerFailure.RetryLater(inDoubt.reason(), Optional.empty());
            case XeroClient.Ok ok -> new LedgerFailure.RetryLater("unexpected answer", Optional.empty());
        };
    }
}
