package dev.arrears.application;

import dev.arrears.domain.dunning.ActionKey;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened and must be explainable later.
 *
 * @param providerInvoiceId the invoice it concerns, if any (it must be stored)
 * @param customerId        the ledger's customer id, if any; filled from the invoice when missing
 * @param detail            structured facts, JSON-shaped: values are strings, numbers, booleans, lists or maps
 * @param message           one sentence an accountant can read
 */
public record AuditEvent(OrganisationId organisationId, Optional<String> providerInvoiceId, Optional<String> customerId,
                         AuditKind kind, Optional<ActionKey> actionKey, Optional<String> policyVersion,
                         Map<String, Object> detail, String message) {

    public AuditEvent {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(providerInvoiceId, "providerInvoiceId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actionKey, "actionKey");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(message, "message");
        detail = Map.copyOf(detail);
    }

    /** An event about one invoice. */
    public static AuditEvent forInvoice(InvoiceRef invoice, AuditKind kind, Optional<ActionKey> actionKey,
                                        Optional<String> policyVersion, Map<String, Object> detail, String message) {
        return new AuditEvent(invoice.organisationId(), Optional.of(invoice.providerInvoiceId()), Optional.empty(),
                kind, actionKey, policyVersion, detail, message);
    }

    /** An event about the organisation as a whole. */
    public static AuditEvent forOrganisation(OrganisationId organisationId, AuditKind kind, Map<String, Object> detail,
                                             String message) {
        return new AuditEvent(organisationId, Optional.empty(), Optional.empty(), kind, Optional.empty(),
                Optional.empty(), detail, message);
    }
}
