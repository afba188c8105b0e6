package dev.arrears.files.statutory;

import dev.arrears.domain.money.Money;
import dev.arrears.domain.statutory.CompensationBand;
import dev.arrears.domain.statutory.DayCount;
import dev.arrears.domain.statutory.FixedCompensation;
import dev.arrears.domain.statutory.HalfYear;
import dev.arrears.domain.statutory.PaymentAllocation;
import dev.arrears.domain.statutory.RateEntry;
import dev.arrears.domain.statutory.RateTable;
import dev.arrears.domain.statutory.ReferenceRateRule;
import dev.arrears.domain.statutory.StatutoryPresets;
import dev.arrears.domain.statutory.StatutoryRegime;
import dev.arrears.files.statutory.LocatedYaml.Mapping;
import dev.arrears.files.statutory.LocatedYaml.Scalar;
import dev.arrears.files.statutory.LocatedYaml.Sequence;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code presets.yaml} and the CSV tables it names from the statutory directory into the
 * domain's {@link StatutoryPresets}. Every problem is reported with the file, line and field at
 * fault and what is allowed there; nothing is defaulted silently.
 */
public final class StatutoryPresetLoader {

    public static final String PRESETS_FILE = "presets.yaml";

    private static final Set<String> PRESET_FIELDS = Set.of("title", "legal_basis", "reference_rates", "reference_date",
            "margin_points", "day_count", "partial_payments", "partial_payments_basis", "fixed_compensation");
    private static final Set<String> TABLE_FIELDS = Set.of("file", "name", "kind", "known_through");
    private static final Set<String> COMPENSATION_FIELDS = Set.of("currency", "legal_basis", "bands");
    private static final Set<String> BAND_FIELDS = Set.of("from", "amount");

    public StatutoryPresets load(Path directory) {
        Path file = directory.resolve(PRESETS_FILE);
        if (!Files.isRegularFile(file)) {
            throw new StatutoryConfigException(file, 0, "(file)", "does not exist; allowed: a directory holding "
                    + PRESETS_FILE + " and its CSV tables, set with arrears.statutory.dir (default config/statutory)");
        }
        Section root = new Section(file, "", asMapping(file, parse(file), "(document)"));
        root.allowOnly(Set.of("presets"));
        Section presets = root.section("presets");
        Map<String, StatutoryRegime> regimes = new LinkedHashMap<>();
        for (String id : presets.mapping.entries().keySet()) {
            if (!id.matches("[a-z][a-z0-9_-]*")) {
                throw presets.error(id, "'" + id + "' is not a preset name; allowed: lower-case letters, digits, - and _, e.g. uk");
            }
            regimes.put(id, regime(directory, id, presets.section(id)));
        }
        if (regimes.isEmpty()) {
            throw root.error("presets", "is empty; allowed: at least one preset");
        }
        return new StatutoryPresets(regimes);
    }

    private StatutoryRegime regime(Path directory, String id, Section preset) {
        preset.allowOnly(PRESET_FIELDS);
        ReferenceRateRule rule = switch (preset.text("reference_date")) {
            case "fixed_for_debt" -> new ReferenceRateRule.FixedForDebt();
            case "per_half_year" -> new ReferenceRateRule.PerHalfYear();
            default -> throw preset.error("reference_date", "'" + preset.text("reference_date")
                    + "' is not a reference date rule; allowed: fixed_for_debt (UK: rate on 31 Dec / 30 Jun before interest"
                    + " starts, kept for the debt), per_half_year (rate on 1 Jan / 1 Jul of each half-year)");
        };
        RateTable table = table(directory, preset.section("reference_rates"), rule);
        BigDecimal margin = preset.decimal("margin_points", "percentage points over the reference rate, e.g. 8.00");
        if (margin.signum() < 0 || margin.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw preset.error("margin_points", margin + " is out of range; allowed: 0 or more and under 100 percentage points");
        }
        DayCount dayCount;
        try {
            dayCount = DayCount.ofLabel(preset.text("day_count"));
        } catch (IllegalArgumentException e) {
            throw preset.error("day_count", e.getMessage());
        }
        PaymentAllocation allocation = switch (preset.text("partial_payments")) {
            case "principal_first" -> PaymentAllocation.PRINCIPAL_FIRST;
            case "interest_first" -> PaymentAllocation.INTEREST_FIRST;
            default -> throw preset.error("partial_payments", "'" + preset.text("partial_payments")
                    + "' is not an allocation; allowed: principal_first, interest_first");
        };
        return new StatutoryRegime(id, preset.text("title"), preset.text("legal_basis"), table, rule, margin, dayCount,
                allocation, preset.text("partial_payments_basis"), compensation(preset.section("fixed_compensation")));
    }

