package dev.arrears.web.admin;

import dev.arrears.application.AuditRecord;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.InvoiceRef;
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
import java.util.List;
import java.util.Map;

/** The audit trail of one invoice or one customer, newest first: every decision, write and suppression, with why. */
@Path("/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final int MAX_LIMIT = 1000;

    private final AuditTrail audit;

    public AuditResource(AuditTrail audit) {
        this.audit = audit;
    }

    @GET
    @Path("/invoices/{org}/{invoiceId}")
    public List<EventView> invoice(@PathParam("org") String org, @PathParam("invoiceId") String invoiceId,
                                   @QueryParam("limit") @DefaultValue("200") int limit) {
        return audit.byInvoice(new InvoiceRef(OrganisationIds.parse(org), invoiceId), checked(limit)).stream()
                .map(EventView::of).toList();
    }

    @GET
    @Path("/customers/{org}/{customerId}")
    public List<EventView> customer(@PathParam("org") String org, @PathParam("customerId") String customerId,
                                    @QueryParam("limit") @DefaultValue("200") int limit) {
        return audit.byCustomer(OrganisationIds.parse(org), customerId, checked(limit)).stream()
                .map(EventView::of).toList();
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    public record EventView(long id, Instant occurredAt, String kind, String invoiceId, String customerId, String actionKey,
                            String policyVersion, String message, Map<String, Object> detail) {
        static EventView of(AuditRecord r) {
            var e = r.event();
            return new EventView(r.id(), r.occurredAt(), e.kind().name(), e.providerInvoiceId().orElse(null),
                    e.customerId().orElse(null), e.actionKey().map(ActionKey::value).orElse(null),
                    e.policyVersion().orElse(null), e.message(), e.detail());
        }
    }
}
