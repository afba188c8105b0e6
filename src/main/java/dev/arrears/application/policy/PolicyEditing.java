package dev.arrears.application.policy;

import dev.arrears.application.ConnectionStore;
import dev.arrears.application.DunningStateStore;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationKey;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.SendRulesRepository;
import dev.arrears.application.StoredDunningState;
import dev.arrears.application.collections.CollectionsStore;
import dev.arrears.application.console.ConsoleAccess;
import dev.arrears.application.console.ConsoleEvents;
import dev.arrears.application.console.NotAllowedException;
import dev.arrears.application.forecast.Forecast;
import dev.arrears.application.forecast.ForecastEvents;
import dev.arrears.application.forecast.ForecastLine;
import dev.arrears.domain.calendar.OrganisationDay;
import dev.arrears.domain.dunning.DunningState;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.policy.Policy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Policies as people change them, from the console and the admin API: read the documents and their
 * versions, check an edited text exactly as start-up checks the files, forecast it on an
 * organisation's own invoices, save it as the next version, compare versions, and choose the policy
 * an organisation is chased under. A saved version applies from the next cycle ({@link EffectivePolicies#inForce()}).
 *
 * <p>Who may save: a firm admin anything; an accountant only the overrides of organisations assigned
 * to them (a full policy, or a customer override for every organisation, is the whole firm's); a
 * viewer nothing. Every save is checked against the whole set it would make, so a text that is
 * right alone but clashes with another document is refused with that document's name.
 */
public final class PolicyEditing {

    /** How many days the console's forecast covers. */
    public static final int FORECAST_DAYS = 60;

    private final PolicyDocuments documents;
    private final PolicyBuilder builder;
    private final PoliciesInForce policies;
    private final OrganisationStore organisations;
    private final ConnectionStore connections;
    private final InvoiceStore invoices;
    private final DunningStateStore states;
    private final CollectionsStore collections;
    private final SendRulesRepository sendRules;
    private final Forecast forecast;
    private final ConsoleEvents events;
    private final Clock clock;

    public PolicyEditing(PolicyDocuments documents, PolicyBuilder builder, PoliciesInForce policies, OrganisationStore organisations,
                         ConnectionStore connections, InvoiceStore invoices, DunningStateStore states, CollectionsStore collections,
                         SendRulesRepository sendRules, Forecast forecast, ConsoleEvents events, Clock clock) {
        this.documents = Objects.requireNonNull(documents, "documents");
        this.builder = Objects.requireNonNull(builder, "builder");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.invoices = Objects.requireNonNull(invoices, "invoices");
        this.states = Objects.requireNonNull(states, "states");
        this.collections = Objects.requireNonNull(collections, "collections");
        this.sendRules = Objects.requireNonNull(sendRules, "sendRules");
        this.forecast = Objects.requireNonNull(forecast, "forecast");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One document as the list shows it: its latest version, and whether the user may change it. */
    public record DocumentLine(PolicyDocument latest, String file, String kind, boolean canChange) {
    }

    /** The outcome of checking or saving a text. */
    public sealed interface Outcome {
    }

    /** The text cannot be used: every problem, named by file and field as start-up names them. */
    public record Refused(List<ConfigProblem> problems) implements Outcome {
        public Refused {
            problems = List.copyOf(problems);
        }
    }

    /** The text is usable (nothing saved yet). */
    public record Usable() implements Outcome {
    }

    /** Saved as this version; it applies from the next cycle. */
    public record Saved(PolicyDocument version) implements Outcome {
    }

    /** The text is the latest version's already: nothing saved. */
    public record Unchanged(PolicyDocument latest) implements Outcome {
    }

    /** What a text would do to an organisation's own invoices, beside what the version in force does. */
    public record ForecastView(Organisation organisation, String policyId, LocalDate from, LocalDate to, int invoices,
                               List<ForecastLine> lines, Summary edited, Summary inForce) {
        public ForecastView {
            lines = List.copyOf(lines);
        }
    }

    /** How many of each kind of action a forecast holds. */
    public record Summary(Map<String, Long> byKind) {
        public Summary {
            byKind = Map.copyOf(byKind);
        }

        static Summary of(List<ForecastLine> lines) {
            Map<String, Long> counts = new TreeMap<>(lines.stream().collect(Collectors.groupingBy(l -> l.kind().label(), Collectors.counting())));
            return new Summary(counts);
        }

        public String words() {
            return byKind.isEmpty() ? "nothing" : byKind.entrySet().stream().map(e -> e.getValue() + " × " + e.getKey())
                    .collect(Collectors.joining(", "));
        }
    }

    /** The documents the user may see (a firm admin: all; others: the firm's and their organisations' overrides). */
    public List<DocumentLine> documents(ConsoleAccess access) {
        PolicySet set = policies.current();
        List<OrganisationKey> mine = keysOf(access);
        return documents.current().stream()
                .filter(d -> visible(access, set.scopeOf(d.name()), mine))
                .map(d -> new DocumentLine(d, builder.fileOf(d.name()), kindOf(d.name()), mayChange(access, set.scopeOf(d.name()), mine)))
                .toList();
    }

    /** Every version of a document, newest first. @throws NotAllowedException when the user may not see it */
    public List<PolicyDocument> history(ConsoleAccess access, String name) {
        requireRead(access, name);
        return documents.history(name);
    }

    /** One version. @throws NotAllowedException when the user may not see the document */
    public Optional<PolicyDocument> version(ConsoleAccess access, String name, int version) {
        requireRead(access, name);
        return documents.find(name, version);
    }

    /** Whether the user may save this document as it stands now (a new document: whether they may create one at all). */
    public boolean mayChange(ConsoleAccess access, String name) {
        PolicySet set = policies.current();
        return access.changesAnything() && mayChange(access, set.scopeOf(name), keysOf(access));
    }

    /** The lines between two versions (older first). */
    public List<LineDiff.Line> diff(ConsoleAccess access, String name, int from, int to) {
        requireRead(access, name);
        String before = documents.find(name, from).map(PolicyDocument::content)
                .orElseThrow(() -> new IllegalArgumentException(name + " has no version " + from));
        String after = documents.find(name, to).map(PolicyDocument::content)
                .orElseThrow(() -> new IllegalArgumentException(name + " has no version " + to));
        return LineDiff.between(before, after);
    }

    /** Checks a text as start-up would, within the whole set it would make; saves nothing. */
    public Outcome check(String name, String content) {
        Optional<String> badName = badName(name);
        if (badName.isPresent()) {
            return new Refused(List.of(new ConfigProblem(builder.fileOf(String.valueOf(name)), "", badName.get())));
        }
        return switch (candidate(name, content)) {
            case PolicyBuilder.Refused r -> new Refused(r.problems());
            case PolicyBuilder.Usable u -> new Usable();
        };
    }

    /**
     * Saves a text as the next version of its document, when it passes every check and the user may change
     * both what the document was about and what it is about now.
     *
     * @param basedOn the version the user edited (0 for a new document): someone else's save in between is refused
     * @throws NotAllowedException   when the user may not change this document
     * @throws IllegalStateException when someone else saved the document after {@code basedOn}
     */
    public Outcome save(ConsoleAccess access, String name, String content, int basedOn) {
        if (!access.changesAnything()) {
            throw new NotAllowedException("A viewer can look but not change anything.");
        }
        Optional<String> badName = badName(name);
        if (badName.isPresent()) {
            return new Refused(List.of(new ConfigProblem(builder.fileOf(String.valueOf(name)), "", badName.get())));
        }
        List<OrganisationKey> mine = keysOf(access);
        PolicySet inForce = policies.current();
        if (!mayChange(access, inForce.scopeOf(name), mine)) {
            throw new NotAllowedException(refusal(name));
        }
        PolicyBuilder.Result result = candidate(name, content);
        if (result instanceof PolicyBuilder.Refused refused) {
            return new Refused(refused.problems());
        }
        PolicySet edited = ((PolicyBuilder.Usable) result).set();
        if (!mayChange(access, edited.scopeOf(name), mine)) {
            throw new NotAllowedException("You may only save overrides of the organisations assigned to you: "
                    + "this text would apply to another organisation, or to every one.");
        }
        String who = access.user().username();
        return store(name, content, PolicyDocument.Origin.CONSOLE, who, Optional.of(basedOn), who);
    }

    /**
     * The admin API's import: one document's text, saved as its next version when it passes every check
     * (the operator's token may change every policy).
     */
    public Outcome importDocument(String name, String content, String operator) {
        Optional<String> badName = badName(name);
        if (badName.isPresent()) {
            return new Refused(List.of(new ConfigProblem(builder.fileOf(String.valueOf(name)), "", badName.get())));
        }
        if (candidate(name, content) instanceof PolicyBuilder.Refused refused) {
            return new Refused(refused.problems());
        }
        return store(name, content, PolicyDocument.Origin.IMPORT, operator, Optional.empty(), operator);
    }

    /** Any version of any document, for the admin API (the operator's token sees everything). */
    public Optional<PolicyDocument> anyVersion(String name, int version) {
        return documents.find(name, version);
    }

    /** The latest version of every document, for the admin API's export. */
    public List<PolicyDocument> export() {
        return documents.current();
    }

    private Outcome store(String name, String content, PolicyDocument.Origin origin, String savedBy, Optional<Integer> basedOn,
                          String username) {
        Optional<PolicyDocument> saved = documents.save(new PolicyDocuments.NewVersion(name, content, builder.hashOf(content), origin,
                savedBy), basedOn);
        if (saved.isEmpty()) {
            return new Unchanged(documents.history(name).getFirst());
        }
        events.record(Optional.of(username), ConsoleEvents.Kind.POLICY_SAVED, savedBy + " saved " + builder.fileOf(name)
                + " as version " + saved.get().version() + " (" + saved.get().contentHash() + ", " + origin.name().toLowerCase(java.util.Locale.ROOT)
                + "); it applies from the next cycle");
        return new Saved(saved.get());
    }

    /**
     * The next 60 days of an organisation's own mirrored invoices under the edited text, each invoice from
     * where it stands now (its stage, the fees charged, its holds and promises), through the organisation's
     * send rules, as the daemon would decide them.
     *
     * @throws IllegalArgumentException when the text cannot be used (check it first)
     */
    public ForecastView forecast(ConsoleAccess access, OrganisationId organisationId, String name, String content) {
        access.requireRead(organisationId);
        Organisation organisation = organisations.find(organisationId)
                .orElseThrow(() -> new IllegalArgumentException("there is no organisation " + organisationId));
        PolicyBuilder.Result result = candidate(name, content);
        if (result instanceof PolicyBuilder.Refused refused) {
            throw new IllegalArgumentException("the text cannot be used: " + refused.problems().getFirst());
        }
        PolicySet edited = ((PolicyBuilder.Usable) result).set();
        OrganisationKey key = OrganisationKey.of(organisation, connections);
        LocalDate from = OrganisationDay.today(clock.instant(), organisation.timeZone());
        List<InvoiceSnapshot> open = invoices.loadOpen(organisationId);
        Map<String, DunningState> start = new LinkedHashMap<>();
        states.loadAll(organisationId).forEach((id, stored) -> start.put(id, stored.state()));
        ForecastEvents facts = new ForecastEvents(collections.contextFor(organisationId), List.of());
        var rules = Optional.of(sendRules.rulesFor(key, organisation.timeZone(), organisation.country()));
        // A full policy is forecast as if the organisation were chased under it; an override on the organisation's own policy.
        String base = edited.all().stream().filter(p -> p.source().equals(builder.fileOf(name))).map(Policy::id).findFirst()
                .orElse(organisation.policyId());
        List<ForecastLine> lines = run(edited, base, key, open, start, from, facts, rules);
        List<ForecastLine> current = run(policies.current(), organisation.policyId(), key, open, start, from, facts, rules);
        return new ForecastView(organisation, base, from, from.plusDays(FORECAST_DAYS - 1L), open.size(), lines, Summary.of(lines),
                Summary.of(current));
    }

    /** Each invoice under its own effective policy (its customer's overrides apply), one forecast per policy, merged by date. */
    private List<ForecastLine> run(EffectivePolicies set, String basePolicyId, OrganisationKey key, List<InvoiceSnapshot> open,
                                   Map<String, DunningState> start, LocalDate from, ForecastEvents facts,
                                   Optional<dev.arrears.application.SendRules> rules) {
        Map<String, Policy> byVersion = new LinkedHashMap<>();
        Map<String, List<InvoiceSnapshot>> groups = new LinkedHashMap<>();
        List<ForecastLine> lines = new ArrayList<>();
        for (InvoiceSnapshot invoice : open) {
            try {
                Policy policy = set.resolve(key, basePolicyId, invoice.customerId(), Optional.empty()).policy();
                byVersion.putIfAbsent(policy.version(), policy);
                groups.computeIfAbsent(policy.version(), v -> new ArrayList<>()).add(invoice);
            } catch (RuntimeException e) {
                lines.add(new ForecastLine(from, invoice.number() == null ? invoice.invoiceId() : invoice.number(),
                        invoice.customerName() == null ? invoice.customerId() : invoice.customerName(), "-", ForecastLine.Kind.ERROR,
                        Optional.empty(), "no policy: " + e.getMessage(), List.of()));
            }
        }
        groups.forEach((version, group) -> lines.addAll(forecast.run(byVersion.get(version), group, start, from, FORECAST_DAYS, facts, rules).lines()));
        lines.sort(Comparator.comparing(ForecastLine::date).thenComparing(ForecastLine::invoiceNumber));
        return lines;
    }

    /**
     * Chases an organisation's invoices under another full policy from the next cycle on.
     *
     * @throws NotAllowedException      when the user may not change the organisation
     * @throws IllegalArgumentException when there is no such policy
     */
    public Organisation assign(ConsoleAccess access, OrganisationId organisation, String policyId) {
        access.requireChange(organisation);
        PolicySet set = policies.current();
        if (policyId == null || set.find(policyId).isEmpty()) {
            throw new IllegalArgumentException("'" + policyId + "' is not a policy; expected one of: "
                    + set.all().stream().map(Policy::id).collect(Collectors.joining(", ")));
        }
        return organisations.setPolicy(organisation, policyId, access.user().username());
    }

    private PolicyBuilder.Result candidate(String name, String content) {
        Map<String, String> texts = new TreeMap<>();
        documents.current().forEach(d -> texts.put(d.name(), d.content()));
        texts.put(name, content == null ? "" : content);
        return builder.build(texts);
    }

    private Optional<String> badName(String name) {
        if (builder.usableName(name)) {
            return Optional.empty();
        }
        return Optional.of("is not a usable document name; expected <name>.yaml for a full policy, organisations/<name>.yaml for an "
                + "organisation override or customers/<name>.yaml for a customer override (letters, digits, '.', '-' and '_')");
    }

    private void requireRead(ConsoleAccess access, String name) {
        PolicySet set = policies.current();
        if (!visible(access, set.scopeOf(name), keysOf(access))) {
            throw new NotAllowedException("This policy is about an organisation that is not assigned to you.");
        }
    }

    private static boolean visible(ConsoleAccess access, Optional<PolicySet.OrganisationMatch> scope, List<OrganisationKey> mine) {
        return access.seesEveryOrganisation() || scope.isEmpty() || mine.stream().anyMatch(scope.get()::matches);
    }

    private static boolean mayChange(ConsoleAccess access, Optional<PolicySet.OrganisationMatch> scope, List<OrganisationKey> mine) {
        if (!access.changesAnything()) {
            return false;
        }
        if (access.seesEveryOrganisation()) {
            return true;
        }
        return scope.isPresent() && mine.stream().anyMatch(scope.get()::matches);
    }

    private String refusal(String name) {
        return kindOf(name).equals("full policy")
                ? "Only a firm admin changes a full policy: it applies to every organisation that uses it."
                : "You may only change the overrides of the organisations assigned to you.";
    }

    /** The organisations the user is assigned, as overrides name them (by id, or by ledger and tenant id). */
    private List<OrganisationKey> keysOf(ConsoleAccess access) {
        return access.assigned().stream().map(organisations::find).flatMap(Optional::stream).map(o -> OrganisationKey.of(o, connections)).toList();
    }


    /** How problems name a document. */
    public String fileOf(String name) {
        return builder.fileOf(name);
    }

    public static String kindOf(String name) {
        if (name.startsWith("organisations/")) {
            return "organisation override";
        }
        if (name.startsWith("customers/")) {
            return "customer override";
        }
        return "full policy";
    }
}
