package dev.arrears.domain.testing;

import dev.arrears.domain.collections.CollectionsContext;
import dev.arrears.domain.dunning.Decision;
import dev.arrears.domain.dunning.DunningEngine;
import dev.arrears.domain.dunning.DunningState;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.policy.Policy;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Runs the engine once a day, feeding each decision's state into the next, as the daemon would. */
public final class DailyRun {

    private final DunningEngine engine = new DunningEngine();
    private final Policy policy;
    private final Function<LocalDate, InvoiceSnapshot> invoiceOn;
    private final Map<LocalDate, Decision> decisions = new LinkedHashMap<>();
    private DunningState state = DunningState.initial();
    private CollectionsContext context = CollectionsContext.NONE;

    private DailyRun(Policy policy, Function<LocalDate, InvoiceSnapshot> invoiceOn) {
        this.policy = policy;
        this.invoiceOn = invoiceOn;
    }

    public static DailyRun of(Policy policy, InvoiceSnapshot invoice) {
        return new DailyRun(policy, day -> invoice);
    }

    /** For invoices that change over time (payments, a moved due date): the snapshot as synced that day. */
    public static DailyRun of(Policy policy, Function<LocalDate, InvoiceSnapshot> invoiceOn) {
        return new DailyRun(policy, invoiceOn);
    }

    public DailyRun from(DunningState start) {
        this.state = start;
        return this;
    }

    /** Holds, disputes, promises and plans: dated facts, so one context serves every day of the run. */
    public DailyRun with(CollectionsContext facts) {
        this.context = facts;
        return this;
    }

    public Decision on(LocalDate day) {
        Decision decision = engine.decide(invoiceOn.apply(day), state, policy, day, context);
        decisions.put(day, decision);
        state = decision.newState();
        return decision;
    }

    /** Every day from {@code first} to {@code last}, both included; returns the last decision. */
    public Decision daily(LocalDate first, LocalDate last) {
        Decision decision = null;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            decision = on(day);
        }
        return decision;
    }

    public DunningState state() {
        return state;
    }

    public Map<LocalDate, Decision> decisions() {
        return decisions;
    }
}
