package dev.arrears.cli.forecast;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The forecast command's options.
 *
 * @param from empty means "today in the send rules' zone, else UTC", which only the caller (platform) may read from the clock
 * @param why  also print the engine's reasons under each invoice's actions
 * @param events holds, disputes, promises, plans and payments on given dates (YAML), if any
 * @param country     public holidays of this country (ISO code) for the send rules, if any
 * @param subdivision the part of {@code country} whose holidays apply, if any
 * @param sendRules   an organisation settings file (config/organisations) whose send rules apply, if any
 * @param zone        the send rules' zone; empty means the file's zone, else UTC
 */
public record ForecastOptions(Path policy, Path invoices, int days, Optional<LocalDate> from, boolean why, boolean help,
                              Optional<Path> events, Optional<String> country, Optional<String> subdivision,
                              Optional<Path> sendRules, Optional<ZoneId> zone) {

    public ForecastOptions(Path policy, Path invoices, int days, Optional<LocalDate> from, boolean why, boolean help) {
        this(policy, invoices, days, from, why, help, Optional.empty());
    }

    public ForecastOptions(Path policy, Path invoices, int days, Optional<LocalDate> from, boolean why, boolean help,
                           Optional<Path> events) {
        this(policy, invoices, days, from, why, help, events, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Whether reminders go through the send rules: only when holidays or a send rules file are given. */
    public boolean withSendRules() {
        return country.isPresent() || sendRules.isPresent();
    }

    public static final int DEFAULT_DAYS = 60;

    public static final String USAGE = """
            Usage: java -jar target/quarkus-app/quarkus-run.jar forecast --policy FILE --invoices FILE [options]

            Shows, day by day, what a follow-up policy would do to a list of invoices if nobody paid:
            reminders, notes, late fees (with their computation), flags for a person, and stages
            skipped by catch-up. Nothing is sent and no database is needed.

              --policy FILE     the policy file to try (YAML), e.g. config/policies/default.yaml
              --invoices FILE   invoices as CSV with the header
                                number,customer_id,customer_name,currency,issue_date,due_date,total,amount_due,status
                                (due_date may be empty; status: draft, open, paid, voided, deleted)
              --events FILE     holds, disputes, promises to pay, payment plans and payments on given
                                dates (YAML; see config/README.md and config/examples/events.yaml):
                                the forecast then shows them taking effect, with reasons
              --country CC      apply the send rules: reminders wait for the send window (default
                                Mon-Fri 09:00-17:00), the public holidays of this country (ISO code,
                                e.g. GB, US, DE), a minimum gap and a cap per customer; a reminder
                                that has to wait shows a 'deferred' line with the date and the reasons
              --subdivision SUB the part of the country whose holidays apply, e.g. eng, sct, ny
              --send-rules FILE apply the send rules of an organisation settings file
                                (config/organisations/*.yaml); --country replaces its holidays
              --zone ZONE       the send rules' time zone, e.g. Europe/London (default: the file's
                                zone, else UTC)
              --days N          how many days to forecast, 1 to 3660 (default 60)
              --from DATE       first day, YYYY-MM-DD (default: today in the send rules'
                                zone, else in UTC)
              --why             also print the engine's reasons for each decision
              --help            print this text

            Exit status: 0 when the forecast was printed, 2 when an option or input file is wrong
            (the message names the file, the line or field, and what is allowed).
            """;

    /** Parses {@code --name value} and {@code --name=value}; throws {@link UsageException} with what is wrong. */
    public static ForecastOptions parse(List<String> args) {
        Path policy = null;
        Path invoices = null;
        int days = DEFAULT_DAYS;
        Optional<LocalDate> from = Optional.empty();
        boolean why = false;
        Optional<Path> events = Optional.empty();
        Optional<String> country = Optional.empty();
        Optional<String> subdivision = Optional.empty();
        Optional<Path> sendRules = Optional.empty();
        Optional<ZoneId> zone = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--help", "-h" -> {
                    return new ForecastOptions(null, null, days, from, false, true);
                }
                case "--why" -> why = true;
                case "--policy", "--invoices", "--days", "--from", "--events", "--country", "--subdivision", "--send-rules",
                     "--zone" -> {
                    String value;
                    if (arg.contains("=")) {
                        value = arg.substring(arg.indexOf('=') + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new UsageException(name + " needs a value");
                    }
                    switch (name) {
                        case "--policy" -> policy = Path.of(value);
                        case "--invoices" -> invoices = Path.of(value);
                        case "--days" -> days = days(value);
                        case "--events" -> events = Optional.of(Path.of(value));
                        case "--country" -> country = Optional.of(value.trim());
                        case "--subdivision" -> subdivision = Optional.of(value.trim());
                        case "--send-rules" -> sendRules = Optional.of(Path.of(value));
                        case "--zone" -> zone = Optional.of(zone(value));
                        default -> from = Optional.of(date(value));
                    }
                }
                default -> throw new UsageException("unknown option '" + arg
                        + "'; expected --policy, --invoices, --events, --country, --subdivision, --send-rules, --zone, --days, --from,"
                        + " --why or --help");
            }
        }
        if (policy == null) {
            throw new UsageException("--policy FILE is required, e.g. --policy config/policies/default.yaml");
        }
        if (invoices == null) {
            throw new UsageException("--invoices FILE is required, e.g. --invoices config/examples/invoices.csv");
        }
        if (subdivision.isPresent() && country.isEmpty()) {
            throw new UsageException("--subdivision needs --country, e.g. --country GB --subdivision eng");
        }
        if (zone.isPresent() && country.isEmpty() && sendRules.isEmpty()) {
            throw new UsageException("--zone is the send rules' zone; it needs --country or --send-rules");
        }
        return new ForecastOptions(policy, invoices, days, from, why, false, events, country, subdivision, sendRules, zone);
    }

    private static int days(String value) {
        try {
            int days = Integer.parseInt(value.trim());
            if (days >= 1 && days <= dev.arrears.application.forecast.Forecast.MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--days '" + value + "' is not allowed; expected a whole number from 1 to "
                + dev.arrears.application.forecast.Forecast.MAX_DAYS);
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            throw new UsageException("--zone '" + value + "' is not a time zone; expected an IANA zone such as Europe/London,"
                    + " America/New_York or UTC");
        }
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new UsageException("--from '" + value + "' is not a date; expected YYYY-MM-DD, such as 2026-12-01");
        }
    }

    /** A wrong option: exit status 2 and the usage text. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
