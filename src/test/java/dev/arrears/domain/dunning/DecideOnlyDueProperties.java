package dev.arrears.domain.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.domain.collections.CollectionsContext;
import dev.arrears.domain.collections.Dispute;
import dev.arrears.domain.collections.DisputeOutcome;
import dev.arrears.domain.collections.DisputeResolution;
import dev.arrears.domain.collections.Hold;
import dev.arrears.domain.collections.HoldScope;
import dev.arrears.domain.collections.LimitationPeriod;
import dev.arrears.domain.collections.PromiseToPay;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.invoice.PaymentApplied;
import dev.arrears.domain.money.Money;
import dev.arrears.domain.policy.Policy;
import dev.arrears.files.policy.PolicyFileLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Item 3 of issue 14: over random histories (payments, moved due dates, holds, promises, disputes,
 * days skipped and cycles repeated within a day), deciding only the invoices that are due — changed
 * since their last decision, never decided, next review day come, or settled while still in dunning —
 * gives the same outbox, cycle after cycle, as deciding every invoice every time. The "due" rule is
 * the one InvoicesToDecide applies in SQL (JpaInvoicesToDecide; the changes are marked by the
 * triggers of V100 for the customers they concern). No daily full decide is run on the "due" side, so
 * the rule has to hold on its own.
 */
class DecideOnlyDueProperties {

    private static final Policy POLICY = new PolicyFileLoader().load(Path.of("config/policies/default.yaml"));
    private static final DunningEngine ENGINE = new DunningEngine();
    private static final String ORG = "org-1";

    @Property(tries = 300)
    void deciding_only_the_due_invoices_gives_the_same_outbox_as_deciding_all(@ForAll long seed) {
        Random random = new Random(seed);
        History history = new History(random);
        World all = new World(invoice -> true);
        World due = new World(null);
        LocalDate day = history.start;
        int cycles = 0;
        for (int step = 0; step < 80; step++) {
            day = day.plusDays(random.nextInt(10) < 7 ? 1 : random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(9));
            Set<String> changed = history.happen(day);
            due.changed(changed);
            all.decide(history, day);
            due.decide(history, day);
            cycles++;
            assertThat(due.outbox).as("outbox after cycle %d on %s (seed %d)", cycles, day, seed).isEqualTo(all.outbox);
        }
    }

    /** What happens to the organisation's invoices and collections facts: the same inputs for both worlds. */
    private static final class History {
        final LocalDate start;
        final Random random;
        final Map<String, InvoiceSnapshot> invoices = new LinkedHashMap<>();
        final List<Hold> holds = new ArrayList<>();
        final List<PromiseToPay> promises = new ArrayList<>();
        final List<Dispute> disputes = new ArrayList<>();
        int ids;

