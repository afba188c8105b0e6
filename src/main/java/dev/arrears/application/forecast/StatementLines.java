package dev.arrears.application.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Marks the reminders that would go as one statement email: the reminders of one customer on one
 * day that may go by email (not those a stage sends through the ledger's own invoice email). The
 * forecast cannot know the organisation's channel, so a reminder on "the organisation's channel"
 * says the statement would be sent if that channel is email.
 */
final class StatementLines {

    private static final String BY_LEDGER = "by the ledger's invoice email";
    private static final String BY_ORGANISATION = "by the organisation's channel";

    private StatementLines() {
    }

    static List<ForecastLine> mark(List<ForecastLine> lines) {
        Map<String, Integer> together = new LinkedHashMap<>();
        for (ForecastLine line : lines) {
            if (mayGoInStatement(line)) {
                together.merge(key(line), 1, Integer::sum);
            }
        }
        List<ForecastLine> marked = new ArrayList<>(lines.size());
        for (ForecastLine line : lines) {
            int count = mayGoInStatement(line) ? together.get(key(line)) : 1;
            if (count < 2) {
                marked.add(line);
                continue;
            }
            String note = line.detail().contains(BY_ORGANISATION)
                    ? "; in one statement with " + count + " invoices if the organisation's channel is email"
                    : "; in one statement with " + count + " invoices";
            marked.add(new ForecastLine(line.date(), line.invoiceNumber(), line.customerName(), line.stage(), line.kind(),
                    line.amount(), line.detail() + note, line.reasons()));
        }
        return marked;
    }

    private static boolean mayGoInStatement(ForecastLine line) {
        return line.kind() == ForecastLine.Kind.REMINDER && !line.detail().contains(BY_LEDGER);
    }

    private static String key(ForecastLine line) {
        return line.date() + "\u001f" + line.customerName();
    }
}
