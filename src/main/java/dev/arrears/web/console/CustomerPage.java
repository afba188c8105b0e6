package dev.arrears.web.console;

import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.collections.CollectionsStore;
import dev.arrears.application.collections.ContactLog;
import dev.arrears.application.console.ConsoleAccess;
import dev.arrears.application.console.ConsoleViews;
import dev.arrears.application.console.ConsoleViews.InvoiceLine;
import dev.arrears.application.console.CustomerActions;
import dev.arrears.domain.collections.Hold;
import dev.arrears.domain.collections.HoldScope;
import dev.arrears.domain.collections.PaymentPlan;
import dev.arrears.domain.collections.PromiseToPay;
import dev.arrears.domain.contact.ContactRecord;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One customer of an organisation: all of its invoices, its contact history (reminders Arrears sent and
 * contacts people recorded), its promises, payment plans and holds; and recording a phone call or a letter.
 */
@Path("/console/organisations/{org}/customers")
@Produces(MediaType.TEXT_HTML)
public class CustomerPage {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance customer(SignedIn.Frame frame, Organisation organisation, String customerId,
                                                String customerName, boolean canChange, List<InvoiceLine> invoices,
                                                List<ContactRecord> contacts, List<PromiseToPay> promises,
                                                List<PaymentPlan> plans, List<Hold> holds);
    }

    private final SignedIn signedIn;
    private final OrganisationStore organisations;
    private final ConsoleViews views;
    private final ContactLog contacts;
    private final CollectionsStore collections;
    private final CustomerActions actions;
    private final Clock clock;

    public CustomerPage(SignedIn signedIn, OrganisationStore organisations, ConsoleViews views, ContactLog contacts,
                        CollectionsStore collections, CustomerActions actions, Clock clock) {
        this.signedIn = signedIn;
        this.organisations = organisations;
        this.views = views;
        this.contacts = contacts;
        this.collections = collections;
        this.actions = actions;
        this.clock = clock;
    }

    @GET
    @Path("/{customer}")
    public TemplateInstance customer(@PathParam("org") String orgId, @PathParam("customer") String customerId) {
        ConsoleAccess access = signedIn.access();
        OrganisationId org = ConsoleIds.organisation(orgId);
        access.requireRead(org);
        Organisation organisation = organisations.find(org).orElseThrow(() -> ConsoleErrors.notFound("organisation"));
        List<InvoiceLine> invoices = views.customerInvoices(org, customerId, clock.instant());
        if (invoices.isEmpty()) {
            throw ConsoleErrors.notFound("customer");
        }
        Set<String> invoiceIds = invoices.stream().map(InvoiceLine::providerInvoiceId).collect(Collectors.toSet());
        List<PromiseToPay> promises = collections.contextFor(org).promises().stream()
                .filter(p -> p.customerId().equals(customerId) || invoiceIds.contains(p.invoiceId())).toList();
        List<Hold> holds = collections.holds(org).stream().filter(h -> concerns(h.scope(), customerId, invoiceIds)).toList();
        return Templates.customer(signedIn.frame("overview"), organisation, customerId, invoices.getFirst().customerName(),
                access.canChange(org), invoices, contacts.forCustomer(org, customerId).reversed(), promises,
                collections.plans(org, customerId), holds);
    }

    private static boolean concerns(HoldScope scope, String customerId, Set<String> invoiceIds) {
        return switch (scope) {
            case HoldScope.WholeOrganisation w -> true;
            case HoldScope.Customer c -> c.customerId().equals(customerId);
            case HoldScope.Invoice i -> invoiceIds.contains(i.invoiceId());
        };
    }

    /**
     * @param channel phone, letter, in_person or other
     * @param invoice the invoice it was about; blank: all of the customer's open invoices
     */
    @POST
    @Path("/{customer}/contacts")
    public Response recordContact(@PathParam("org") String orgId, @PathParam("customer") String customerId,
                                  @FormParam("channel") String channel, @FormParam("invoice") String invoice,
                                  @FormParam("note") String note) {
        OrganisationId org = ConsoleIds.organisation(orgId);
        ConsoleAccess access = signedIn.access();
        access.requireChange(org);
        ConsoleErrors.attempt(() -> actions.recordContact(access, org, customerId, CustomerActions.channel(channel),
                Optional.ofNullable(invoice).filter(s -> !s.isBlank()), note));
        return Response.seeOther(URI.create("/console/organisations/" + org + "/customers/"
                + URLEncoder.encode(customerId, StandardCharsets.UTF_8))).build();
    }
}
