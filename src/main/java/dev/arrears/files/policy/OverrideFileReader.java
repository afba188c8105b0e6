package dev.arrears.files.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the head of an override file ({@code policies/organisations/*.yaml},
 * {@code policies/customers/*.yaml}): its id, what it applies to and what it extends. Its stages and
 * fee rules are checked when merged, against the policy they change.
 */
final class OverrideFileReader {

    static final List<String> ORGANISATION_FIELDS = List.of("id", "description", "extends", "applies_to", "fee_rules", "stages",
            "thank_you", "payment_plans", "attach_invoice_pdf");
    static final List<String> CUSTOMER_FIELDS = List.of("id", "description", "applies_to", "fee_rules", "stages", "thank_you",
            "payment_plans", "attach_invoice_pdf");
    static final List<String> ORGANISATION_SCOPE = List.of("organisation", "provider", "tenant_id");
    static final List<String> CUSTOMER_SCOPE = List.of("organisation", "provider", "tenant_id", "customers", "customer_group");

    private final PolicyFileLoader loader;

    OverrideFileReader(PolicyFileLoader loader) {
        this.loader = loader;
    }

    /** An override's text, named {@code file} in every problem; its id defaults to the name's last part. */
    Optional<PolicyLayer> read(String file, byte[] bytes, PolicyLayer.Kind kind, List<PolicyProblem> sink) {
        YamlFields fields = new YamlFields(file, sink);
        int before = sink.size();
        boolean organisation = kind == PolicyLayer.Kind.ORGANISATION;
        Optional<JsonNode> parsed = loader.parse(bytes, fields, "an override with at least: applies_to and the stages or fee_rules it changes",
                "one override per file");
        List<String> allowed = organisation ? ORGANISATION_FIELDS : CUSTOMER_FIELDS;
        if (parsed.isEmpty() || !fields.isMapping(parsed.get(), "", "an override with fields: " + String.join(", ", allowed))) {
            return Optional.empty();
        }
        JsonNode root = parsed.get();
        fields.onlyKeys(root, "", allowed);
        fields.text(root, "", "description", false);
        String stem = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
        Optional<String> id = root.has("id") ? fields.text(root, "", "id", true) : Optional.of(stem.toLowerCase(Locale.ROOT));
        id.filter(value -> !PolicyFileLoader.POLICY_ID.matcher(value).matches()).ifPresent(value -> fields.problem(root.has("id") ? "id" : "",
                "'" + value + "' is not a usable id" + (root.has("id") ? "" : " (taken from the file name)")
                        + "; expected lower-case letters, digits, '-' and '_', such as acme-joinery"));
        Optional<String> extendsId = organisation && root.has("extends") ? fields.text(root, "", "extends", true) : Optional.empty();
        if (!root.has("applies_to")) {
            fields.problem("applies_to", "is required; expected " + (organisation
                    ? "{ organisation: <our organisation id> } or { provider: xero, tenant_id: <id> }"
                    : "{ customers: [<customer ids>] } or { customer_group: <group name> }, with organisation: <id> to limit it to one organisation"));
            return Optional.empty();
        }
        JsonNode scope = root.get("applies_to");
        List<String> scopeFields = organisation ? ORGANISATION_SCOPE : CUSTOMER_SCOPE;
        if (!fields.isMapping(scope, "applies_to", "applies_to with fields: " + String.join(", ", scopeFields))) {
            return Optional.empty();
        }
        fields.onlyKeys(scope, "applies_to", scopeFields);
        Optional<OrganisationSelector> selector = OrganisationSelector.read(scope, "applies_to", fields, organisation);
        List<String> customers = new ArrayList<>();
        Optional<String> group = Optional.empty();
        if (!organisation) {
            boolean byId = scope.has("customers");
            boolean byGroup = scope.has("customer_group");
            if (byId == byGroup) {
                fields.problem("applies_to", (byId ? "names both customers and a customer_group" : "names no customers")
                        + "; expected either customers: [C-ACME, C-ACME-2] or customer_group: <group name> (write two files for both)");
            } else if (byId) {
                fields.list(scope, "applies_to", "customers", true, "customer ids from the ledger").ifPresent(items -> {
                    for (int i = 0; i < items.size(); i++) {
                        String text = items.get(i).isTextual() || items.get(i).isNumber() ? items.get(i).asText().trim() : "";
                        if (text.isEmpty()) {
                            fields.problem(YamlFields.element("applies_to.customers", i), "expected a customer id, got " + YamlFields.describe(items.get(i)));
                        } else if (customers.contains(text)) {
                            fields.problem(YamlFields.element("applies_to.customers", i), "'" + text + "' is listed twice");
                        } else {
                            customers.add(text);
                        }
                    }
                    if (items.isEmpty()) {
                        fields.problem("applies_to.customers", "needs at least one customer id");
                    }
                });
            } else {
                group = fields.text(scope, "applies_to", "customer_group", true);
            }
        }
        if (sink.size() > before || id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PolicyLayer(kind, file, id.get(), PolicyFileLoader.version(bytes), root, selector, customers, group, extendsId));
    }

    /** A full policy's text (already checked by the catalog), as the bottom layer of a merge. */
    Optional<PolicyLayer> base(String file, byte[] bytes, List<PolicyProblem> sink) {
        YamlFields fields = new YamlFields(file, sink);
        return loader.parse(bytes, fields).map(root -> new PolicyLayer(PolicyLayer.Kind.BASE, file,
                root.path("id").asText(), PolicyFileLoader.version(bytes), root, Optional.empty(), List.of(), Optional.empty(), Optional.empty()));
    }
}
