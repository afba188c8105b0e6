package dev.arrears.application;

import dev.arrears.domain.money.Money;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/** What is known of an organisation when it is first connected. It starts in {@link OrganisationMode#PREVIEW}. */
public record NewOrganisation(String displayName, LedgerProvider provider, ZoneId timeZone, String country,
                              Currency baseCurrency, String policyId) {

    public NewOrganisation {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(baseCurrency, "baseCurrency");
        Objects.requireNonNull(policyId, "policyId");
        if (displayName.isBlank() || displayName.length() > 200) {
            throw new IllegalArgumentException("an organisation name must be 1 to 200 characters");
        }
        country = country.trim().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code such as GB, was '" + country + "'");
        }
        Money.minorUnits(baseCurrency); // a currency without minor units (XAU) cannot be invoiced
        if (policyId.isBlank()) {
            throw new IllegalArgumentException("a policy id cannot be blank");
        }
    }
}
