package dev.arrears.application.forecast;

import dev.arrears.domain.dunning.CollectionsEvent;
import dev.arrears.domain.dunning.Decision;
import dev.arrears.domain.dunning.DunningState;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Forecast lines for collections rules taking effect: a pause starting (with the engine's
 * "suppressed: ..." sentence), a pause ending, a promise judged. Days in the middle of a pause print
 * nothing; the reasons of those decisions still say why (--why).
 */
final class CollectionsLines {

    private CollectionsLines() {
    }

    static void add(InvoiceSnapshot invoice, DunningState before, Decision decision, LocalDate day, List<ForecastLine> lines) {
        String stage = decision.newState().stage().orElse("-");
        List<String> reasons = decision.reasons();
        for (String notice : decision.newState().notices()) {
            if (before.notices().contains(notice)) {
                continue;
            }
            if (notice.startsWith("paused:")) {
                String kind = notice.substring("paused:".length()).split(":")[0];
                lines.add(Forecast.line(invoice, day, stage, ForecastLine.Kind.PAUSED, Optional.empty(),
                        sentence(reasons, "suppressed: " + switch (kind) {
                            case "hold" -> "on hold";
                            case "dispute" -> "disputed";
                            case "promise" -> "promise";
                            default -> "payment plan";
                        }, notice), reasons));
            } else if (notice.startsWith("resumed:")) {
                String key = notice.substring("resumed:".length()).replace(':', ' ');
                lines.add(Forecast.line(invoice, day, stage, ForecastLine.Kind.RESUMED, Optional.empty(),
                        sentence(reasons, key, notice), reasons));
            }
        }
        for (CollectionsEvent event : decision.events()) {
            lines.add(Forecast.line(invoice, day, stage, ForecastLine.Kind.PROMISE, Optional.empty(),
                    sentence(reasons, "promise to pay", event.describe()), reasons));
        }
    }

    private static String sentence(List<String> reasons, String prefix, String fallback) {
        return reasons.stream().filter(r -> r.startsWith(prefix)).findFirst().orElse(fallback);
    }
}
