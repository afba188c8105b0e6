package dev.arrears.application.policy;

import dev.arrears.application.InvoiceStore;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.console.ConsoleAccess;
import dev.arrears.application.console.ConsoleEvents;
import dev.arrears.application.console.NotAllowedException;
import dev.arrears.application.email.ReminderEmail;
import dev.arrears.application.email.ReminderEmails;
import dev.arrears.application.email.RenderedEmail;
import dev.arrears.application.policy.PolicyEditing.Outcome;
import dev.arrears.domain.calendar.OrganisationDay;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message templates as people change them, from the console and the admin API, like
 * {@link PolicyEditing} does for policies: every template (email subject, text and HTML per language,
 * reminder texts, the demand letter and case file) with its versions, a text checked as start-up parses
 * the files (a Qute syntax error names its line, and a broken template is never saved), a preview
 * rendered against one of an organisation's own invoices, and the next version saved, used from the
 * next cycle. Only a firm admin changes templates: they speak for every organisation.
 */
public final class TemplateEditing {

    /** {@code email/<language>/<template>.subject.txt}, {@code .txt} or {@code .html}. */
    private static final Pattern EMAIL_PART = Pattern.compile("email/([A-Za-z0-9-]+)/([A-Za-z0-9][A-Za-z0-9._-]*?)(\\.subject\\.txt|\\.txt|\\.html)");

    private final TemplateDocuments documents;
    private final TemplateBuilder builder;
    private final OrganisationStore organisations;
    private final InvoiceStore invoices;
    private final ConsoleEvents events;
    private final Clock clock;

    public TemplateEditing(TemplateDocuments documents, TemplateBuilder builder, OrganisationStore organisations, InvoiceStore invoices,
                           ConsoleEvents events, Clock clock) {
        this.documents = Objects.requireNonNull(documents, "documents");
        this.builder = Objects.requireNonNull(builder, "builder");
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.invoices = Objects.requireNonNull(invoices, "invoices");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A rendered preview: the email, and the invoice it was rendered with. */
    public record Preview(RenderedEmail email, String invoiceNumber, String customerName) {
    }

    /** The latest version of every template, by name. */
    public List<PolicyDocument> templates() {
        return documents.current().stream().sorted(Comparator.comparing(PolicyDocument::name)).toList();
    }

    /** Every version of a template, newest first. */
    public List<PolicyDocument> history(String name) {
        return documents.history(name);
    }

    /** The lines between two versions (older first). */
    public List<LineDiff.Line> diff(String name, int from, int to) {
        return LineDiff.between(documents.text(name, from, builder.fileOf(name)), documents.text(name, to, builder.fileOf(name)));
    }

    /** Whether the user may change templates: a firm admin. */
    public static boolean mayChange(ConsoleAccess access) {
        return access.changesAnything() && access.seesEveryOrganisation();
    }

    /** Checks a text as start-up would, within the whole set it would make; saves nothing. */
    public Outcome check(String name, String content) {
        Optional<Outcome> badName = badName(name);
        if (badName.isPresent()) {
            return badName.get();
        }
        List<ConfigProblem> problems = builder.problems(documents.latestWith(name, content));
        return problems.isEmpty() ? new PolicyEditing.Usable() : new PolicyEditing.Refused(problems);
    }

    /**
     * Saves a text as the next version of its template when the whole set still parses.
     *
     * @param basedOn the version the user edited (0 for a new template): someone else's save in between is refused
     * @throws NotAllowedException   unless the user is a firm admin
     * @throws IllegalStateException when someone else saved after {@code basedOn}
     */
    public Outcome save(ConsoleAccess access, String name, String content, int basedOn) {
        if (!mayChange(access)) {
            throw new NotAllowedException("Only a firm admin changes the message templates: they speak for every organisation.");
        }
        Outcome checked = check(name, content);
        if (checked instanceof PolicyEditing.Refused) {
            return checked;
        }
        return store(name, content, PolicyDocument.Origin.CONSOLE, access.user().username(), Optional.of(basedOn));
    }

    /** The admin API's import: a template's text saved as its next version when the whole set still parses. */
    public Outcome importDocument(String name, String content, String operator) {
        Outcome checked = check(name, content);
        if (checked instanceof PolicyEditing.Refused) {
            return checked;
        }
        return store(name, content, PolicyDocument.Origin.IMPORT, operator, Optional.empty());
    }

    /** Any version of any template, for the admin API. */
    public Optional<PolicyDocument> anyVersion(String name, int version) {
        return documents.find(name, version);
    }

    /**
     * The email an edited part of it ({@code email/<language>/<template>.subject.txt}, {@code .txt} or
     * {@code .html}) writes for one of the organisation's own open invoices, under the edited set.
     *
     * @throws NotAllowedException      when the user may not see the organisation
     * @throws IllegalArgumentException when the text is not part of an email, or the organisation has no open invoice
     * @throws IllegalStateException    naming the file when the email cannot be rendered
     */
    public Preview preview(ConsoleAccess access, OrganisationId organisationId, String name, String content) {
        access.requireRead(organisationId);
        Organisation organisation = organisations.find(organisationId)
                .orElseThrow(() -> new IllegalArgumentException("there is no organisation " + organisationId));
        Matcher part = EMAIL_PART.matcher(name == null ? "" : name);
        if (!part.matches() || part.group(2).startsWith("_")) {
            throw new IllegalArgumentException("a preview shows a reminder email: open email/<language>/<template>.subject.txt, .txt or .html");
        }
        InvoiceSnapshot invoice = invoices.loadOpen(organisationId).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException(organisation.displayName() + " has no open invoice to preview the email with"));
        Locale language = Locale.forLanguageTag(part.group(1));
        ReminderEmail model = new ReminderEmails(language, organisation.country()).model(organisation.displayName(), "Preview",
                List.of(invoice), OrganisationDay.today(clock.instant(), organisation.timeZone()), List.of(), "",
                new ReminderEmail.Contact(organisation.displayName(), "accounts@example.invalid"));
        RenderedEmail email = builder.render(documents.latestWith(name, content), part.group(2), language, model);
        return new Preview(email, invoice.number() == null ? invoice.invoiceId() : invoice.number(),
                invoice.customerName() == null ? invoice.customerId() : invoice.customerName());
    }

    /** How problems name a template. */
    public String fileOf(String name) {
        return builder.fileOf(name);
    }

    private Outcome store(String name, String content, PolicyDocument.Origin origin, String savedBy, Optional<Integer> basedOn) {
        Optional<PolicyDocument> saved = documents.save(new DocumentVersions.NewVersion(name, content, builder.hashOf(content), origin,
                savedBy), basedOn);
        if (saved.isEmpty()) {
            return new PolicyEditing.Unchanged(documents.history(name).getFirst());
        }
        events.record(Optional.of(savedBy), ConsoleEvents.Kind.TEMPLATE_SAVED, savedBy + " saved the template " + builder.fileOf(name)
                + " as version " + saved.get().version() + " (" + saved.get().contentHash() + ", " + origin.name().toLowerCase(Locale.ROOT)
                + "); it is used from the next cycle");
        return new PolicyEditing.Saved(saved.get());
    }

    private Optional<Outcome> badName(String name) {
        if (builder.usableName(name)) {
            return Optional.empty();
        }
        return Optional.of(new PolicyEditing.Refused(List.of(new ConfigProblem(builder.fileOf(String.valueOf(name).replace("..", "")), "",
                "is not a usable template name; expected a path under the templates folder such as friendly.txt or "
                        + "email/en/friendly.subject.txt (letters, digits, '.', '-' and '_'; at most two folders)"))));
    }

}
