package dev.arrears.web.admin;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.cycle.CycleBook;
import dev.arrears.application.email.CustomerEmailSetting;
import dev.arrears.application.email.CustomerEmailSettingsStore;
import dev.arrears.application.email.UndeliverableAddresses;
import dev.arrears.application.email.Mailbox;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Operator: one customer's reminder email settings: addresses that replace the ledger's, extra
 * copies, and the customer's language (docs/email.md "Recipients").
 */
@Path("/admin/organisations/{id}/customers/{customerId}/email")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerEmailResource {

    private final CustomerEmailSettingsStore settings;
    private final UndeliverableAddresses undeliverable;
    private final CycleBook book;

    public CustomerEmailResource(CustomerEmailSettingsStore settings, UndeliverableAddresses undeliverable, CycleBook book) {
        this.undeliverable = undeliverable;
        this.settings = settings;
        this.book = book;
    }

    @GET
    public CustomerEmailView show(@PathParam("id") String id, @PathParam("customerId") String customerId) {
        return CustomerEmailView.of(customerId, settings.find(known(id), customer(customerId)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public CustomerEmailView save(@PathParam("id") String id, @PathParam("customerId") String customerId,
                                  CustomerEmailRequest request) {
        OrganisationId org = known(id);
        if (request == null) {
            throw new IllegalArgumentException("expected settings such as {\"to\": [\"ap@customer.example\"], \"language\": \"de\"}");
        }
        Optional<List<Mailbox>> to = request.to() == null || request.to().isEmpty() ? Optional.empty()
                : Optional.of(EmailRequests.mailboxes("to", request.to()));
        settings.save(org, customer(customerId), new CustomerEmailSetting(to, EmailRequests.mailboxes("cc", request.cc()),
                EmailRequests.mailboxes("bcc", request.bcc()), EmailRequests.language(request.language())));
        // An accountant has looked at the customer's addresses: those a server refused may be tried again.
        undeliverable.forget(org, customer(customerId));
        return show(id, customerId);
    }

    @DELETE
    public CustomerEmailView remove(@PathParam("id") String id, @PathParam("customerId") String customerId) {
        OrganisationId org = known(id);
        settings.remove(org, customer(customerId));
        undeliverable.forget(org, customer(customerId));
        return CustomerEmailView.of(customerId, CustomerEmailSetting.NONE);
    }

    @ServerExceptionMapper
    public Response invalid(IllegalArgumentException e) {
        return AdminErrors.error(Response.Status.BAD_REQUEST, e.getMessage());
    }

    private OrganisationId known(String id) {
        return OrganisationIds.known(id, book);
    }

    private static String customer(String customerId) {
        if (customerId == null || customerId.isBlank() || customerId.length() > 100) {
            throw new IllegalArgumentException("customerId must be the ledger's customer id (1 to 100 characters)");
        }
        return customerId;
    }

    /** @param to empty or left out: the ledger's addresses are used */
    public record CustomerEmailRequest(List<String> to, List<String> cc, List<String> bcc, String language) {
    }

    /** @param to null when the ledger's addresses are used */
    public record CustomerEmailView(String customerId, List<String> to, List<String> cc, List<String> bcc, String language) {
        static CustomerEmailView of(String customerId, CustomerEmailSetting s) {
            return new CustomerEmailView(customerId, s.to().map(l -> l.stream().map(Mailbox::formatted).toList()).orElse(null),
                    s.cc().stream().map(Mailbox::formatted).toList(), s.bcc().stream().map(Mailbox::formatted).toList(),
                    s.language().map(Locale::toLanguageTag).orElse(null));
        }
    }
}
