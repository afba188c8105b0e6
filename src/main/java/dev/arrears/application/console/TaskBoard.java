package dev.arrears.application.console;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.Outbox;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.Transactions;
import dev.arrears.application.email.StatementTasks;
import dev.arrears.domain.money.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything waiting for a person, derived from the state Arrears already keeps: actions in
 * NEEDS_HUMAN (the policy's "call the customer" flags, writes the ledger refused, actions in doubt
 * that gave up) and organisations whose connection needs renewing. A task is closed with an outcome
 * that the engine takes into account: a promise to pay (chasing waits until its date), a dispute, a
 * hold, or "resolved"; the waiting action is then done, so the invoice leaves NEEDS_HUMAN.
 */
public final class TaskBoard {

    /** One task; {@code actionId} and the invoice are empty for an organisation that needs reconnecting. */
    public record Task(Optional<UUID> actionId, OrganisationId organisationId, String organisationName,
                       Optional<String> providerInvoiceId, Optional<String> invoiceNumber, String kind, String what,
                       boolean inDoubt, Optional<String> assignee) {
    }

    /** How a person closed a task. */
    public sealed interface Outcome {
        record PromiseToPay(LocalDate payBy) implements Outcome {
        }

        record Dispute(String reason) implements Outcome {
        }

        record Hold(String reason) implements Outcome {
        }

        /** {@code instalments} monthly instalments of what the invoice owes, the first due on {@code firstDueOn}. */
        record PaymentPlan(int instalments, LocalDate firstDueOn) implements Outcome {
        }

        record Resolved(String note) implements Outcome {
        }
    }

    private final OrganisationStore organisations;
    private final ConsoleViews views;
    private final ConsoleAccounts accounts;
    private final Clock clock;
    private final Outbox outbox;
    private final InvoiceActions invoices;
    private final AuditTrail audit;
    private final Transactions transactions;

