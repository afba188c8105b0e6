package dev.arrears.web.admin;

import dev.arrears.application.AuditRecord;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.InvoiceNames;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.OrganisationId;
import dev.arrears.domain.dunning.ActionKey;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The audit trail of one invoice or one customer, newest first: every decision, write and suppression, with why. */
@Path("/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final int MAX_LIMIT = 1000;

    private final AuditTrail audit;
    private final InvoiceNames names;

    public AuditResource(AuditTrail audit, InvoiceNames names) {
        this.audit = audit;
        this.names = names;
    }

    @GET
    @Path("/invoices/{org}/{invoiceId}")
    public List<EventView> invoice(@PathParam("org") String org, @PathParam("invoiceId") String invoiceId,
                                   @QueryParam("limit") @DefaultValue("200") int limit) {
        OrganisationId organisation = OrganisationIds.parse(org);
        return views(organisation, audit.byInvoice(new InvoiceRef(organisation, invoiceId), checked(limit)));
    }

    @GET
    @Path("/customers/{org}/{customerId}")
    public List<EventView> customer(@PathParam("org") String org, @PathParam("customerId") String customerId,
                                    @QueryParam("limit") @DefaultValue("200") int limit) {
        OrganisationId organisation = OrganisationIds.parse(org);
        return views(organisation, audit.byCustomer(organisation, customerId, checked(limit)));
    }

    /** Each event with its invoice's number and its customer's name, looked up once for the whole answer. */
    private List<EventView> views(OrganisationId organisation, List<AuditRecord> records) {
        Map<String, InvoiceNames.Names> invoices = names.of(organisation, records.stream()
                .flatMap(r -> r.event().providerInvoiceId().stream()).collect(Collectors.toSet()));
        Map<String, Optional<String>> customers = new HashMap<>();
        return records.stream().map(r -> {
            Optional<InvoiceNames.Names> invoice = r.event().providerInvoiceId().map(invoices::get);
            String customerName = invoice.map(InvoiceNames.Names::customerName)
                    .or(() -> r.event().customerId().flatMap(c -> customers.computeIfAbsent(c, id -> names.customerName(organisation, id))))
                    .orElse(null);
            return EventView.of(r, invoice.map(InvoiceNames.Names::number).orElse(null), customerName);
        }).toList();
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    /** @param invoiceNumber and {@code customerName}: as last mirrored, null when not known */
    public record EventView(long id, Instant occurredAt, String kind, String invoiceId, String invoiceNumber, String customerId,
                            String customerName, String actionKey, String policyVersion, String message,
                            Map<String, Object> detail) {
        static EventView of(AuditRecord r, String invoiceNumber, String customerName) {
            var e = r.event();
            return new EventView(r.id(), r.occurredAt(), e.kind().name(), e.providerInvoiceId().orElse(null), invoiceNumber,
                    e.customerId().orElse(null), customerName, e.actionKey().map(ActionKey::value).orElse(null),
                    e.policyVersion().orElse(null), e.message(), e.detail());
        }
    }
}