    private RateTable table(Path directory, Section table, ReferenceRateRule rule) {
        table.allowOnly(TABLE_FIELDS);
        RateTableCsv.Kind kind = switch (table.text("kind")) {
            case "changes" -> RateTableCsv.Kind.CHANGES;
            case "half_yearly" -> RateTableCsv.Kind.HALF_YEARLY;
            default -> throw table.error("kind", "'" + table.text("kind") + "' is not a table kind; allowed: changes"
                    + " (each row holds until the next), half_yearly (one row per half-year, dated 1 Jan / 1 Jul)");
        };
        // A half-yearly table holds the rate of 1 January / 1 July; read on 31 December it would give the
        // previous half-year's rate, not the rate in force that day, which is what art. 4 asks for.
        if (rule instanceof ReferenceRateRule.FixedForDebt && kind == RateTableCsv.Kind.HALF_YEARLY) {
            throw table.error("kind", "half_yearly cannot serve reference_date fixed_for_debt, which needs the rate in force"
                    + " on 31 December / 30 June; allowed: changes (the central bank's list of rate changes)");
        }
        Optional<LocalDate> knownThrough = table.optionalText("known_through").map(text -> date(table, "known_through", text));
        if (kind == RateTableCsv.Kind.CHANGES && knownThrough.isEmpty()) {
            throw table.error("known_through", "is missing; allowed: the last day (YYYY-MM-DD) on which the table was checked"
                    + " complete against the central bank's page");
        }
        if (kind == RateTableCsv.Kind.HALF_YEARLY && knownThrough.isPresent()) {
            throw table.error("known_through", "is only for kind: changes; a half-yearly table is known through the end of"
                    + " its last row's half-year");
        }
        String fileName = table.text("file");
        Path csv = directory.resolve(fileName);
        if (!Files.isRegularFile(csv)) {
            throw table.error("file", "'" + fileName + "' does not exist in " + directory + "; allowed: a CSV file in that directory");
        }
        List<RateEntry> entries = RateTableCsv.entries(csv, kind);
        LocalDate lastRow = entries.getLast().effectiveFrom();
        if (knownThrough.isPresent() && knownThrough.get().isBefore(lastRow)) {
            throw table.error("known_through", knownThrough.get() + " is before the table's last row (" + lastRow
                    + "); allowed: a day on or after it");
        }
        LocalDate through = kind == RateTableCsv.Kind.HALF_YEARLY ? HalfYear.containing(lastRow).lastDay() : knownThrough.get();
        return new RateTable(table.text("name"), fileName, entries, through);
    }

