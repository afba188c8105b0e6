package dev.arrears.web.admin;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.cycle.CycleBook;
import dev.arrears.application.email.SentEmails;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/**
 * Operator: the reminder emails an organisation's customers received (or may have received), newest
 * first, with subject, text and HTML exactly as sent (docs/email.md). In the demo, this is how a
 * newcomer reads what went out.
 */
@Path("/admin/organisations/{id}/emails")
@Produces(MediaType.APPLICATION_JSON)
public class EmailsResource {

    private static final int MAX_LIMIT = 500;

    private final SentEmails emails;
    private final CycleBook book;

    public EmailsResource(SentEmails emails, CycleBook book) {
        this.emails = emails;
        this.book = book;
    }

    @GET
    public List<SentEmails.SentEmail> list(@PathParam("id") String id, @QueryParam("invoice") String invoice,
                                           @QueryParam("limit") @DefaultValue("50") int limit) {
        OrganisationId org = OrganisationIds.known(id, book);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (invoice != null && (invoice.isBlank() || invoice.length() > 100)) {
            throw new BadRequestException("invoice must be the ledger's id of an invoice (1 to 100 characters)");
        }
        return emails.recent(org, Optional.ofNullable(invoice), limit);
    }
}
