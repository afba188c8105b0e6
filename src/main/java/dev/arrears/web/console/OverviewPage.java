package dev.arrears.web.console;

import dev.arrears.application.console.ConsoleAccess;
import dev.arrears.application.console.ConsoleViews;
import dev.arrears.application.console.ConsoleViews.OrganisationSummary;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The firm overview: every organisation the user sees, its mode, last cycle, aged overdue and the week ahead. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class OverviewPage {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance overview(SignedIn.Frame frame, List<OrganisationSummary> organisations, String q,
                                                String mode, String sort, int total);
    }

    private final SignedIn signedIn;
    private final ConsoleViews views;
    private final Clock clock;

    public OverviewPage(SignedIn signedIn, ConsoleViews views, Clock clock) {
        this.signedIn = signedIn;
        this.views = views;
        this.clock = clock;
    }

    /**
     * @param q     part of the organisation's name
     * @param mode  PREVIEW, LIVE, PAUSED or NEEDS_RECONNECT; empty: all
     * @param sort  name (default), overdue (most past due first) or actions (most actions ahead first)
     */
    @GET
    public TemplateInstance overview(@QueryParam("q") String q, @QueryParam("mode") String mode, @QueryParam("sort") String sort) {
        ConsoleAccess access = signedIn.access();
        List<OrganisationSummary> all = views.summaries(
                access.seesEveryOrganisation() ? Optional.empty() : Optional.of(access.assigned()), clock.instant());
        String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        String wanted = mode == null ? "" : mode.strip();
        String order = sort == null || sort.isBlank() ? "name" : sort;
        List<OrganisationSummary> shown = all.stream()
                .filter(o -> needle.isEmpty() || o.name().toLowerCase(Locale.ROOT).contains(needle))
                .filter(o -> wanted.isEmpty() || o.mode().equals(wanted))
                .sorted(switch (order) {
                    case "overdue" -> Comparator.comparing(OverviewPage::pastDue).reversed();
                    case "actions" -> Comparator.comparingLong(OrganisationSummary::actionsNext7Days).reversed();
                    default -> Comparator.comparing((OrganisationSummary o) -> o.name().toLowerCase(Locale.ROOT));
                })
                .toList();
        return Templates.overview(signedIn.frame("overview"), shown, q == null ? "" : q, wanted, order, all.size());
    }

    /** Past-due amounts added over currencies: only to order the list, never shown as a total. */
    private static BigDecimal pastDue(OrganisationSummary o) {
        return o.balances().stream().map(b -> b.days1to30().add(b.days31to60()).add(b.days61to90()).add(b.over90()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
