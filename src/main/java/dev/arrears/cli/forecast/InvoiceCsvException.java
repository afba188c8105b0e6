package dev.arrears.cli.forecast;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem of an invoices CSV file, reported together; no row is ever silently dropped. */
public class InvoiceCsvException extends RuntimeException {

    private final transient List<CsvProblem> problems;

    public InvoiceCsvException(List<CsvProblem> problems) {
        super("Invoices cannot be read: " + (problems.size() == 1 ? "1 problem" : problems.size() + " problems") + "\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<CsvProblem> problems() {
        return problems;
    }
}
