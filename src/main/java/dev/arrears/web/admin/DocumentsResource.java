package dev.arrears.web.admin;

import dev.arrears.application.InvoiceRef;
import dev.arrears.application.UnknownInvoiceException;
import dev.arrears.application.cycle.StageDocumentPreview;
import dev.arrears.application.escalation.DocumentStore;
import dev.arrears.application.escalation.StoredDocument;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The escalation documents produced by the cycle: demand letters and case files. Its own class path,
 * which no other resource's path starts with (Quarkus REST picks a class by its path first).
 */
@Path("/admin/documents")
public class DocumentsResource {

    private final DocumentStore documents;
    private final StageDocumentPreview preview;

    public DocumentsResource(DocumentStore documents, StageDocumentPreview preview) {
        this.documents = documents;
        this.preview = preview;
    }

    /**
     * The document an invoice's stage would produce, rendered now and not kept: how an accountant
     * sees the demand letter or case file of a previewed organisation, whose cycle keeps none.
     * {@code ?format=json} gives a case file's JSON. 404 for an unknown organisation or invoice, 409
     * when the invoice's stage produces no document.
     */
    @GET
    @Path("/preview")
    @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    public Response preview(@QueryParam("organisation") String organisation, @QueryParam("invoice") String invoice,
                            @QueryParam("format") String format) {
        if (organisation == null || organisation.isBlank() || invoice == null || invoice.isBlank()) {
            throw new BadRequestException("organisation and invoice are required: /admin/documents/preview?organisation=<id>&invoice=<ledger invoice id>");
        }
        boolean json = wantsJson(format);
        StageDocumentPreview.Rendering rendering;
        try {
            rendering = preview.render(new InvoiceRef(OrganisationIds.parse(organisation), invoice));
        } catch (UnknownInvoiceException e) {
            return AdminErrors.error(Response.Status.NOT_FOUND, e.getMessage());
        } catch (IllegalArgumentException e) {
            return AdminErrors.error(Response.Status.CONFLICT, e.getMessage());
        }
        return switch (rendering) {
            case StageDocumentPreview.Rendering.Nothing nothing -> AdminErrors.error(Response.Status.CONFLICT, nothing.why());
            case StageDocumentPreview.Rendering.Document d -> json
                    ? d.json().map(j -> Response.ok(j, MediaType.APPLICATION_JSON_TYPE).build()).orElseGet(() -> AdminErrors.error(
                            Response.Status.NOT_FOUND, "stage '" + d.stage() + "' produces a " + d.kind().policyName()
                                    + ": only a case file has JSON"))
                    : Response.ok(d.text(), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
        };
    }

    private static boolean wantsJson(String format) {
        if (format == null || format.isBlank() || format.equals("text")) {
            return false;
        }
        if (!format.equals("json")) {
            throw new BadRequestException("format must be text or json, got " + format);
        }
        return true;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<DocumentView> list(@QueryParam("organisation") String organisation, @QueryParam("customer") String customer) {
        if (organisation == null || organisation.isBlank()) {
            throw new BadRequestException("organisation is required: /admin/documents?organisation=<id>[&customer=<id>]");
        }
        return documents.list(OrganisationIds.parse(organisation),
                        Optional.ofNullable(customer).filter(c -> !c.isBlank()))
                .stream().map(DocumentView::of).toList();
    }

    /** The text as produced; {@code ?format=json} gives a case file's JSON. */
    @GET
    @Path("/{id}")
    @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    public Response one(@PathParam("id") String id, @QueryParam("format") String format) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("not a document id: " + id);
        }
        StoredDocument document = documents.find(uuid).orElseThrow(() -> new NotFoundException("no document " + id));
        if (!wantsJson(format)) {
            return Response.ok(document.text(), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
        }
        String json = document.json().orElseThrow(() -> new NotFoundException(
                "document " + id + " is a " + document.kind().policyName() + ": only a case file has JSON"));
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }

    public record DocumentView(UUID id, String organisationId, String customerId, String invoiceId, String kind, String stage,
                               String triggerKey, Instant createdAt, String policyVersion, boolean hasJson) {
        static DocumentView of(StoredDocument d) {
            return new DocumentView(d.id(), d.organisationId().toString(), d.customerId(), d.invoiceId(),
                    d.kind().policyName(), d.stage(), d.triggerKey(), d.createdAt(), d.policyVersion(), d.json().isPresent());
        }
    }
}
