package dev.arrears.cli.demo;

import dev.arrears.domain.dunning.Decision;
import dev.arrears.domain.dunning.DunningEngine;
import dev.arrears.domain.dunning.DunningState;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import dev.arrears.domain.policy.Policy;
import dev.arrears.files.policy.PolicyFileLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dunning engine alone: decisions per second on one thread, for invoices spread over every
 * stage of the default policy (from 40 days before their due date to 80 days after it).
 */
final class EngineBenchmark {

    private EngineBenchmark() {
    }

    /** Returns decisions per second of the best of {@code rounds} timed passes over {@code count} invoices (after one warm-up pass). */
    static double decisionsPerSecond(Path policyFile, int count, int rounds) {
        Policy policy = new PolicyFileLoader().load(policyFile);
        DunningEngine engine = new DunningEngine();
        LocalDate today = LocalDate.of(2026, 6, 1);
        List<InvoiceSnapshot> invoices = new ArrayList<>(count);
        String[] currencies = {"USD", "GBP", "EUR", "AUD"};
        for (int i = 0; i < count; i++) {
            LocalDate due = today.plusDays(40 - (i % 121));
            Money total = Money.of((100 + i % 900) + ".00", currencies[i % currencies.length]);
            invoices.add(new InvoiceSnapshot("bench-org", "inv-" + i, "INV-" + i, "cust-" + (i % 40), "Customer " + (i % 40),
                    due.minusDays(30), Optional.of(due), total, total, InvoiceStatus.OPEN, List.of(), false));
        }
        long sink = 0;
        double best = 0;
        for (int round = 0; round <= rounds; round++) {
            long t = System.nanoTime();
            for (InvoiceSnapshot invoice : invoices) {
                Decision d = engine.decide(invoice, DunningState.initial(), policy, today);
                sink += d.hashCode() & 1;
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            if (round > 0) {
                best = Math.max(best, count / seconds);
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return best;
    }
}