        History(Random random) {
            this.random = random;
            this.start = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300));
            int n = 3 + random.nextInt(6);
            for (int i = 0; i < n; i++) {
                LocalDate dueDate = start.plusDays(20 - random.nextInt(80));
                Money total = Money.of(BigDecimal.valueOf(100 + random.nextInt(5000)), Money.currency("GBP"));
                String id = "inv-" + i;
                invoices.put(id, new InvoiceSnapshot(ORG, id, "INV-" + i, "cust-" + random.nextInt(2), "Customer",
                        dueDate.minusDays(30), Optional.of(dueDate), total, total, InvoiceStatus.OPEN, List.of(), false));
            }
        }

        CollectionsContext context() {
            return new CollectionsContext(holds, disputes, promises, List.of(), Optional.of(LimitationPeriod.DEFAULT));
        }

        /** Something may happen today; @return the invoices it concerns (marked changed, as V100's triggers do). */
        Set<String> happen(LocalDate day) {
            Set<String> changed = new HashSet<>();
            if (random.nextInt(3) != 0) {
                return changed;
            }
            List<String> ids = new ArrayList<>(invoices.keySet());
            InvoiceSnapshot invoice = invoices.get(ids.get(random.nextInt(ids.size())));
            switch (random.nextInt(8)) {
                case 0 -> invoices.put(invoice.invoiceId(), paid(invoice, day, invoice.amountDue()));
                case 1 -> {
                    Money part = Money.of(invoice.amountDue().amount().divide(BigDecimal.valueOf(3), 2, java.math.RoundingMode.DOWN),
                            invoice.currency());
                    if (part.isPositive()) {
                        invoices.put(invoice.invoiceId(), paid(invoice, day, part));
                    }
                }
                case 2 -> invoices.put(invoice.invoiceId(), new InvoiceSnapshot(ORG, invoice.invoiceId(), invoice.number(),
                        invoice.customerId(), invoice.customerName(), invoice.issueDate(),
                        Optional.of(invoice.dueDate().orElseThrow().plusDays(random.nextInt(30) - 10)), invoice.total(),
                        invoice.amountDue(), invoice.status(), invoice.payments(), false));
                case 3 -> holds.add(new Hold("h" + ++this.ids, new HoldScope.Customer(invoice.customerId()), "audit", "ops",
                        day, random.nextBoolean() ? Optional.of(day.plusDays(1 + random.nextInt(12))) : Optional.empty(),
                        Optional.empty()));
                case 4 -> {
                    for (int i = 0; i < holds.size(); i++) {
                        Hold h = holds.get(i);
                        if (h.releasedOn().isEmpty() && h.setOn().isBefore(day)) {
                            holds.set(i, new Hold(h.id(), h.scope(), h.reason(), h.setBy(), h.setOn(), h.resumeOn(), Optional.of(day)));
                            return customerOf(((HoldScope.Customer) h.scope()).customerId());
                        }
                    }
                }
                case 5 -> promises.add(new PromiseToPay("p" + ++this.ids, invoice.invoiceId(), invoice.customerId(), day,
                        day.plusDays(random.nextInt(10)), Optional.empty(), "ops",
                        random.nextInt(4) == 0 ? Optional.of(day.plusDays(1 + random.nextInt(5))) : Optional.empty()));
                case 6 -> {
                    if (disputes.stream().noneMatch(d -> d.invoiceId().equals(invoice.invoiceId()) && d.resolution().isEmpty())) {
                        disputes.add(new Dispute("d" + ++this.ids, invoice.invoiceId(), "wrong amount", "ops", day, Optional.empty()));
                    }
                }
                default -> {
                    for (int i = 0; i < disputes.size(); i++) {
                        Dispute d = disputes.get(i);
                        if (d.resolution().isEmpty()) {
                            disputes.set(i, new Dispute(d.id(), d.invoiceId(), d.reason(), d.raisedBy(), d.raisedOn(),
                                    Optional.of(new DisputeResolution(day, DisputeOutcome.REJECTED, "no", "ops"))));
                            return customerOf(invoices.get(d.invoiceId()).customerId());
                        }
                    }
                }
            }
            // A payment or a moved date changes the invoice; a fact concerns the invoice's customer.
            changed.addAll(customerOf(invoice.customerId()));
            return changed;
        }

        Set<String> customerOf(String customerId) {
            Set<String> ids = new HashSet<>();
            invoices.values().stream().filter(i -> i.customerId().equals(customerId)).forEach(i -> ids.add(i.invoiceId()));
            return ids;
        }

        private static InvoiceSnapshot paid(InvoiceSnapshot invoice, LocalDate day, Money amount) {
            List<PaymentApplied> payments = new ArrayList<>(invoice.payments());
            payments.add(new PaymentApplied(day, amount));
            Money left = invoice.amountDue().minus(amount);
            return new InvoiceSnapshot(ORG, invoice.invoiceId(), invoice.number(), invoice.customerId(), invoice.customerName(),
                    invoice.issueDate(), invoice.dueDate(), invoice.total(), left,
                    left.isPositive() ? InvoiceStatus.OPEN : InvoiceStatus.PAID, payments, false);
        }
    }

    /** One way of deciding: states, the outbox (action key to status) and what changed since decided. */
    private static final class World {
        final Predicate<InvoiceSnapshot> decidesAll;
        final Map<String, DunningState> states = new LinkedHashMap<>();
        final Map<String, String> outbox = new LinkedHashMap<>();
        final Set<String> changed = new HashSet<>();

        World(Predicate<InvoiceSnapshot> decidesAll) {
            this.decidesAll = decidesAll;
        }

        void changed(Set<String> invoices) {
            changed.addAll(invoices);
        }

        void decide(History history, LocalDate today) {
            CollectionsContext context = history.context();
            for (InvoiceSnapshot invoice : history.invoices.values()) {
                DunningState before = states.get(invoice.invoiceId());
                boolean inDunning = before != null
                        && (before.status() == DunningStatus.ACTIVE || before.status() == DunningStatus.FLAGGED);
                boolean candidate = invoice.status() == InvoiceStatus.OPEN || inDunning;
                if (!candidate || !(decidesAll != null || isDue(invoice, before, today))) {
                    continue;
                }
                if (invoice.isSettled()) {
                    cancelPending(invoice.invoiceId());
                }
                Decision decision = ENGINE.decide(invoice, before == null ? DunningState.initial() : before, POLICY, today, context);
                changed.remove(invoice.invoiceId());
                if (before != null && decision.plansNothing() && decision.newState().equals(before)) {
                    continue;
                }
                states.put(invoice.invoiceId(), decision.newState());
                if (!decision.cancellations().isEmpty()) {
                    cancelPending(invoice.invoiceId());
                }
                decision.actions().forEach(a -> outbox.putIfAbsent(a.key().value(), "PENDING"));
                if (!decision.events().isEmpty()) {
                    // A judged promise is stored on the promise: its customer's invoices are changed (V100's trigger).
                    changed.addAll(history.customerOf(invoice.customerId()));
                }
            }
        }

        private boolean isDue(InvoiceSnapshot invoice, DunningState before, LocalDate today) {
            return invoice.status() != InvoiceStatus.OPEN || changed.contains(invoice.invoiceId()) || before == null
                    || before.nextReviewOn().map(d -> !d.isAfter(today)).orElse(false);
        }

        private void cancelPending(String invoiceId) {
            outbox.replaceAll((key, status) -> key.startsWith(ORG + ":" + invoiceId + ":") && status.equals("PENDING")
                    ? "CANCELLED" : status);
        }
    }
}
