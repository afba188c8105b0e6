package dev.arrears.cli.forecast;

import dev.arrears.application.forecast.DecisionRule;
import dev.arrears.application.forecast.Forecast;
import dev.arrears.application.forecast.ForecastEvents;
import dev.arrears.application.forecast.ForecastReport;
import dev.arrears.application.forecast.ReminderSubjects;
import dev.arrears.application.email.ReminderEmail;
import dev.arrears.application.email.ReminderEmails;
import dev.arrears.application.SendRules;
import dev.arrears.domain.contact.ContactRules;
import dev.arrears.domain.contact.HolidayCalendar;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.policy.Policy;
import dev.arrears.files.holiday.HolidayCalendars;
import dev.arrears.files.policy.OrganisationSettingsCatalog;
import dev.arrears.files.policy.PolicyConfigurationException;
import dev.arrears.files.policy.PolicyFileLoader;
import dev.arrears.files.policy.PolicyReferences;
import dev.arrears.files.templates.QuteEmailTemplates;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code forecast --policy FILE --invoices FILE [--events FILE] [--country CC [--subdivision SUB]]
 * [--send-rules FILE] [--zone ZONE] [--days N] [--from DATE] [--why]}: lets an
 * accountant try a policy on sample invoices before it goes live. Runs without a database and
 * without booting the application, so it works on a laptop with nothing but Java.
 */
public final class ForecastCommand {

    public static final int OK = 0;
    public static final int BAD_INPUT = 2;
    static final String STATUTORY_DIR_VARIABLE = "ARREARS_STATUTORY_DIR";

    private final DecisionRule rule;
    private final PolicyFileLoader policies;
    private final InvoiceCsvReader invoices;
    private final Path templatesDir;

    public ForecastCommand(DecisionRule rule) {
        this(rule, Map.of());
    }

    /**
     * @param environment where {@code ARREARS_STATUTORY_DIR} chooses the statutory folder, as it does for the daemon
     *                    ({@code config/statutory/README.md}); without it, {@code config/statutory} of the working folder
     */
    public ForecastCommand(DecisionRule rule, Map<String, String> environment) {
        this(rule, PolicyFileLoader.withStatutoryDir(statutoryDir(environment)), new InvoiceCsvReader(), templatesDir(environment));
    }

    ForecastCommand(DecisionRule rule, PolicyFileLoader policies, InvoiceCsvReader invoices, Path templatesDir) {
        this.templatesDir = Objects.requireNonNull(templatesDir, "templatesDir");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.invoices = Objects.requireNonNull(invoices, "invoices");
    }

    /** {@code ARREARS_TEMPLATES_DIR}, as for the daemon; else {@code config/templates} of the working folder. */
    static Path templatesDir(Map<String, String> environment) {
        String dir = environment.get("ARREARS_TEMPLATES_DIR");
        return Path.of(dir == null || dir.isBlank() ? "config/templates" : dir);
    }

    static Path statutoryDir(Map<String, String> environment) {
        String dir = environment.get(STATUTORY_DIR_VARIABLE);
        return Path.of(dir == null || dir.isBlank() ? PolicyReferences.DEFAULT_STATUTORY_DIR : dir);
    }

