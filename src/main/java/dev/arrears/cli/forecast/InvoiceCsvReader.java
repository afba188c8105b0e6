package dev.arrears.cli.forecast;

import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import dev.arrears.files.csv.CsvLine;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads invoices for a forecast from a CSV file with the header
 * {@value #HEADER}. Every bad cell is reported with its line and column, all at once, and a file
 * with any problem yields no invoices: a forecast over "most of" the invoices would mislead.
 */
public final class InvoiceCsvReader {

    public static final String HEADER = "number,customer_id,customer_name,currency,issue_date,due_date,total,amount_due,status";
    static final List<String> COLUMNS = Arrays.asList(HEADER.split(","));
    static final String STATUSES = Arrays.stream(InvoiceStatus.values())
            .map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    /** The forecast is not about any real organisation; action keys still need one. */
    static final String ORGANISATION = "forecast";

    public List<InvoiceSnapshot> read(Path file) {
        String name = file.toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvoiceCsvException(List.of(new CsvProblem(name, 0, "",
                    "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")")));
        }
        List<CsvProblem> problems = new ArrayList<>();
        if (lines.isEmpty() || lines.getFirst().replace("\uFEFF", "").isBlank()) {
            throw new InvoiceCsvException(List.of(new CsvProblem(name, 1, "", "is empty; expected the header " + HEADER)));
        }
        Map<String, Integer> columns = header(lines.getFirst().replace("\uFEFF", ""), name, problems);
        if (!problems.isEmpty()) {
            throw new InvoiceCsvException(problems);
        }
        List<InvoiceSnapshot> invoices = new ArrayList<>();
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue; // an empty line holds no invoice; anything else is read or reported
            }
            Row row = new Row(name, i + 1, columns, problems);
            Optional<InvoiceSnapshot> invoice = row.parse(lines.get(i));
            invoice.ifPresent(inv -> {
                Integer earlier = numbers.putIfAbsent(inv.number(), row.line);
                if (earlier != null) {
                    problems.add(new CsvProblem(name, row.line, "number", "'" + inv.number()
                            + "' is already on line " + earlier + "; expected each invoice once"));
                }
                invoices.add(inv);
            });
        }
        if (!problems.isEmpty()) {
            throw new InvoiceCsvException(problems);
        }
        return List.copyOf(invoices);
    }

    private static Map<String, Integer> header(String line, String file, List<CsvProblem> problems) {
        Map<String, Integer> columns = new HashMap<>();
        List<String> names;
        try {
            names = CsvLine.split(line);
        } catch (IllegalArgumentException e) {
            problems.add(new CsvProblem(file, 1, "", "header: " + e.getMessage()));
            return columns;
        }
        for (int i = 0; i < names.size(); i++) {
            String column = names.get(i).toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(column)) {
                problems.add(new CsvProblem(file, 1, names.get(i), "unknown column; expected the header " + HEADER));
            } else if (columns.putIfAbsent(column, i) != null) {
                problems.add(new CsvProblem(file, 1, column, "appears twice; expected the header " + HEADER));
            }
        }
        COLUMNS.stream().filter(c -> !columns.containsKey(c)).forEach(c ->
                problems.add(new CsvProblem(file, 1, c, "is missing; expected the header " + HEADER)));
        return columns;
    }

    /** One data line; records its problems and yields an invoice only when it has none. */
    private static final class Row {
        private final String file;
        private final int line;
        private final Map<String, Integer> columns;
        private final List<CsvProblem> problems;
        private final int problemsBefore;
        private List<String> cells = List.of();

        Row(String file, int line, Map<String, Integer> columns, List<CsvProblem> problems) {
            this.file = file;
            this.line = line;
            this.columns = columns;
            this.problems = problems;
            this.problemsBefore = problems.size();
        }

        Optional<InvoiceSnapshot> parse(String text) {
            try {
                cells = CsvLine.split(text);
            } catch (IllegalArgumentException e) {
                problem("", e.getMessage());
                return Optional.empty();
            }
            if (cells.size() != columns.size()) {
                problem("", "has " + cells.size() + " fields, expected " + columns.size() + " (" + HEADER
                        + "); put a value containing a comma in double quotes");
                return Optional.empty();
            }
            Optional<String> number = required("number");
            Optional<String> customerId = required("customer_id");
            Optional<String> customerName = required("customer_name");
            Optional<Currency> currency = required("currency").flatMap(this::currency);
            Optional<LocalDate> issued = required("issue_date").flatMap(v -> date("issue_date", v));
            String dueText = cell("due_date");
            Optional<LocalDate> due = dueText.isEmpty() ? Optional.empty() : date("due_date", dueText);
            Optional<Money> total = currency.flatMap(c -> required("total").flatMap(v -> money("total", v, c)));
            Optional<Money> amountDue = currency.flatMap(c -> required("amount_due").flatMap(v -> money("amount_due", v, c)));
            Optional<InvoiceStatus> status = required("status").flatMap(this::status);
            if (total.isPresent() && amountDue.isPresent() && amountDue.get().compareTo(total.get()) > 0) {
                problem("amount_due", amountDue.get() + " is more than the total " + total.get()
                        + "; expected at most the total (late fees are separate invoices)");
            }
            if (problems.size() > problemsBefore) {
                return Optional.empty();
            }
            try {
                return Optional.of(new InvoiceSnapshot(ORGANISATION, number.get(), number.get(), customerId.get(),
                        customerName.get(), issued.get(), due, total.get(), amountDue.get(), status.get(), List.of(), false));
            } catch (IllegalArgumentException e) {
                problem("", e.getMessage());
                return Optional.empty();
            }
        }

        private String cell(String column) {
            return cells.get(columns.get(column)).trim();
        }

        private Optional<String> required(String column) {
            String value = cell(column);
            if (value.isEmpty()) {
                problem(column, "is empty; a value is required");
                return Optional.empty();
            }
            return Optional.of(value);
        }

        private Optional<Currency> currency(String code) {
            try {
                return Optional.of(Money.currency(code));
            } catch (IllegalArgumentException e) {
                problem("currency", e.getMessage() + "; expected a code such as GBP, EUR, USD or JPY");
                return Optional.empty();
            }
        }

        private Optional<LocalDate> date(String column, String value) {
            try {
                return Optional.of(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                problem(column, "'" + value + "' is not a date; expected YYYY-MM-DD, such as 2026-12-31");
                return Optional.empty();
            }
        }

        private Optional<Money> money(String column, String value, Currency currency) {
            BigDecimal amount;
            try {
                amount = new BigDecimal(value);
            } catch (NumberFormatException e) {
                problem(column, "'" + value + "' is not an amount; expected digits with a '.' for decimals and no "
                        + "thousands separator or currency sign, such as 1250.00");
                return Optional.empty();
            }
            if (amount.signum() < 0) {
                problem(column, value + " is negative; expected 0 or more (credit notes are not invoices)");
                return Optional.empty();
            }
            try {
                return Optional.of(Money.of(amount, currency));
            } catch (IllegalArgumentException e) {
                problem(column, e.getMessage());
                return Optional.empty();
            }
        }

        private Optional<InvoiceStatus> status(String value) {
            try {
                return Optional.of(InvoiceStatus.valueOf(value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problem("status", "'" + value + "' is not a status; expected one of: " + STATUSES);
                return Optional.empty();
            }
        }

        private void problem(String column, String message) {
            problems.add(new CsvProblem(file, line, column, message));
        }
    }
}
