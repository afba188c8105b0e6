package dev.arrears.application.console;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.Outbox;
import dev.arrears.application.Transactions;
import dev.arrears.application.UnknownOrganisationException;
import dev.arrears.application.collections.CollectionsStore;
import dev.arrears.domain.collections.HoldScope;
import dev.arrears.domain.collections.Instalment;
import dev.arrears.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person's actions on one invoice from the console: a hold, a dispute, a promise to pay, a payment plan. Each is
 * the same collections fact the admin API records; the invoice's pending actions are cancelled at
 * once (the engine would stop them at its next decision, and the dispatcher right before writing),
 * so the queue the accountant looks at is right now. Audited with the user's name, in one
 * transaction with the change.
 */
public final class InvoiceActions {

    private final OrganisationStore organisations;
    private final CollectionsStore collections;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public InvoiceActions(OrganisationStore organisations, CollectionsStore collections, Outbox outbox, AuditTrail audit,
                          Transactions transactions, Clock clock) {
        this.organisations = organisations;
        this.collections = collections;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public void hold(ConsoleAccess access, InvoiceRef invoice, String reason, Optional<LocalDate> resumeOn) {
        Organisation organisation = changeable(access, invoice);
        String why = required(reason, "the reason for the hold");
        transactions.inOne(() -> {
            collections.placeHold(invoice.organisationId(), new HoldScope.Invoice(invoice.providerInvoiceId()), why,
                    access.user().username(), today(organisation), resumeOn);
            outbox.cancelPendingFor(invoice, "on hold: " + why);
            return audited(access, invoice, "hold", access.user().displayName() + " put the invoice on hold: " + why);
        });
    }

    public void dispute(ConsoleAccess access, InvoiceRef invoice, String reason) {
        Organisation organisation = changeable(access, invoice);
        String why = required(reason, "what the customer disputes");
        transactions.inOne(() -> {
            collections.raiseDispute(invoice.organisationId(), invoice.providerInvoiceId(), why, access.user().username(),
                    today(organisation));
            outbox.cancelPendingFor(invoice, "disputed: " + why);
            return audited(access, invoice, "dispute", access.user().displayName() + " recorded a dispute: " + why);
        });
    }

    /** The customer promised to pay by {@code payBy}: chasing waits until then. */
    public void promise(ConsoleAccess access, InvoiceRef invoice, String customerId, LocalDate payBy) {
        Organisation organisation = changeable(access, invoice);
        LocalDate today = today(organisation);
        if (payBy == null || payBy.isBefore(today)) {
            throw new IllegalArgumentException("The promised date must be today or later.");
        }
        transactions.inOne(() -> {
            collections.recordPromise(invoice.organisationId(), invoice.providerInvoiceId(), customerId, today, payBy,
                    Optional.empty(), access.user().username());
            outbox.cancelPendingFor(invoice, "promise to pay by " + payBy);
            return audited(access, invoice, "promise", access.user().displayName() + " recorded a promise to pay by " + payBy);
        });
    }

    /**
     * The customer agreed to pay {@code owed} in {@code count} monthly instalments from {@code firstDueOn}:
     * a payment plan over this invoice, which the engine honours (no ladder reminders or fees while it
     * is kept, a courtesy reminder before each instalment, a reminder and then a task when one is missed).
     * Equal instalments in the currency's minor units; the last takes what rounding leaves.
     */
    public void plan(ConsoleAccess access, InvoiceRef invoice, String customerId, Money owed, int count, LocalDate firstDueOn) {
        Organisation organisation = changeable(access, invoice);
        LocalDate today = today(organisation);
        if (count < 1 || count > MAX_INSTALMENTS) {
            throw new IllegalArgumentException("A payment plan has 1 to " + MAX_INSTALMENTS + " instalments.");
        }
        if (firstDueOn == null || firstDueOn.isBefore(today)) {
            throw new IllegalArgumentException("The first instalment must be due today or later.");
        }
        if (!owed.isPositive()) {
            throw new IllegalArgumentException("Nothing is owed on this invoice: there is nothing to plan.");
        }
        List<Instalment> instalments = instalments(owed, count, firstDueOn);
        transactions.inOne(() -> {
            var plan = collections.agreePlan(invoice.organisationId(), customerId, List.of(invoice.providerInvoiceId()), today,
                    instalments, access.user().username());
            outbox.cancelPendingFor(invoice, "payment plan " + plan.id() + " agreed");
            return audited(access, invoice, "plan", access.user().displayName() + " agreed a payment plan: " + count
                    + " monthly instalments of " + instalments.getFirst().amount() + " from " + firstDueOn);
        });
    }

    static final int MAX_INSTALMENTS = 24;

    static List<Instalment> instalments(Money owed, int count, LocalDate firstDueOn) {
        Money each = Money.rounded(owed.amount().divide(BigDecimal.valueOf(count), 10, RoundingMode.DOWN), owed.currency(),
                RoundingMode.DOWN);
        List<Instalment> instalments = new ArrayList<>();
        Money left = owed;
        for (int i = 1; i <= count; i++) {
            Money amount = i == count ? left : each;
            instalments.add(new Instalment(i, firstDueOn.plusMonths(i - 1L), amount));
            left = left.minus(amount);
        }
        return instalments;
    }

    LocalDate today(Organisation organisation) {
        return LocalDate.ofInstant(clock.instant(), organisation.timeZone());
    }

    private Organisation changeable(ConsoleAccess access, InvoiceRef invoice) {
        access.requireChange(invoice.organisationId());
        return organisations.find(invoice.organisationId())
                .orElseThrow(() -> new UnknownOrganisationException(invoice.organisationId()));
    }

    private boolean audited(ConsoleAccess access, InvoiceRef invoice, String action, String message) {
        audit.append(AuditEvent.forInvoice(invoice, AuditKind.CONSOLE_ACTION, Optional.empty(), Optional.empty(),
                Map.of("user", access.user().username(), "action", action), message));
        return true;
    }

    static String required(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Say " + what + ".");
        }
        return text.strip();
    }
}