    /**
     * @param today today's date in the given zone; asked only when {@code --from} is absent, with the send rules'
     *              zone ({@code --zone}, else the send-rules file's), else UTC
     * @return the process exit status: {@link #OK} or {@link #BAD_INPUT}
     */
    public int run(List<String> args, PrintStream out, PrintStream err, Function<ZoneId, LocalDate> today) {
        ForecastOptions options;
        try {
            options = ForecastOptions.parse(args);
        } catch (ForecastOptions.UsageException e) {
            err.println("forecast: " + e.getMessage());
            err.println();
            err.print(ForecastOptions.USAGE);
            return BAD_INPUT;
        }
        if (options.help()) {
            out.print(ForecastOptions.USAGE);
            return OK;
        }
        // Both files are checked before giving up, so one run shows every problem in either.
        Policy policy = null;
        List<InvoiceSnapshot> list = null;
        try {
            policy = policies.load(options.policy());
        } catch (PolicyConfigurationException e) {
            err.println(e.getMessage());
        }
        try {
            list = invoices.read(options.invoices());
        } catch (InvoiceCsvException e) {
            err.println(e.getMessage());
        }
        if (policy == null || list == null) {
            return BAD_INPUT;
        }
        ForecastEvents events = ForecastEvents.NONE;
        if (options.events().isPresent()) {
            try {
                events = new ForecastEventsReader().read(options.events().get(), list);
            } catch (ForecastEventsException e) {
                err.println(e.getMessage());
                return BAD_INPUT;
            }
        }
        Optional<SendRules> sendRules = Optional.empty();
        if (options.withSendRules()) {
            try {
                sendRules = Optional.of(sendRules(options));
            } catch (PolicyConfigurationException e) {
                err.println(e.getMessage());
                return BAD_INPUT;
            } catch (IllegalArgumentException e) {
                err.println("forecast: " + e.getMessage());
                return BAD_INPUT;
            }
        }
        // "Today" is the day where the send rules are: at 02:40 on the 8th in Auckland, UTC is still on the 7th.
        ZoneId zone = sendRules.map(r -> r.contact().window().zone()).orElseGet(() -> options.zone().orElse(ZoneOffset.UTC));
        LocalDate from = options.from().orElseGet(() -> today.apply(zone));
        ForecastReport report = new Forecast(rule, subjects(options.country())).run(policy, list, from, options.days(), events,
                sendRules);
        out.print(new ForecastTable().render(report, options.invoices().toString(), options.why(),
                options.events().map(Object::toString), sendRules.map(ForecastCommand::describe)));
        return OK;
    }

    /**
     * {@code --send-rules FILE} read as at start-up; {@code --country}/{@code --subdivision} replace its holidays;
     * without a file, the default rules in {@code --zone} (else UTC).
     */
    private static SendRules sendRules(ForecastOptions options) {
        Optional<HolidayCalendar> holidays = options.country().map(c -> HolidayCalendars.forCountry(c, options.subdivision()));
        if (options.sendRules().isPresent()) {
            return OrganisationSettingsCatalog.sendRulesFile(options.sendRules().get(), options.zone(), holidays);
        }
        ContactRules rules = ContactRules.defaults(options.zone().orElseGet(() -> ZoneId.of("UTC")));
        return new SendRules(rules, holidays.orElse(HolidayCalendar.none()), "the default send rules");
    }

    /**
     * The email subjects of the shipped (or {@code ARREARS_TEMPLATES_DIR}'s) templates, in English with the
     * country's way of writing dates and amounts; none when the folder has no email templates.
     */
    private ReminderSubjects subjects(Optional<String> country) {
        QuteEmailTemplates templates;
        try {
            templates = new QuteEmailTemplates(templatesDir);
        } catch (RuntimeException e) {
            return ReminderSubjects.NONE;
        }
        ReminderEmails words = new ReminderEmails(Locale.ENGLISH, country.orElse(""));
        return (reminder, invoice, day) -> {
            try {
                return Optional.of(templates.render(reminder.template(), Locale.ENGLISH, words.model("", reminder.stage(),
                        List.of(invoice), day, List.of(), "", new ReminderEmail.Contact("", ""))).subject());
            } catch (RuntimeException e) {
                return Optional.empty();   // no email wording for this template (a note-only one): no subject to show
            }
        };
    }

    private static String describe(SendRules rules) {
        ContactRules contact = rules.contact();
        return contact.window().describe() + ", not on the public holidays of " + rules.holidays().region() + ", at least "
                + contact.minimumGap().toDays() + " days apart, " + (contact.maxContactsPer7Days() == ContactRules.NO_CAP
                ? "no cap per customer in 7 days" : "at most " + contact.maxContactsPer7Days() + " per customer in 7 days")
                + " (" + rules.source() + ")";
    }
}
