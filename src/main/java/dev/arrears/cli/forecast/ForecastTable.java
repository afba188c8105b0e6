package dev.arrears.cli.forecast;

import dev.arrears.application.forecast.ForecastLine;
import dev.arrears.application.forecast.ForecastReport;
import dev.arrears.domain.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prints a forecast as a plain-text table: one line per action, each line carrying its date so it
 * can be read (or grepped) alone, and a blank line between days.
 */
public final class ForecastTable {

    private static final String[] HEADINGS = {"DATE", "INVOICE", "CUSTOMER", "STAGE", "ACTION", "AMOUNT", "DETAIL"};
    private static final int MAX_CUSTOMER = 28;
    private static final int MAX_STAGE = 24;

    public String render(ForecastReport report, String invoicesSource, boolean why) {
        return render(report, invoicesSource, why, java.util.Optional.empty());
    }

    /** @param eventsSource the events file, when the forecast was given one */
    public String render(ForecastReport report, String invoicesSource, boolean why, java.util.Optional<String> eventsSource) {
        return render(report, invoicesSource, why, eventsSource, java.util.Optional.empty());
    }

    /** @param sendRules a sentence on the send rules reminders went through, when they were given */
    public String render(ForecastReport report, String invoicesSource, boolean why, java.util.Optional<String> eventsSource,
                         java.util.Optional<String> sendRules) {
        StringBuilder out = new StringBuilder();
        out.append("Forecast of policy '").append(report.policy().id()).append("' (").append(report.policy().source())
                .append(", version ").append(report.policy().version()).append(")\n");
        long days = report.to().toEpochDay() - report.from().toEpochDay() + 1;
        out.append(report.invoices()).append(report.invoices() == 1 ? " invoice from " : " invoices from ").append(invoicesSource).append(", ")
                .append(report.from()).append(" to ").append(report.to()).append(" (").append(days).append(days == 1 ? " day" : " days")
                .append(eventsSource.map(e -> "), with the events in " + e + ". Nothing is sent.\n\n")
                        .orElse("), assuming nobody pays. Nothing is sent.\n\n"));
        sendRules.ifPresent(rules -> out.insert(out.length() - 1, "Reminders wait for the send rules: " + rules + ".\n"));
        if (report.lines().isEmpty()) {
            return out.append("Nothing would happen in these days.\n").toString();
        }
        List<String[]> rows = report.lines().stream().map(ForecastTable::cells).toList();
        int[] widths = widths(rows);
        out.append(row(HEADINGS, widths)).append('\n');
        LocalDate previous = null;
        for (int i = 0; i < rows.size(); i++) {
            ForecastLine line = report.lines().get(i);
            if (previous != null && !line.date().equals(previous)) {
                out.append('\n');
            }
            out.append(row(rows.get(i), widths)).append('\n');
            boolean lastOfInvoiceDay = i + 1 == rows.size() || !report.lines().get(i + 1).date().equals(line.date())
                    || !report.lines().get(i + 1).invoiceNumber().equals(line.invoiceNumber());
            if (why && lastOfInvoiceDay) {
                String indent = " ".repeat(widths[0] + 2);
                line.reasons().forEach(reason -> out.append(indent).append("why: ").append(reason).append('\n'));
            }
            previous = line.date();
        }
        return out.append('\n').append(summary(report.lines())).toString();
    }

    private static String[] cells(ForecastLine line) {
        return new String[] {line.date().toString(), line.invoiceNumber(), shorten(line.customerName(), MAX_CUSTOMER),
                shorten(line.stage(), MAX_STAGE), line.kind().label(), line.amount().map(Money::toString).orElse(""),
                line.detail()};
    }

    private static int[] widths(List<String[]> rows) {
        int[] widths = new int[HEADINGS.length];
        for (int c = 0; c < HEADINGS.length; c++) {
            widths[c] = HEADINGS[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        return widths;
    }

    private static String row(String[] cells, int[] widths) {
        StringBuilder row = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            boolean last = c == cells.length - 1;
            boolean amount = c == 5;
            String cell = cells[c];
            if (last) {
                row.append(cell);
            } else {
                String padding = " ".repeat(widths[c] - cell.length());
                row.append(amount ? padding + cell : cell + padding).append("  ");
            }
        }
        return row.toString().stripTrailing();
    }

    private static String singular(ForecastLine.Kind kind) {
        return switch (kind) {
            case SKIPPED_STAGE -> "skipped stage";
            case PAUSED -> "pause";
            case RESUMED -> "resumption";
            case FEE_NOT_CHARGED -> "fee not charged";
            case DEFERRED -> "deferral";
            default -> kind.label();
        };
    }

    private static String plural(ForecastLine.Kind kind) {
        return switch (kind) {
            case SKIPPED_STAGE -> "skipped stages";
            case PAUSED -> "pauses";
            case RESUMED -> "resumptions";
            case FEE_NOT_CHARGED -> "fees not charged";
            case DEFERRED -> "deferrals";
            default -> kind.label() + "s";
        };
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    /** Counts by kind and fee totals by currency, so the cost of a policy change is visible at a glance. */
    private static String summary(List<ForecastLine> lines) {
        Map<ForecastLine.Kind, Long> counts = lines.stream()
                .collect(Collectors.groupingBy(ForecastLine::kind, TreeMap::new, Collectors.counting()));
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, count) -> parts.add(count + " " + (count == 1 ? singular(kind) : plural(kind))));
        Map<String, Money> fees = lines.stream().flatMap(l -> l.amount().stream())
                .collect(Collectors.toMap(m -> m.currency().getCurrencyCode(), Function.identity(), Money::plus, TreeMap::new));
        String total = fees.isEmpty() ? "" : "\nLate fees in total: "
                + fees.values().stream().map(Money::toString).collect(Collectors.joining(", "));
        long invoices = lines.stream().map(ForecastLine::invoiceNumber).distinct().count();
        return "Summary: " + String.join(", ", parts) + " on " + invoices + (invoices == 1 ? " invoice" : " invoices") + total + "\n";
    }
}
