package dev.arrears.application.forecast;

import dev.arrears.domain.policy.Policy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a policy would do to a set of invoices over a run of days, in date order.
 *
 * @param from     the first day decided
 * @param to       the last day decided (inclusive)
 * @param invoices how many invoices were considered
 * @param lines    every action and skipped stage, by date, then in the order of the invoice list
 */
public record ForecastReport(Policy policy, LocalDate from, LocalDate to, int invoices, List<ForecastLine> lines) {

    public ForecastReport {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        lines = List.copyOf(lines);
    }

    /** Lines grouped by day, only days on which something happens. */
    public Map<LocalDate, List<ForecastLine>> byDate() {
        return lines.stream().collect(Collectors.groupingBy(ForecastLine::date, TreeMap::new, Collectors.toList()));
    }

    public List<ForecastLine> linesFor(String invoiceNumber) {
        return lines.stream().filter(l -> l.invoiceNumber().equals(invoiceNumber)).toList();
    }
}
