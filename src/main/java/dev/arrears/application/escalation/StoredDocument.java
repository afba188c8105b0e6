package dev.arrears.application.escalation;

import dev.arrears.application.OrganisationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An escalation document as produced and kept.
 *
 * @param invoiceId   the invoice whose stage produced it
 * @param triggerKey  {@code org:invoice:document:<stage>:<kind>}, unique per organisation, invoice, stage and kind: the same trigger never produces a second copy
 * @param json        the case file's JSON; empty for a demand letter
 */
public record StoredDocument(UUID id, OrganisationId organisationId, String customerId, String invoiceId, DocumentKind kind,
                             String stage, String triggerKey, Instant createdAt, String text, Optional<String> json,
                             String policyVersion) {
    public StoredDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(triggerKey, "triggerKey");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(policyVersion, "policyVersion");
    }

    /** The key of the document an invoice's stage produces. */
    public static String triggerKey(OrganisationId organisationId, String invoiceId, String stage, DocumentKind kind) {
        return String.join(":", organisationId.value().toString(), invoiceId, "document", stage, kind.policyName());
    }
}
