package dev.arrears.application.policy;

import dev.arrears.application.ConnectionStore;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationKey;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.SendRules;
import dev.arrears.application.SendRulesRepository;
import dev.arrears.application.collections.CollectionsStore;
import dev.arrears.application.console.ConsoleAccess;
import dev.arrears.application.console.ConsoleEvents;
import dev.arrears.application.console.NotAllowedException;
import dev.arrears.application.policy.PolicyEditing.Outcome;
import dev.arrears.domain.collections.LimitationPeriod;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Each organisation's settings (send window, holidays, minimum gap, weekly cap) as people change them,
 * from the console and the admin API, like {@link PolicyEditing} does for policies: the versions of an
 * organisation's settings document, a text checked exactly as start-up checks the files of
 * {@code config/organisations}, saved as the next version (applying from the next cycle), and
 * compared line by line.
 *
 * <p>Who may save: a firm admin, or an accountant the organisation is assigned to; the text must name
 * that organisation (an accountant cannot write another's rules through their own page); a viewer
 * nothing. An organisation without settings of its own is chased under the firm's defaults until some
 * are saved.
 */
public final class OrganisationSettingsEditing {

    /** What an organisation's own settings start from in the editor: the firm's defaults, written out. */
    static final String STARTER = """
            # The send rules of %s; anything left out takes the firm's default. See config/README.md.
            organisation: %s
            send_rules:
              window:
                days: [mon, tue, wed, thu, fri]
                from: "09:00"
                until: "17:00"
                zone: %s
              minimum_gap_days: 3
              max_contacts_per_7_days: 2
            """;

    private final OrganisationSettingsDocuments documents;
    private final OrganisationSettingsBuilder builder;
    private final SendRulesRepository sendRules;
    private final OrganisationStore organisations;
    private final ConnectionStore connections;
    private final CollectionsStore collections;
    private final ConsoleEvents events;

    public OrganisationSettingsEditing(OrganisationSettingsDocuments documents, OrganisationSettingsBuilder builder,
                                       SendRulesRepository sendRules, OrganisationStore organisations, ConnectionStore connections,
                                       CollectionsStore collections, ConsoleEvents events) {
        this.documents = Objects.requireNonNull(documents, "documents");
        this.builder = Objects.requireNonNull(builder, "builder");
        this.sendRules = Objects.requireNonNull(sendRules, "sendRules");
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.collections = Objects.requireNonNull(collections, "collections");
        this.events = Objects.requireNonNull(events, "events");
    }

    /**
     * One organisation's settings as its page shows them.
     *
     * @param name     the document's name ({@code northwind.yaml}); a new one when it has none yet
     * @param versions newest first; empty while the organisation is under the firm's defaults
     * @param content  the latest version's text, or the firm's defaults written out to start from
     * @param inForce  the send rules the next cycle uses
     * @param limitation the limitation period (kept with the collections facts); empty: no limitation warnings
     */
    public record View(Organisation organisation, String name, String file, List<PolicyDocument> versions, String content,
                       SendRules inForce, Optional<LimitationPeriod> limitation, boolean canChange) {
        public View {
            versions = List.copyOf(versions);
        }

        /** The minimum gap in force, in days, as the settings write it. */
        public long minimumGapDays() {
            return inForce.contact().minimumGap().toDays();
        }

        public int latestVersion() {
            return versions.isEmpty() ? 0 : versions.getFirst().version();
        }
    }

    /** @throws NotAllowedException when the user may not see the organisation */
    public View view(ConsoleAccess access, OrganisationId id) {
        access.requireRead(id);
        Organisation organisation = find(id);
        OrganisationKey key = OrganisationKey.of(organisation, connections);
        String name = nameFor(key);
        List<PolicyDocument> versions = documents.history(name);
        String content = versions.isEmpty()
                ? STARTER.formatted(organisation.displayName().replaceAll("[\\r\\n]+", " "), organisation.id(), organisation.timeZone())
                : versions.getFirst().content();
        return new View(organisation, name, builder.fileOf(name), versions, content,
                sendRules.rulesFor(key, organisation.timeZone(), organisation.country()), collections.contextFor(id).limitation(),
                access.canChange(id));
    }

    /**
     * Sets the organisation's limitation period (how long it can sue for a debt, and how early to warn),
     * from the next cycle on.
     *
     * @throws NotAllowedException      when the user may not change the organisation
     * @throws IllegalArgumentException naming the field when a value is missing or out of range
     */
    public LimitationPeriod setLimitation(ConsoleAccess access, OrganisationId id, Integer years, Integer warnDaysBefore) {
        access.requireChange(id);
        Organisation organisation = find(id);
        if (years == null || warnDaysBefore == null) {
            throw new IllegalArgumentException("years and warnDaysBefore are both required (whole numbers)");
        }
        if (years < 1 || years > 30) {
            throw new IllegalArgumentException("years: a limitation period is 1 to 30 years, got " + years);
        }
        if (warnDaysBefore < 0 || warnDaysBefore > 3650) {
            throw new IllegalArgumentException("warnDaysBefore: the warning comes 0 to 3650 days before the period ends, got " + warnDaysBefore);
        }
        LimitationPeriod period = new LimitationPeriod(years, warnDaysBefore);
        String who = access.user().username();
        collections.setLimitation(id, period, who);
        events.record(Optional.of(who), ConsoleEvents.Kind.SETTINGS_SAVED, who + " set the limitation period of "
                + organisation.displayName() + " to " + years + " years, warned " + warnDaysBefore + " days before");
        return period;
    }

    /** The lines between two versions of the organisation's settings (older first). */
    public List<LineDiff.Line> diff(ConsoleAccess access, OrganisationId id, int from, int to) {
        View view = view(access, id);
        return LineDiff.between(documents.text(view.name(), from, view.file()), documents.text(view.name(), to, view.file()));
    }

    /** Checks a text as start-up would, within every organisation's settings; saves nothing. */
    public Outcome check(ConsoleAccess access, OrganisationId id, String content) {
        access.requireRead(id);
        Organisation organisation = find(id);
        return candidate(organisation, nameFor(OrganisationKey.of(organisation, connections)), content);
    }

    /**
     * Saves a text as the next version of the organisation's settings when it passes every check.
     *
     * @param basedOn the version the user edited (0 when there was none): someone else's save in between is refused
     * @throws NotAllowedException   when the user may not change the organisation
     * @throws IllegalStateException when someone else saved after {@code basedOn}
     */
    public Outcome save(ConsoleAccess access, OrganisationId id, String content, int basedOn) {
        if (!access.changesAnything()) {
            throw new NotAllowedException("A viewer can look but not change anything.");
        }
        access.requireChange(id);
        Organisation organisation = find(id);
        String name = nameFor(OrganisationKey.of(organisation, connections));
        Outcome checked = candidate(organisation, name, content);
        if (checked instanceof PolicyEditing.Refused) {
            return checked;
        }
        String who = access.user().username();
        return store(name, content, PolicyDocument.Origin.CONSOLE, who, Optional.of(basedOn));
    }

    /** The admin API's import: a document's text saved as its next version when it passes every check. */
    public Outcome importDocument(String name, String content, String operator) {
        if (!builder.usableName(name)) {
            return new PolicyEditing.Refused(List.of(new ConfigProblem(builder.fileOf(String.valueOf(name)), "",
                    "is not a usable settings name; expected <name>.yaml (letters, digits, '.', '-' and '_')")));
        }
        List<ConfigProblem> problems = builder.problems(documents.latestWith(name, content));
        if (!problems.isEmpty()) {
            return new PolicyEditing.Refused(problems);
        }
        return store(name, content, PolicyDocument.Origin.IMPORT, operator, Optional.empty());
    }

    /** The latest version of every organisation's settings, for the admin API's export. */
    public List<PolicyDocument> export() {
        return documents.current();
    }

    /** Any version of any document, for the admin API. */
    public Optional<PolicyDocument> anyVersion(String name, int version) {
        return documents.find(name, version);
    }

    private Outcome candidate(Organisation organisation, String name, String content) {
        String text = content == null ? "" : content;
        List<ConfigProblem> problems = builder.problems(documents.latestWith(name, text));
        if (!problems.isEmpty()) {
            return new PolicyEditing.Refused(problems);
        }
        OrganisationKey key = OrganisationKey.of(organisation, connections);
        if (builder.scopeOf(name, text).filter(scope -> scope.matches(key)).isEmpty()) {
            return new PolicyEditing.Refused(List.of(new ConfigProblem(builder.fileOf(name), "organisation",
                    "these are the settings of " + organisation.displayName() + "; expected organisation: " + organisation.id())));
        }
        return new PolicyEditing.Usable();
    }

    private Outcome store(String name, String content, PolicyDocument.Origin origin, String savedBy, Optional<Integer> basedOn) {
        Optional<PolicyDocument> saved = documents.save(new DocumentVersions.NewVersion(name, content, builder.hashOf(content), origin,
                savedBy), basedOn);
        if (saved.isEmpty()) {
            return new PolicyEditing.Unchanged(documents.history(name).getFirst());
        }
        events.record(Optional.of(savedBy), ConsoleEvents.Kind.SETTINGS_SAVED, savedBy + " saved the organisation settings "
                + builder.fileOf(name) + " as version " + saved.get().version() + " (" + saved.get().contentHash() + ", "
                + origin.name().toLowerCase(Locale.ROOT) + "); they apply from the next cycle");
        return new PolicyEditing.Saved(saved.get());
    }

    /** The document about this organisation, or the name its first version will have. */
    private String nameFor(OrganisationKey key) {
        return documents.current().stream()
                .filter(d -> builder.scopeOf(d.name(), d.content()).filter(scope -> scope.matches(key)).isPresent())
                .map(PolicyDocument::name).findFirst()
                .orElse(key.id() + ".yaml");
    }


    private Organisation find(OrganisationId id) {
        return organisations.find(id).orElseThrow(() -> new IllegalArgumentException("there is no organisation " + id));
    }
}