    public TaskBoard(OrganisationStore organisations, ConsoleViews views, ConsoleAccounts accounts, Outbox outbox,
                     InvoiceActions invoices, AuditTrail audit, Transactions transactions, Clock clock) {
        this.organisations = organisations;
        this.views = views;
        this.accounts = accounts;
        this.clock = clock;
        this.outbox = outbox;
        this.invoices = invoices;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** The tasks of the organisations the user sees: reconnections first, then waiting actions, oldest first. */
    public List<Task> open(ConsoleAccess access) {
        List<Task> tasks = new ArrayList<>();
        for (Organisation o : organisations.list()) {
            if (access.canRead(o.id()) && o.mode() == OrganisationMode.NEEDS_RECONNECT) {
                tasks.add(new Task(Optional.empty(), o.id(), o.displayName(), Optional.empty(), Optional.empty(), "Reconnect",
                        "The ledger connection must be renewed: nothing is read or written until then.", false,
                        Optional.empty()));
            }
        }
        for (ConsoleViews.WaitingAction w : views.waiting(access.seesEveryOrganisation() ? Optional.empty()
                : Optional.of(access.assigned()))) {
            if (StatementTasks.isCovered(w.reason())) {
                continue;   // waits with the task of its statement's first reminder
            }
            String kind = w.kind().equals("FLAG_FOR_PERSON") ? "Policy flag" : w.inDoubt() ? "In doubt" : "Refused write";
            tasks.add(new Task(Optional.of(w.actionId()), w.organisationId(), w.organisationName(),
                    Optional.of(w.providerInvoiceId()), Optional.of(w.invoiceNumber()), kind, w.reason(), w.inDoubt(),
                    w.assignee()));
        }
        return tasks;
    }

    /**
     * Gives a waiting action to a user who may work the organisation.
     *
     * @throws IllegalArgumentException when there is no such task or user, or the user may not change the organisation
     */
    public void assign(ConsoleAccess access, OrganisationId organisation, UUID actionId, String username) {
        access.requireChange(organisation);
        ConsoleAccess assignee = accounts.user(username).map(accounts::access)
                .orElseThrow(() -> new IllegalArgumentException("There is no user '" + username + "'."));
        if (!assignee.canChange(organisation)) {
            throw new IllegalArgumentException(assignee.user().displayName() + " cannot work this organisation.");
        }
        transactions.inOne(() -> {
            OutboxEntry entry = outbox.list(organisation, OutboxStatus.NEEDS_HUMAN).stream()
                    .filter(e -> e.id().equals(actionId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("This task is no longer open."));
            views.assignTask(actionId, assignee.user().id(), access.user().username(), clock.instant());
            audit.append(AuditEvent.forInvoice(entry.invoice(), AuditKind.CONSOLE_ACTION, Optional.of(entry.action().key()),
                    Optional.empty(), Map.of("user", access.user().username(), "action", "task-assigned",
                            "assignee", assignee.user().username()),
                    access.user().displayName() + " gave the task to " + assignee.user().displayName()));
            return entry;
        });
    }

    /**
     * Closes the task of a waiting action with the outcome, in one transaction with the fact it records.
     *
     * @throws IllegalArgumentException when there is no such task waiting (closed meanwhile, say)
     */
    public void close(ConsoleAccess access, OrganisationId organisation, UUID actionId, String customerId, Outcome outcome) {
        access.requireChange(organisation);
        transactions.inOne(() -> {
            OutboxEntry entry = outbox.closeNeedsHuman(organisation, actionId, describe(outcome) + " (" + access.user().username() + ")")
                    .orElseThrow(() -> new IllegalArgumentException("This task is no longer open."));
            closeCoveredReminders(organisation, entry, describe(outcome) + " with the task on invoice "
                    + entry.invoice().providerInvoiceId() + " (" + access.user().username() + ")");
            switch (outcome) {
                case Outcome.PromiseToPay p -> invoices.promise(access, entry.invoice(), customerId, p.payBy());
                case Outcome.Dispute d -> invoices.dispute(access, entry.invoice(), d.reason());
                case Outcome.Hold h -> invoices.hold(access, entry.invoice(), h.reason(), Optional.empty());
                case Outcome.PaymentPlan p -> {
                    ConsoleViews.InvoiceLine line = views.invoice(organisation, entry.invoice().providerInvoiceId(), clock.instant())
                            .orElseThrow(() -> new IllegalArgumentException("The invoice of this task is not in the mirror."));
                    invoices.plan(access, entry.invoice(), line.customerId(),
                            Money.of(line.amountDue(), Money.currency(line.currency())), p.instalments(), p.firstDueOn());
                }
                case Outcome.Resolved r -> audit.append(AuditEvent.forInvoice(entry.invoice(), AuditKind.CONSOLE_ACTION,
                        Optional.of(entry.action().key()), Optional.empty(),
                        Map.of("user", access.user().username(), "action", "task-resolved"),
                        access.user().displayName() + " closed the task: resolved, nothing to do"
                                + (r.note() == null || r.note().isBlank() ? "" : " (" + r.note().strip() + ")")));
            }
            return entry;
        });
    }

    /** A statement's task closes the reminders that waited with it (their reasons name its Message-ID). */
    private void closeCoveredReminders(OrganisationId organisation, OutboxEntry task, String outcome) {
        Optional<String> messageId = task.statusReason().flatMap(StatementTasks::messageId);
        if (messageId.isEmpty()) {
            return;
        }
        for (OutboxEntry waiting : outbox.list(organisation, OutboxStatus.NEEDS_HUMAN)) {
            String reason = waiting.statusReason().orElse("");
            if (StatementTasks.isCovered(reason) && StatementTasks.messageId(reason).equals(messageId)) {
                outbox.closeNeedsHuman(organisation, waiting.id(), outcome);
            }
        }
    }

    static String describe(Outcome outcome) {
        return switch (outcome) {
            case Outcome.PromiseToPay p -> "closed with a promise to pay by " + p.payBy();
            case Outcome.Dispute d -> "closed as disputed";
            case Outcome.Hold h -> "closed with a hold";
            case Outcome.PaymentPlan p -> "closed with a payment plan of " + p.instalments() + " instalments";
            case Outcome.Resolved r -> "closed: resolved, nothing to do";
        };
    }
}
