package dev.arrears.web.console;

import dev.arrears.application.AuditRecord;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.UnknownInvoiceException;
import dev.arrears.application.UnknownOrganisationException;
import dev.arrears.application.console.ConsoleAccess;
import dev.arrears.application.console.ConsoleViews;
import dev.arrears.application.console.ConsoleViews.InvoiceLine;
import dev.arrears.application.console.InvoiceActions;
import dev.arrears.application.cycle.StageDocumentPreview;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One invoice: its timeline from the audit trail, and the hold, dispute and promise-to-pay actions. */
@Path("/console/organisations/{org}/invoices")
@Produces(MediaType.TEXT_HTML)
public class InvoicePage {

    /** How many events the timeline shows, newest first. */
    static final int TIMELINE_LIMIT = 500;

    /** One event of the timeline; {@code facts} are the event's details, by name. */
    public record TimelineEntry(Instant at, String kind, String message, String policyVersion, String facts) {
        static TimelineEntry of(AuditRecord record) {
            Map<String, Object> detail = new TreeMap<>(record.event().detail());
            String facts = detail.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
            return new TimelineEntry(record.occurredAt(), record.event().kind().name(), record.event().message(),
                    record.event().policyVersion().orElse(""), facts);
        }
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance invoice(SignedIn.Frame frame, Organisation organisation, InvoiceLine invoice,
                                               boolean canChange, List<TimelineEntry> timeline, LocalDate today);
    }

    private final SignedIn signedIn;
    private final OrganisationStore organisations;
    private final ConsoleViews views;
    private final AuditTrail audit;
    private final InvoiceActions actions;
    private final StageDocumentPreview documents;
    private final Clock clock;

    public InvoicePage(SignedIn signedIn, OrganisationStore organisations, ConsoleViews views, AuditTrail audit,
                       InvoiceActions actions, StageDocumentPreview documents, Clock clock) {
        this.signedIn = signedIn;
        this.organisations = organisations;
        this.views = views;
        this.audit = audit;
        this.actions = actions;
        this.documents = documents;
        this.clock = clock;
    }

    @GET
    @Path("/{invoice}")
    public TemplateInstance invoice(@PathParam("org") String orgId, @PathParam("invoice") String invoiceId) {
        ConsoleAccess access = signedIn.access();
        OrganisationId org = ConsoleIds.organisation(orgId);
        access.requireRead(org);
        Organisation organisation = organisations.find(org).orElseThrow(() -> ConsoleErrors.notFound("organisation"));
        InvoiceLine invoice = views.invoice(org, invoiceId, clock.instant()).orElseThrow(() -> ConsoleErrors.notFound("invoice"));
        List<TimelineEntry> timeline = audit.byInvoice(new InvoiceRef(org, invoiceId), TIMELINE_LIMIT).stream()
                .map(TimelineEntry::of).toList();
        return Templates.invoice(signedIn.frame("overview"), organisation, invoice, access.canChange(org), timeline,
                LocalDate.ofInstant(clock.instant(), organisation.timeZone()));
    }

    /**
     * The demand letter or case file the invoice's stage would produce, rendered now and not kept (a
     * previewed organisation's cycle keeps none). For those who may act on the organisation: a firm
     * admin, or an accountant it is assigned to.
     */
    @GET
    @Path("/{invoice}/document")
    @Produces(MediaType.TEXT_PLAIN)
    public Response document(@PathParam("org") String orgId, @PathParam("invoice") String invoiceId) {
        OrganisationId org = ConsoleIds.organisation(orgId);
        signedIn.access().requireChange(org);
        StageDocumentPreview.Rendering rendering;
        try {
            rendering = ConsoleErrors.attempt(() -> documents.render(new InvoiceRef(org, invoiceId)));
        } catch (UnknownInvoiceException | UnknownOrganisationException e) {
            throw ConsoleErrors.notFound("invoice");
        }
        return switch (rendering) {
            case StageDocumentPreview.Rendering.Nothing nothing ->
                    throw new ConsoleErrors.Refusal(Response.Status.CONFLICT, nothing.why());
            case StageDocumentPreview.Rendering.Document d ->
                    Response.ok(d.text(), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
        };
    }

    @POST
    @Path("/{invoice}/hold")
    public Response hold(@PathParam("org") String orgId, @PathParam("invoice") String invoiceId,
                         @FormParam("reason") String reason, @FormParam("resumeOn") String resumeOn) {
        InvoiceRef invoice = new InvoiceRef(ConsoleIds.organisation(orgId), invoiceId);
        ConsoleErrors.attempt(() -> {
            actions.hold(signedIn.access(), invoice, reason, optionalDate(resumeOn));
            return invoice;
        });
        return backTo(invoice);
    }

    @POST
    @Path("/{invoice}/dispute")
    public Response dispute(@PathParam("org") String orgId, @PathParam("invoice") String invoiceId,
                            @FormParam("reason") String reason) {
        InvoiceRef invoice = new InvoiceRef(ConsoleIds.organisation(orgId), invoiceId);
        ConsoleErrors.attempt(() -> {
            actions.dispute(signedIn.access(), invoice, reason);
            return invoice;
        });
        return backTo(invoice);
    }

    @POST
    @Path("/{invoice}/promise")
    public Response promise(@PathParam("org") String orgId, @PathParam("invoice") String invoiceId,
                            @FormParam("payBy") String payBy) {
        OrganisationId org = ConsoleIds.organisation(orgId);
        InvoiceRef invoice = new InvoiceRef(org, invoiceId);
        signedIn.access().requireChange(org);
        InvoiceLine line = views.invoice(org, invoiceId, clock.instant()).orElseThrow(() -> ConsoleErrors.notFound("invoice"));
        ConsoleErrors.attempt(() -> {
            actions.promise(signedIn.access(), invoice, line.customerId(),
                    optionalDate(payBy).orElseThrow(() -> new IllegalArgumentException("Say the date the customer will pay by.")));
            return invoice;
        });
        return backTo(invoice);
    }

    static Optional<LocalDate> optionalDate(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date (YYYY-MM-DD).");
        }
    }

    static Response backTo(InvoiceRef invoice) {
        return Response.seeOther(URI.create("/console/organisations/" + invoice.organisationId() + "/invoices/"
                + java.net.URLEncoder.encode(invoice.providerInvoiceId(), java.nio.charset.StandardCharsets.UTF_8))).build();
    }
}