    private FixedCompensation compensation(Section compensation) {
        compensation.allowOnly(COMPENSATION_FIELDS);
        Currency currency;
        try {
            currency = Money.currency(compensation.text("currency"));
        } catch (IllegalArgumentException e) {
            throw compensation.error("currency", e.getMessage() + "; allowed: an ISO 4217 code such as GBP or EUR");
        }
        Sequence list = compensation.sequence("bands");
        List<CompensationBand> bands = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            Section band = new Section(compensation.file, compensation.path + ".bands[" + i + "]",
                    asMapping(compensation.file, list.items().get(i), compensation.path + ".bands[" + i + "]"));
            band.allowOnly(BAND_FIELDS);
            BigDecimal from = band.decimal("from", "the smallest debt the band covers, e.g. 1000.00");
            BigDecimal amount = band.decimal("amount", "the fixed sum, e.g. 40.00");
            try {
                Money.of(amount, currency);
                bands.add(new CompensationBand(from, amount));
            } catch (IllegalArgumentException e) {
                throw band.error("amount", e.getMessage());
            }
            if (i == 0 && from.signum() != 0) {
                throw band.error("from", "the first band must start at 0; allowed: 0");
            }
            if (i > 0 && from.compareTo(bands.get(i - 1).from()) <= 0) {
                throw band.error("from", from + " is not above the previous band's " + bands.get(i - 1).from()
                        + "; allowed: bands in rising order");
            }
        }
        if (bands.isEmpty()) {
            throw compensation.error("bands", "is empty; allowed: at least one band, e.g. - { from: 0, amount: 40.00 }");
        }
        return new FixedCompensation(currency, bands, compensation.text("legal_basis"));
    }

    private static LocatedYaml parse(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return LocatedYaml.read(reader);
        } catch (LocatedYaml.SyntaxError e) {
            throw new StatutoryConfigException(file, e.line, "(syntax)", e.getMessage() + "; allowed: valid YAML");
        } catch (IOException e) {
            throw new StatutoryConfigException(file, 0, "(file)", "cannot be read: " + e);
        }
    }

    private static Mapping asMapping(Path file, LocatedYaml node, String path) {
        if (node instanceof Mapping mapping) {
            return mapping;
        }
        throw new StatutoryConfigException(file, node.line(), path, "is not a mapping; allowed: key: value lines");
    }

    private static LocalDate date(Section section, String key, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw section.error(key, "'" + text + "' is not a date; allowed: YYYY-MM-DD");
        }
    }

    /** One mapping of the document, with its dotted path, for messages such as "presets.uk.margin_points". */
    private record Section(Path file, String path, Mapping mapping) {

        String fieldPath(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        StatutoryConfigException error(String key, String problem) {
            int line = mapping.keyLines().getOrDefault(key, mapping.line());
            return new StatutoryConfigException(file, line, fieldPath(key), problem);
        }

        void allowOnly(Set<String> allowed) {
            for (String key : mapping.entries().keySet()) {
                if (!allowed.contains(key)) {
                    throw error(key, "unknown field '" + key + "'; allowed: " + String.join(", ", new TreeSet<>(allowed)));
                }
            }
        }

        LocatedYaml required(String key) {
            LocatedYaml node = mapping.entries().get(key);
            if (node == null) {
                throw new StatutoryConfigException(file, mapping.line(), fieldPath(key), "is missing");
            }
            return node;
        }

        String text(String key) {
            return optionalText(key).orElseThrow(() -> {
                if (mapping.entries().containsKey(key)) {
                    return error(key, "is empty");
                }
                return new StatutoryConfigException(file, mapping.line(), fieldPath(key), "is missing");
            });
        }

        Optional<String> optionalText(String key) {
            LocatedYaml node = mapping.entries().get(key);
            if (node == null) {
                return Optional.empty();
            }
            if (node instanceof Scalar scalar) {
                return Optional.ofNullable(scalar.text()).map(String::trim).filter(t -> !t.isEmpty());
            }
            throw error(key, "is a list or mapping; allowed: a single value");
        }

        BigDecimal decimal(String key, String allowed) {
            String text = text(key);
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw error(key, "'" + text + "' is not a number; allowed: " + allowed);
            }
        }

        Section section(String key) {
            return new Section(file, fieldPath(key), asMapping(file, required(key), fieldPath(key)));
        }

        Sequence sequence(String key) {
            if (required(key) instanceof Sequence sequence) {
                return sequence;
            }
            throw error(key, "is not a list; allowed: lines starting with '- '");
        }
    }
}
