package dev.arrears.web.admin;

import dev.arrears.application.ConnectionStore;
import dev.arrears.application.InvoiceNames;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.Outbox;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.UnknownOrganisationException;
import dev.arrears.application.cycle.CycleBook;
import dev.arrears.application.cycle.CycleOutcome;
import dev.arrears.application.cycle.CycleRecord;
import dev.arrears.application.cycle.GoLiveResult;
import dev.arrears.application.cycle.OrganisationControl;
import dev.arrears.application.cycle.RunCycle;
import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.PlannedAction;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Operator: the organisations, how their cycles go, their outbox; run now, pause / resume, live / preview. */
@Path("/admin/organisations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganisationsResource {

    private final RunCycle cycle;
    private final CycleBook book;
    private final OrganisationControl control;
    private final Outbox outbox;
    private final Clock clock;
    private final ConnectionStore connections;
    private final InvoiceNames names;

    public OrganisationsResource(RunCycle cycle, CycleBook book, OrganisationControl control, Outbox outbox, Clock clock,
                                 ConnectionStore connections, InvoiceNames names) {
        this.names = names;
        this.cycle = cycle;
        this.book = book;
        this.control = control;
        this.outbox = outbox;
        this.clock = clock;
        this.connections = connections;
    }

    /** The record with the ledger's own id of the organisation, which tells several tenants of one consent apart. */
    private OrganisationView view(CycleRecord r) {
        return OrganisationView.of(r, connections.tenantId(r.organisation().id()).orElse(null),
                control.resumeOn(r.organisation().id()).orElse(null));
    }

    @GET
    public List<OrganisationView> list() {
        return book.all().stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    public OrganisationView one(@PathParam("id") String id) {
        OrganisationId org = OrganisationIds.parse(id);
        return book.find(org).map(this::view).orElseThrow(() -> new UnknownOrganisationException(org));
    }

    /** Runs the organisation's cycle now, in this replica, whatever its cadences and back-off say, and says how it ended. */
    @POST
    @Path("/{id}/cycle")
    public Ran runNow(@PathParam("id") String id) {
        CycleOutcome outcome = cycle.runNow(OrganisationIds.parse(id));
        String result = switch (outcome) {
            case CycleOutcome.Completed c -> "completed";
            case CycleOutcome.Failed f -> "failed";
            case CycleOutcome.Skipped s -> "skipped";
        };
        return new Ran(outcome.organisation().toString(), result, outcome.summary(), cycle.replica().value());
    }

    /**
     * Stops deciding and writing for the organisation until it is resumed, or until {@code resumeOn}
     * (YYYY-MM-DD, in its time zone), when the cycle resumes it by itself.
     */
    @POST
    @Path("/{id}/pause")
    public OrganisationView pause(@PathParam("id") String id, @QueryParam("resumeOn") String resumeOn) {
        OrganisationId org = OrganisationIds.parse(id);
        if (resumeOn == null || resumeOn.isBlank()) {
            control.pause(org, clock.instant());
        } else {
            try {
                control.pauseUntil(org, LocalDate.parse(resumeOn.strip()), QueueResource.OPERATOR, clock.instant());
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new BadRequestException("resumeOn: " + e.getMessage());
            }
        }
        return one(id);
    }

    /** Back to the mode it had when paused (preview or live). */
    @POST
    @Path("/{id}/resume")
    public OrganisationView resume(@PathParam("id") String id) {
        OrganisationId org = OrganisationIds.parse(id);
        control.resume(org, clock.instant());
        return one(id);
    }

    /** Preview to live under the go-live rule: only each invoice's current stage is carried out. */
    @POST
    @Path("/{id}/live")
    public Map<String, Object> goLive(@PathParam("id") String id) {
        GoLiveResult result = control.goLive(OrganisationIds.parse(id), clock.instant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisation", view(book.find(result.organisation().id()).orElseThrow()));
        body.put("promoted", result.promoted().stream().map(ActionKey::value).toList());
        return body;
    }

    /** Live to preview: pending actions go back to previewed; nothing more is written. */
    @POST
    @Path("/{id}/preview")
    public OrganisationView toPreview(@PathParam("id") String id) {
        control.toPreview(OrganisationIds.parse(id), clock.instant());
        return one(id);
    }

    /**
     * The organisation's outbox, oldest first; {@code status} narrows it (NEEDS_HUMAN lists what waits
     * for a person, with the reason, including the invoices flagged by the policy).
     */
    @GET
    @Path("/{id}/outbox")
    public List<OutboxView> outbox(@PathParam("id") String id, @QueryParam("status") String status) {
        OrganisationId org = OrganisationIds.parse(id);
        book.find(org).orElseThrow(() -> new UnknownOrganisationException(org));
        List<OutboxStatus> statuses = status == null || status.isBlank() ? Arrays.asList(OutboxStatus.values())
                : List.of(parseStatus(status));
        List<OutboxEntry> entries = new ArrayList<>();
        for (OutboxStatus s : statuses) {
            entries.addAll(outbox.list(org, s));
        }
        Map<String, InvoiceNames.Names> names = this.names.of(org,
                entries.stream().map(e -> e.invoice().providerInvoiceId()).collect(Collectors.toSet()));
        List<OutboxView> views = entries.stream().map(e -> OutboxView.of(e, names)).toList();
        return views;
    }

    /** A mode change that is not allowed from the current mode (live from paused, ...): only for this resource. */
    @ServerExceptionMapper
    public Response conflict(IllegalStateException e) {
        return AdminErrors.error(Response.Status.CONFLICT, e.getMessage());
    }

    private static OutboxStatus parseStatus(String text) {
        try {
            return OutboxStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("status must be one of " + Arrays.toString(OutboxStatus.values()));
        }
    }

    public record Ran(String organisation, String result, String summary, String replica) {
    }

    /**
     * @param ledgerTenantId the Xero tenant id or the QuickBooks realm id; null before a connection exists
     * @param resumeOn       the day a paused organisation resumes by itself; null when it waits for a person
     */
    public record OrganisationView(String id, String name, String provider, String ledgerTenantId, String mode,
                                   String timeZone, String policyId,
                                   Instant lastCycleAt, String lastCycleOutcome, String lastCycleError,
                                   int consecutiveFailures, Instant backoffUntil, Instant writesPausedUntil,
                                   String leaseOwner, Instant leaseExpiresAt, Instant lastSyncAt, Instant lastDecideAt,
                                   Instant settingsRefreshedAt, Instant cycleRequestedAt, LocalDate resumeOn) {
        static OrganisationView of(CycleRecord r, String ledgerTenantId, LocalDate resumeOn) {
            Organisation o = r.organisation();
            return new OrganisationView(o.id().toString(), o.displayName(), o.provider().name(), ledgerTenantId, o.mode().name(),
                    o.timeZone().getId(), o.policyId(), o.lastCycleAt().orElse(null), o.lastCycleOutcome().orElse(null),
                    o.lastCycleError().orElse(null), r.consecutiveFailures(), r.backoffUntil().orElse(null),
                    r.writesPausedUntil().orElse(null), r.leaseOwner().orElse(null), r.leaseExpiresAt().orElse(null),
                    r.lastSyncAt().orElse(null), r.lastDecideAt().orElse(null), r.settingsRefreshedAt().orElse(null),
                    r.cycleRequestedAt().orElse(null), resumeOn);
        }
    }

    /**
     * @param invoiceNumber the invoice's number and {@code customerName} its customer's name, as last mirrored
     *                      (null for an invoice no longer in the mirror)
     */
    public record OutboxView(String id, String invoiceId, String invoiceNumber, String customerName, String key, String kind,
                             String stage, String status,
                             String statusReason, String what, int attempts, Instant nextAttemptAt, boolean inDoubt,
                             String lastError, String claimedBy, Instant claimExpiresAt, String ledgerReference,
                             String policyVersion, Instant createdAt, Instant updatedAt) {
        static OutboxView of(OutboxEntry e, Map<String, InvoiceNames.Names> names) {
            PlannedAction a = e.action();
            String kind;
            String what;
            switch (a) {
                case PlannedAction.SendReminder r -> {
                    kind = "SEND_REMINDER";
                    what = "reminder '" + r.template() + "'";
                }
                case PlannedAction.AddNote n -> {
                    kind = "ADD_NOTE";
                    what = n.text();
                }
                case PlannedAction.ChargeLateFee f -> {
                    kind = "CHARGE_LATE_FEE";
                    what = f.fee().amount() + " (" + f.fee().computation() + ")";
                }
                case PlannedAction.FlagForPerson p -> {
                    kind = "FLAG_FOR_PERSON";
                    what = p.reason();
                }
            }
            InvoiceNames.Names name = names.get(e.invoice().providerInvoiceId());
            return new OutboxView(e.id().toString(), e.invoice().providerInvoiceId(), name == null ? null : name.number(),
                    name == null ? null : name.customerName(), a.key().value(), kind, a.stage(),
                    e.status().name(), e.statusReason().orElse(null), what, e.attempts(), e.nextAttemptAt(), e.inDoubt(),
                    e.lastError().orElse(null), e.claimedBy().orElse(null), e.claimExpiresAt().orElse(null),
                    e.ledgerReference().orElse(null), e.policyVersion().orElse(null), e.createdAt(), e.updatedAt());
        }
    }
}
