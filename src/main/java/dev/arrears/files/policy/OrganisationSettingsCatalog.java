package dev.arrears.files.policy;

import dev.arrears.application.OrganisationKey;
import dev.arrears.application.SendRules;
import dev.arrears.application.SendRulesRepository;
import dev.arrears.domain.contact.ContactRules;
import dev.arrears.domain.contact.HolidayCalendar;
import dev.arrears.domain.contact.SendWindow;
import dev.arrears.files.holiday.HolidayCalendars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The per-organisation settings in {@code config/organisations/*.yaml}: the send rules. The folder is optional (no folder, no files: every organisation gets the
 * defaults), but a file that is there must be right, or start-up stops with file, field and what
 * is allowed, like the policies.
 */
public final class OrganisationSettingsCatalog implements SendRulesRepository {

    static final String HEADING = "Organisation settings cannot be used";

    private final List<OrganisationSettings> settings;

    private OrganisationSettingsCatalog(List<OrganisationSettings> settings) {
        this.settings = List.copyOf(settings);
    }

    public static OrganisationSettingsCatalog empty() {
        return new OrganisationSettingsCatalog(List.of());
    }

    /** Loads every file of the folder, or throws with every problem of every file. */
    public static OrganisationSettingsCatalog load(Path directory) {
        if (!Files.exists(directory)) {
            return empty();
        }
        return fromTexts(directory.toString(), readTexts(directory));
    }

    /** The texts of the folder's files by file name; a folder that is not there holds none. */
    static Map<String, String> readTexts(Path directory) {
        Map<String, String> texts = new TreeMap<>();
        if (!Files.exists(directory)) {
            return texts;
        }
        List<PolicyProblem> problems = new ArrayList<>();
        for (Path file : yamlFiles(directory, problems)) {
            try {
                texts.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                problems.add(new PolicyProblem(file.toString(), "", "cannot be read (" + e.getMessage() + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyConfigurationException(HEADING, problems);
        }
        return texts;
    }

    /**
     * Reads every text (by its name in the folder, wherever it is kept: the files or the database they
     * seeded), or throws with every problem of every text, each named {@code <folder>/<name>}.
     */
    static OrganisationSettingsCatalog fromTexts(String folder, Map<String, String> texts) {
        List<PolicyProblem> problems = new ArrayList<>();
        List<OrganisationSettings> loaded = new ArrayList<>();
        OrganisationSettingsReader reader = new OrganisationSettingsReader(new PolicyFileLoader());
        for (Map.Entry<String, String> text : new TreeMap<>(texts).entrySet()) {
            String file = fileOf(folder, text.getKey());
            YamlFields fields = new YamlFields(file, problems);
            reader.read(file, text.getValue().getBytes(StandardCharsets.UTF_8), fields).ifPresent(one -> {
                loaded.stream().filter(other -> other.selector().sameAs(one.selector())).findFirst().ifPresent(other ->
                        fields.problem("", "is about " + one.selector().describe() + ", like " + other.file()
                                + "; expected one settings file per organisation"));
                loaded.add(one);
            });
        }
        if (!problems.isEmpty()) {
            throw new PolicyConfigurationException(HEADING, problems);
        }
        return new OrganisationSettingsCatalog(loaded);
    }

    static String fileOf(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }

    /** The organisation a text of this catalog names (by its file as problems name it). */
    Optional<OrganisationSelector> selectorOf(String file) {
        return settings.stream().filter(s -> s.file().equals(file)).map(OrganisationSettings::selector).findFirst();
    }

    /**
     * The send rules of one organisation settings file, for the forecast: read as at start-up, with
     * the same checks and messages. Anything the file leaves out takes its default.
     *
     * @param zone     the zone to use instead of the file's; without both, UTC
     * @param holidays the holidays to use instead of the file's; without both, none
     * @throws PolicyConfigurationException naming the file and every field that is wrong
     */
    public static SendRules sendRulesFile(Path file, Optional<ZoneId> zone, Optional<HolidayCalendar> holidays) {
        List<PolicyProblem> problems = new ArrayList<>();
        YamlFields fields = new YamlFields(file.toString(), problems);
        Optional<OrganisationSettings> read = Optional.empty();
        try {
            read = new OrganisationSettingsReader(new PolicyFileLoader()).read(file.toString(), Files.readAllBytes(file), fields);
        } catch (IOException e) {
            fields.problem("", "cannot be read (" + e.getMessage() + ")");
        }
        if (!problems.isEmpty() || read.isEmpty()) {
            if (problems.isEmpty()) {
                fields.problem("", "cannot be used as organisation settings");
            }
            throw new PolicyConfigurationException(HEADING, problems);
        }
        OrganisationSettings.Rules rules = read.get().sendRules();
        ContactRules defaults = ContactRules.defaults(zone.or(rules::zone).orElseGet(() -> ZoneId.of("UTC")));
        SendWindow window = new SendWindow(rules.days().orElse(defaults.window().days()), rules.from().orElse(defaults.window().start()),
                rules.until().orElse(defaults.window().end()), defaults.window().zone());
        return new SendRules(new ContactRules(window, rules.minimumGap().orElse(defaults.minimumGap()),
                rules.maxContactsPer7Days().orElse(defaults.maxContactsPer7Days())),
                holidays.or(rules::holidays).orElse(HolidayCalendar.none()), file.toString());
    }

    static List<Path> yamlFiles(Path directory, List<PolicyProblem> problems) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            problems.add(new PolicyProblem(directory.toString(), "", "cannot be listed (" + e.getMessage() + ")"));
            return List.of();
        }
    }

    @Override
    public SendRules rulesFor(OrganisationKey organisation, ZoneId zone, String country) {
        Optional<OrganisationSettings> configured = find(organisation);
        ContactRules defaults = ContactRules.defaults(zone);
        if (configured.isEmpty()) {
            return new SendRules(defaults, defaultHolidays(country), "the firm's default send rules (no settings of its own for organisation "
                    + organisation.id() + ")");
        }
        OrganisationSettings.Rules rules = configured.get().sendRules();
        SendWindow window = new SendWindow(rules.days().orElse(defaults.window().days()), rules.from().orElse(defaults.window().start()),
                rules.until().orElse(defaults.window().end()), rules.zone().orElse(zone));
        return new SendRules(new ContactRules(window, rules.minimumGap().orElse(defaults.minimumGap()),
                rules.maxContactsPer7Days().orElse(defaults.maxContactsPer7Days())),
                rules.holidays().orElseGet(() -> defaultHolidays(country)), configured.get().file());
    }

    private Optional<OrganisationSettings> find(OrganisationKey organisation) {
        List<OrganisationSettings> matching = settings.stream().filter(s -> s.selector().matches(organisation)).toList();
        if (matching.size() > 1) {
            // One file by id and one by tenant for the same organisation: only visible once we know both.
            throw new IllegalStateException("organisation " + organisation.id() + " has settings in more than one file: "
                    + matching.stream().map(OrganisationSettings::file).toList() + "; keep one");
        }
        return matching.stream().findFirst();
    }

    /** The country's nationwide public holidays; none when the holiday data does not know the country. */
    private static HolidayCalendar defaultHolidays(String country) {
        try {
            return HolidayCalendars.forCountry(country.toUpperCase(Locale.ROOT), Optional.empty());
        } catch (IllegalArgumentException unknownCountry) {
            return HolidayCalendar.none();
        }
    }
}
