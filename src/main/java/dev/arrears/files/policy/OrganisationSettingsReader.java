package dev.arrears.files.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.domain.contact.ContactRules;
import dev.arrears.domain.contact.HolidayCalendar;
import dev.arrears.domain.contact.SendWindow;
import dev.arrears.files.holiday.HolidayCalendars;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one file of config/organisations, reporting every problem with its field and what is allowed. */
final class OrganisationSettingsReader {

    /** The limitation period is not here: it is set per organisation through the admin API (collections). */
    static final List<String> FIELDS = List.of("organisation", "provider", "tenant_id", "description", "send_rules");
    static final List<String> RULE_FIELDS = List.of("window", "holidays", "minimum_gap_days", "max_contacts_per_7_days");
    static final List<String> WINDOW_FIELDS = List.of("days", "from", "until", "zone");
    static final List<String> HOLIDAY_FIELDS = List.of("country", "subdivision");
    static final String DAY_NAMES = "mon, tue, wed, thu, fri, sat, sun";
    /** Countries whose public holidays differ so much by region that the nationwide set would send on real holidays. */
    static final Map<String, String> SUBDIVISION_REQUIRED = Map.of("GB",
            "eng (England), sct (Scotland), wls (Wales) or nir (Northern Ireland): Easter Monday, 2 January and St Andrew's Day differ");
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-4]):[0-5]\\d");

    private final PolicyFileLoader yaml;

    OrganisationSettingsReader(PolicyFileLoader yaml) {
        this.yaml = yaml;
    }

    Optional<OrganisationSettings> read(String file, byte[] bytes, YamlFields fields) {
        Optional<JsonNode> parsed = yaml.parse(bytes, fields, "the settings of one organisation, with at least: organisation, send_rules",
                "one organisation per file");
        if (parsed.isEmpty() || !fields.isMapping(parsed.get(), "", "organisation settings with fields: " + String.join(", ", FIELDS))) {
            return Optional.empty();
        }
        JsonNode root = parsed.get();
        int before = fields.problems().size();
        fields.onlyKeys(root, "", FIELDS);
        fields.text(root, "", "description", false);
        Optional<OrganisationSelector> selector = OrganisationSelector.read(root, "", fields, true);
        OrganisationSettings.Rules rules = root.has("send_rules") ? rules(root.get("send_rules"), "send_rules", fields)
                : OrganisationSettings.Rules.DEFAULTS;
        if (selector.isEmpty() || fields.problems().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new OrganisationSettings(file, selector.get(), rules));
    }

    private OrganisationSettings.Rules rules(JsonNode node, String path, YamlFields fields) {
        if (!fields.isMapping(node, path, "send rules with any of: " + String.join(", ", RULE_FIELDS))) {
            return OrganisationSettings.Rules.DEFAULTS;
        }
        fields.onlyKeys(node, path, RULE_FIELDS);
        Optional<Set<DayOfWeek>> days = Optional.empty();
        Optional<LocalTime> from = Optional.empty();
        Optional<LocalTime> until = Optional.empty();
        Optional<ZoneId> zone = Optional.empty();
        if (node.has("window")) {
            String windowPath = YamlFields.child(path, "window");
            JsonNode window = node.get("window");
            if (fields.isMapping(window, windowPath, "a window with any of: " + String.join(", ", WINDOW_FIELDS))) {
                fields.onlyKeys(window, windowPath, WINDOW_FIELDS);
                days = window.has("days") ? days(window, windowPath, fields) : Optional.empty();
                from = window.has("from") ? time(window, windowPath, "from", fields) : Optional.empty();
                until = window.has("until") ? time(window, windowPath, "until", fields) : Optional.empty();
                zone = window.has("zone") ? zone(window, windowPath, fields) : Optional.empty();
                checkWindow(from, until, windowPath, fields);
            }
        }
        Optional<HolidayCalendar> holidays = node.has("holidays") ? holidays(node.get("holidays"), YamlFields.child(path, "holidays"), fields)
                : Optional.empty();
        Optional<Integer> gap = fields.wholeNumber(node, path, "minimum_gap_days", false, 0, "3");
        // "none": no cap (a firm that wants the minimum gap alone to space its reminders).
        JsonNode capNode = node.path("max_contacts_per_7_days");
        Optional<Integer> cap;
        if ("none".equals(capNode.asText(null))) {
            cap = Optional.of(ContactRules.NO_CAP);
        } else if (capNode.isIntegralNumber() && capNode.canConvertToInt() && capNode.intValue() < 1) {
            // Zero would mean "never contact": say what to write for the opposite, and where a stop belongs.
            fields.problem(YamlFields.child(path, "max_contacts_per_7_days"), "must be 1 or more, got " + capNode.intValue()
                    + "; write none for no cap (to stop contacting an organisation's customers, use a hold)");
            cap = Optional.empty();
        } else {
            cap = fields.wholeNumber(node, path, "max_contacts_per_7_days", false, 1, "2, or none for no cap");
        }
        return new OrganisationSettings.Rules(days, from, until, zone, holidays, gap.map(Duration::ofDays), cap);
    }

    private static Optional<Set<DayOfWeek>> days(JsonNode window, String path, YamlFields fields) {
        Optional<List<JsonNode>> items = fields.list(window, path, "days", true, "weekdays, such as [mon, tue, wed, thu, fri]");
        String field = YamlFields.child(path, "days");
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (items.get().isEmpty()) {
            fields.problem(field, "needs at least one day (to stop contacting an organisation's customers, use a hold); expected some of: " + DAY_NAMES);
            return Optional.empty();
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        boolean ok = true;
        for (int i = 0; i < items.get().size(); i++) {
            String text = items.get().get(i).asText("").trim().toLowerCase(Locale.ROOT);
            Optional<DayOfWeek> day = java.util.Arrays.stream(DayOfWeek.values())
                    .filter(d -> text.length() >= 3 && d.name().toLowerCase(Locale.ROOT).startsWith(text))
                    .findFirst();
            if (day.isEmpty()) {
                fields.problem(YamlFields.element(field, i), "'" + items.get().get(i).asText() + "' is not a day; expected one of: " + DAY_NAMES);
                ok = false;
            } else if (!days.add(day.get())) {
                fields.problem(YamlFields.element(field, i), "'" + text + "' is listed twice");
                ok = false;
            }
        }
        return ok ? Optional.of(days) : Optional.empty();
    }

    /** "09:00"; "24:00" for the end of the day. A time written without quotes may reach us as a number. */
    private static Optional<LocalTime> time(JsonNode window, String path, String key, YamlFields fields) {
        String field = YamlFields.child(path, key);
        JsonNode node = window.get(key);
        String text = node.asText("").trim();
        if (!node.isTextual() || !TIME.matcher(text).matches() || (text.startsWith("24") && !text.equals("24:00"))) {
            fields.problem(field, "expected a time of day as HH:MM in quotes, such as \"09:00\" or \"17:30\" (\"24:00\" for midnight at the end of the day), got "
                    + YamlFields.describe(node));
            return Optional.empty();
        }
        if (text.equals("24:00")) {
            if (key.equals("from")) {
                fields.problem(field, "a window cannot start at 24:00; expected \"00:00\" to \"23:59\"");
                return Optional.empty();
            }
            return Optional.of(LocalTime.MIDNIGHT);
        }
        try {
            return Optional.of(LocalTime.parse(text));
        } catch (DateTimeParseException e) {
            fields.problem(field, "'" + text + "' is not a time of day; expected HH:MM such as \"09:00\"");
            return Optional.empty();
        }
    }

    private static void checkWindow(Optional<LocalTime> from, Optional<LocalTime> until, String path, YamlFields fields) {
        if (from.isEmpty() || until.isEmpty()) {
            return;
        }
        try {
            new SendWindow(EnumSet.of(DayOfWeek.MONDAY), from.get(), until.get(), ZoneOffset.UTC);
        } catch (IllegalArgumentException e) {
            fields.problem(YamlFields.child(path, "until"), "must be later than from (" + from.get() + "); expected a window within one day,"
                    + " such as from: \"09:00\" until: \"17:00\" (use \"24:00\" to run to midnight)");
        }
    }

    private static Optional<ZoneId> zone(JsonNode window, String path, YamlFields fields) {
        Optional<String> text = fields.text(window, path, "zone", true);
        try {
            return text.map(ZoneId::of);
        } catch (DateTimeException e) {
            fields.problem(YamlFields.child(path, "zone"), "'" + text.get()
                    + "' is not a time zone; expected an IANA zone such as Europe/London, America/New_York or Australia/Sydney");
            return Optional.empty();
        }
    }

    /** {@code holidays: { country: GB, subdivision: eng }}, or {@code holidays: none} to send on public holidays too. */
    private static Optional<HolidayCalendar> holidays(JsonNode node, String path, YamlFields fields) {
        if (node.isTextual() && node.asText().trim().equalsIgnoreCase("none")) {
            return Optional.of(HolidayCalendar.none());
        }
        if (!fields.isMapping(node, path, "{ country: GB, subdivision: eng } or none")) {
            return Optional.empty();
        }
        fields.onlyKeys(node, path, HOLIDAY_FIELDS);
        Optional<String> country = fields.text(node, path, "country", true).map(c -> c.toUpperCase(Locale.ROOT));
        Optional<String> subdivision = fields.text(node, path, "subdivision", false);
        if (country.isEmpty() || (node.hasNonNull("subdivision") && subdivision.isEmpty())) {
            return Optional.empty();
        }
        if (subdivision.isEmpty() && SUBDIVISION_REQUIRED.containsKey(country.get())) {
            fields.problem(YamlFields.child(path, "subdivision"), "is required for " + country.get() + "; expected one of: "
                    + SUBDIVISION_REQUIRED.get(country.get()));
            return Optional.empty();
        }
        try {
            return Optional.of(HolidayCalendars.forCountry(country.get(), subdivision));
        } catch (IllegalArgumentException e) {
            String field = subdivision.isPresent() && !e.getMessage().contains("no public holiday data for country")
                    && !e.getMessage().contains("two-letter") ? "subdivision" : "country";
            fields.problem(YamlFields.child(path, field), e.getMessage());
            return Optional.empty();
        }
    }
}
