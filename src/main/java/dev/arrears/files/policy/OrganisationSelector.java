package dev.arrears.files.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationKey;
import java.util.Locale;
import java.util.Optional;

/**
 * Which organisation a configuration file is about: {@code organisation: <our id>} or
 * {@code provider: xero} with {@code tenant_id: <the ledger's id>}.
 */
record OrganisationSelector(Optional<OrganisationId> id, Optional<LedgerProvider> provider, Optional<String> tenantId)
        implements dev.arrears.application.policy.PolicySet.OrganisationMatch {

    static final String PROVIDERS = "xero, quickbooks";

    @Override
    public boolean matches(OrganisationKey key) {
        return id.map(key.id()::equals)
                .orElseGet(() -> provider.get() == key.provider() && tenantId.get().equals(key.tenantId()));
    }

    /** Two selectors written the same way for the same organisation (a clash we can see without the database). */
    boolean sameAs(OrganisationSelector other) {
        return equals(other);
    }

    String describe() {
        return id.map(i -> "organisation " + i)
                .orElseGet(() -> provider.get().name().toLowerCase(Locale.ROOT) + " tenant " + tenantId.get());
    }

    /**
     * Reads the selector from {@code mapping}; {@code required} says whether one must be there.
     * Reports a problem and returns empty when it is wrong or missing.
     */
    static Optional<OrganisationSelector> read(JsonNode mapping, String path, YamlFields fields, boolean required) {
        boolean byId = mapping.hasNonNull("organisation");
        boolean byTenant = mapping.hasNonNull("provider") || mapping.hasNonNull("tenant_id");
        String expected = "either organisation: <our organisation id, a UUID> or provider: (" + PROVIDERS + ") with tenant_id: <the ledger's tenant or realm id>";
        if (byId && byTenant) {
            fields.problem(path, "names the organisation twice; expected " + expected);
            return Optional.empty();
        }
        if (byId) {
            Optional<String> text = fields.text(mapping, path, "organisation", true);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new OrganisationSelector(Optional.of(OrganisationId.parse(text.get())), Optional.empty(), Optional.empty()));
            } catch (IllegalArgumentException e) {
                fields.problem(YamlFields.child(path, "organisation"), "'" + text.get()
                        + "' is not an organisation id; expected the UUID shown in the console, such as 6f0c3c1e-6d0b-4f57-9a39-0b1a2c3d4e5f");
                return Optional.empty();
            }
        }
        if (byTenant) {
            Optional<String> providerText = fields.text(mapping, path, "provider", true);
            Optional<String> tenant = fields.text(mapping, path, "tenant_id", true);
            Optional<LedgerProvider> ledger = providerText.flatMap(p -> switch (p.toLowerCase(Locale.ROOT)) {
                case "xero" -> Optional.of(LedgerProvider.XERO);
                case "quickbooks" -> Optional.of(LedgerProvider.QUICKBOOKS);
                default -> {
                    fields.problem(YamlFields.child(path, "provider"), "'" + p + "' is not a ledger; expected one of: " + PROVIDERS);
                    yield Optional.empty();
                }
            });
            if (ledger.isEmpty() || tenant.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new OrganisationSelector(Optional.empty(), ledger, tenant));
        }
        if (required) {
            fields.problem(path.isEmpty() ? "organisation" : YamlFields.child(path, "organisation"), "is required; expected " + expected);
        }
        return Optional.empty();
    }
}
