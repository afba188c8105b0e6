package dev.arrears.application.cycle;

import dev.arrears.application.AuditKind;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.LogContext;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.ledger.Evidence;
import dev.arrears.application.ledger.InvoiceReading;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.application.ledger.LedgerGateway;
import dev.arrears.application.ledger.LedgerWrite;
import dev.arrears.application.ledger.WriteOutcome;
import dev.arrears.domain.contact.ContactChannel;
import dev.arrears.domain.contact.ContactRecord;
import dev.arrears.domain.contact.NoSendSlotException;
import dev.arrears.domain.contact.SendSlot;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.policy.ReminderChannel;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One attempt at one claimed action, outside any transaction: re-read the invoice, check it may
 * still be chased, look for the evidence of an attempt in doubt, write, and say what to store.
 * Every ledger call's failure is caught and sorted; nothing here throws for the ledger's sake.
 */
final class ActionAttempt {

    private final Clock clock;
    private final DispatchSettings settings;
    private final OrganisationStore organisations;
    private final InvoiceStore invoices;
    private final PaymentCancellation payments;
    private final CycleBook book;
    private final LedgerGateways gateways;
    private final List<ChaseGuard> guards;
    private final RetryBackoff backoff;
    private final SendRulesCheck sendRules;
    private final ActionClaims claims;
    private final ReplicaId replica;
    private final EmailReminders emails;
    private final StageReminderWait stageWait;

    ActionAttempt(ReplicaId replica, ActionClaims claims, Clock clock, DispatchSettings settings, OrganisationStore organisations, InvoiceStore invoices,
                  PaymentCancellation payments, CycleBook book, LedgerGateways gateways, List<ChaseGuard> guards,
                  RetryBackoff backoff, SendRulesCheck sendRules) {
        this(replica, claims, clock, settings, organisations, invoices, payments, book, gateways, guards, backoff, sendRules,
                EmailReminders.LEDGER_ONLY);
    }

    ActionAttempt(ReplicaId replica, ActionClaims claims, Clock clock, DispatchSettings settings, OrganisationStore organisations, InvoiceStore invoices,
                  PaymentCancellation payments, CycleBook book, LedgerGateways gateways, List<ChaseGuard> guards,
                  RetryBackoff backoff, SendRulesCheck sendRules, EmailReminders emails) {
        this(replica, claims, clock, settings, organisations, invoices, payments, book, gateways, guards, backoff, sendRules, emails,
                StageReminderWait.NONE);
    }

    /** @param stageWait holds a stage's fee and note until the stage's reminder is done */
    ActionAttempt(ReplicaId replica, ActionClaims claims, Clock clock, DispatchSettings settings, OrganisationStore organisations, InvoiceStore invoices,
                  PaymentCancellation payments, CycleBook book, LedgerGateways gateways, List<ChaseGuard> guards,
                  RetryBackoff backoff, SendRulesCheck sendRules, EmailReminders emails, StageReminderWait stageWait) {
        this.stageWait = stageWait;
        this.emails = emails;
        this.clock = clock;
        this.settings = settings;
        this.organisations = organisations;
        this.invoices = invoices;
        this.payments = payments;
        this.book = book;
        this.gateways = gateways;
        this.guards = List.copyOf(guards);
        this.backoff = backoff;
        this.sendRules = sendRules;
        this.claims = claims;
        this.replica = replica;
    }

    Settlement run(ClaimedAction claimed) {
        return run(claimed, new RunContacts());
    }

    /** @param contacts the customer contacts of this dispatch run, which this action's reminder may join */
    Settlement run(ClaimedAction claimed, RunContacts contacts) {
        OutboxEntry entry = claimed.entry();
        try (LogContext.Scope organisation = LogContext.organisation(entry.invoice().organisationId());
             LogContext.Scope action = LogContext.action(entry.action().key().value())) {
            return runNamed(claimed, contacts);
        }
    }

    private Settlement runNamed(ClaimedAction claimed, RunContacts contacts) {
        OutboxEntry entry = claimed.entry();
        InvoiceRef invoice = entry.invoice();
        Optional<Organisation> organisation = organisations.find(invoice.organisationId());
        if (organisation.isEmpty() || organisation.get().mode() != OrganisationMode.LIVE) {
            // Paused or switched to preview after the claim: put back untouched, not an attempt.
            return Settlement.quiet(new ClaimResult.Retry(clock.instant(), false, claimed.inDoubt(),
                    "organisation is not live"));
        }
        if (entry.action() instanceof PlannedAction.FlagForPerson flag) {
            return flag(invoice, flag);
        }
        Optional<LedgerGateway> gateway = gateways.forProvider(organisation.get().provider());
        if (gateway.isEmpty()) {
            String why = LedgerGateways.missing(organisation.get().provider());
            return Settlement.quiet(new ClaimResult.Retry(backoff.next(clock.instant(), 1, Optional.empty()), false,
                    claimed.inDoubt(), why));
        }
        if (claimed.inDoubt() && emails.isEmail(organisation.get(), entry, invoices.load(invoice).map(InvoiceSnapshot::customerId).orElse(""))) {
            return EmailAttempt.mayHaveBeenSent(claimed);
        }
        if (claimed.inDoubt()) {
            // An earlier attempt may be in the ledger: find out first, so that neither the send rules nor a
            // guard defers or cancels a write that happened (it is done), nor lets a key's lifetime run out.
            return attempt(claimed, organisation.get(), gateway.get(), contacts);
        }
        Optional<Settlement> waiting = stageWait.check(claimed);
        if (waiting.isPresent()) {
            return waiting.get();   // a stage's fee or note goes with the stage's reminder, never before it
        }
        Optional<RunContacts.Contact> contact = Optional.empty();
        if (entry.action() instanceof PlannedAction.SendReminder) {
            Optional<InvoiceSnapshot> stored = invoices.load(invoice);
            if (stored.isPresent()) {   // otherwise the attempt finds out what became of the invoice
                Gate gate = sendRules(claimed, organisation.get(), stored.get(), contacts);
                if (gate.deferred().isPresent()) {
                    return gate.deferred().get();
                }
                contact = gate.contact();
            }
        }
        return attempt(claimed, gateway.get(), reread(entry.invoice(), gateway.get()), contact, false);
    }

    /** What the send rules say about a reminder: wait ({@code deferred}), or go as (part of) a contact. */
    private record Gate(Optional<Settlement> deferred, Optional<RunContacts.Contact> contact) {
    }

    private Gate sendRules(ClaimedAction claimed, Organisation organisation, InvoiceSnapshot invoice, RunContacts contacts) {
        OrganisationId org = claimed.entry().invoice().organisationId();
        Optional<RunContacts.Contact> joined = contacts.joined(org, invoice.customerId());
        if (joined.isPresent()) {
            // another reminder of this customer in this run opened the contact; this one is part of it.
            return new Gate(Optional.empty(), joined);
        }
        Optional<Settlement> deferred = deferredBySendRules(claimed, organisation, invoice);
        if (deferred.isPresent()) {
            return new Gate(deferred, Optional.empty());
        }
        return new Gate(Optional.empty(), Optional.of(contacts.open(org, invoice.customerId(), claimed.entry().action(), clock.instant())));
    }

    /**
     * An action an earlier attempt may have carried out: the invoice re-read, the evidence looked for
     * before anything else; only when there is none do the send rules, the payment check and the
     * guards decide, as for a first attempt.
     */
    private Settlement attempt(ClaimedAction claimed, Organisation organisation, LedgerGateway gateway, RunContacts contacts) {
        OutboxEntry entry = claimed.entry();
        InvoiceReading reading = reread(entry.invoice(), gateway);
        if (!(reading instanceof InvoiceReading.Found found)) {
            return attempt(claimed, gateway, reading, Optional.empty(), true);   // gone or failed: as for any attempt
        }
        Optional<LedgerWrite> write;
        try {
            write = LedgerWrites.of(entry.action(), found.invoice());
        } catch (IllegalArgumentException e) {
            write = Optional.empty();
        }
        if (write.isEmpty()) {
            return attempt(claimed, gateway, reading, Optional.empty(), true);
        }
        Evidence evidence = lookFor(claimed, gateway, write.get());
        Optional<Settlement> known = settled(claimed, evidence, found.invoice(), Optional.empty());
        if (known.isPresent()) {
            return known.get();
        }
        // No trace: the send rules, the payment check and the guards decide as for a first attempt; the
        // action stays in doubt until a write settles it. A repeat the provider answers from its key only
        // for a while goes now (the earlier attempt was inside the send rules), unless paid or guarded.
        Optional<RunContacts.Contact> contact = Optional.empty();
        if (entry.action() instanceof PlannedAction.SendReminder && !(evidence instanceof Evidence.RepeatNow)) {
            Gate gate = sendRules(claimed, organisation, found.invoice(), contacts);
            if (gate.deferred().isPresent()) {
                return gate.deferred().get();
            }
            contact = gate.contact();
        }
        // The invoice read above, before the evidence, is fresh enough: reading it again would cost a
        // ledger call per action in doubt and see nothing a payment check a moment earlier did not.
        // After "no trace" the earlier attempt is known not to be in the ledger; a repeat under a kept
        // key knows nothing of it, so if the repeat fails too, the action is still in doubt.
        return attempt(claimed, gateway, reading, contact, evidence instanceof Evidence.RepeatNow);
    }

    private static InvoiceReading reread(InvoiceRef ref, LedgerGateway gateway) {
        try {
            return gateway.reread(ref.organisationId(), ref.providerInvoiceId());
        } catch (RuntimeException e) {
            return new InvoiceReading.Failed(new LedgerFailure.RetryLater("re-reading the invoice failed: " + e, Optional.empty()));
        }
    }

    /**
     * A reminder contacts the customer: it waits for the organisation's send rules (window, holidays,
     * minimum gap since any contact, cap per 7 days). Waiting is not a failed attempt and never drops it.
     */
    private Optional<Settlement> deferredBySendRules(ClaimedAction claimed, Organisation organisation, InvoiceSnapshot invoice) {
        Optional<InvoiceSnapshot> stored = Optional.of(invoice);
        Instant now = clock.instant();
        SendSlot slot;
        try {
            slot = sendRules.earliest(organisation, stored.get().customerId(), now);
        } catch (NoSendSlotException e) {
            return Optional.of(needsHuman(claimed, e.getMessage(), false));
        }
        if (!slot.at().isAfter(now)) {
            return Optional.empty();
        }
        String reasons = String.join("; ", slot.reasons());
        return Optional.of(Settlement.audited(new ClaimResult.Retry(slot.at(), false, claimed.inDoubt(), reasons),
                AuditKind.ACTION_DEFERRED, "Waits for the send rules until " + slot.at() + ": " + reasons + ".",
                Map.of("nextAttemptAt", slot.at().toString(), "reasons", slot.reasons(),
                        "customerId", stored.get().customerId())));
    }

    /** The contact a done write made with the customer, for the contact log: reminders only, not notes or fees. */
    private Optional<AutomaticContact> contactOf(OutboxEntry entry, InvoiceSnapshot invoice, Optional<RunContacts.Contact> contact) {
        if (!(entry.action() instanceof PlannedAction.SendReminder)) {
            return Optional.empty();
        }
        // Every reminder of one consolidated contact is recorded at the contact's moment, so the send
        // rules count them once (SendRulesCheck), and with the contact's id for the history.
        Instant at = contact.map(RunContacts.Contact::at).orElseGet(clock::instant);
        return Optional.of(new AutomaticContact(entry.invoice().organisationId(), entry.invoice().providerInvoiceId(),
                ContactRecord.automatic(invoice.customerId(), at, ContactChannel.EMAIL, entry.action().key()),
                contact.map(c -> "consolidated contact " + c.contactId())));
    }

    /** A flag needs no ledger call: it goes straight to the people's list, unless the invoice is settled. */
    private Settlement flag(InvoiceRef invoice, PlannedAction.FlagForPerson flag) {
        Optional<InvoiceSnapshot> stored = invoices.load(invoice);
        if (stored.isEmpty() || stored.get().isSettled() && !settlesFullPayment(flag, stored.get())) {
            return cancelled("the invoice is settled or no longer known", Map.of());
        }
        return Settlement.audited(new ClaimResult.NeedsHuman("Flagged for a person: " + flag.reason(), false),
                AuditKind.ACTION_FLAGGED, "Flagged for a person: " + flag.reason(), Map.of("reason", flag.reason()));
    }

    /**
     * Whether {@code action} settles what accrued up to a full payment of {@code invoice}, as it stands: only a paid
     * invoice keeps such an action; one voided or deleted since owes nothing.
     */
    private static boolean settlesFullPayment(PlannedAction action, InvoiceSnapshot invoice) {
        return action.key().followsFullPayment()
                && (invoice.status() == InvoiceStatus.PAID || invoice.status() == InvoiceStatus.OPEN);
    }

    /**
     * @param reading     the invoice as the ledger has it, read right before this attempt
     * @param stillInDoubt whether an earlier attempt may be in the ledger whatever this one's failure says
     */
    private Settlement attempt(ClaimedAction claimed, LedgerGateway gateway, InvoiceReading reading,
                               Optional<RunContacts.Contact> contact, boolean stillInDoubt) {
        OutboxEntry entry = claimed.entry();
        InvoiceRef ref = entry.invoice();
        InvoiceSnapshot fresh;
        switch (reading) {
            case InvoiceReading.Gone gone -> {
                String reason = "the invoice is gone from the ledger: " + gone.reason();
                payments.cancelOthers(ref, reason);
                return cancelled(reason, Map.of());
            }
            case InvoiceReading.Failed failed -> {
                return failure(claimed, failed.failure(), claimed.inDoubt(), "re-read");
            }
            case InvoiceReading.Found found -> fresh = found.invoice();
        }
        if (entry.action().key().isThankYou() && fresh.status() != InvoiceStatus.PAID) {
            // A thank-you is about a payment: an invoice reopened, voided or deleted since gets none.
            return cancelled("the invoice is no longer paid in the ledger (" + fresh.status() + "): no thank-you", Map.of());
        }
        if (fresh.isSettled() && settlesFullPayment(entry.action(), fresh)) {
            // This action charges what accrued up to the payment, or thanks for it: it goes, while nothing else of the invoice does.
            payments.cancelOthers(ref, "the invoice is " + PaymentCancellation.settledInWords(fresh) + " in the ledger");
        } else if (fresh.isSettled()) {
            String reason = "the invoice is " + PaymentCancellation.settledInWords(fresh) + " in the ledger (seen right before the write)";
            payments.cancelOthers(ref, reason);
            return cancelled(reason, Map.of("amountDue", fresh.amountDue().toString()));
        }
        for (ChaseGuard guard : guards) {
            Optional<String> blocked = guard.blocks(fresh, entry);
            if (blocked.isPresent()) {
                return cancelled(blocked.get(), Map.of("guard", guard.getClass().getSimpleName()));
            }
        }
        // The email channel's hook: a reminder whose channel is email is sent here, not by the ledger.
        EmailReminders.Prepared email = entry.action() instanceof PlannedAction.SendReminder
                ? organisations.find(ref.organisationId()).map(o -> emails.prepare(o, entry, fresh))
                        .orElseGet(EmailReminders.ViaLedger::new)
                : new EmailReminders.ViaLedger();
        switch (email) {
            case EmailReminders.ViaLedger ledger -> { }
            case EmailReminders.ForPerson person -> {
                return needsHuman(claimed, person.reason(), false);
            }
            case EmailReminders.LedgerUnreadable unreadable -> {
                return failure(claimed, unreadable.failure(), false, "address lookup");
            }
            case EmailReminders.Ready ready -> {
                if (!claims.markWriting(entry.id(), replica.value(), clock.instant(), ReminderChannel.EMAIL)) {
                    return Settlement.quiet(new ClaimResult.Retry(clock.instant(), false, claimed.inDoubt(),
                            "the claim was lost before the email"));
                }
                return EmailAttempt.settle(claimed, ready, emails.send(ready), fresh, gateway, contactOf(entry, fresh, contact),
                        reason -> failure(claimed, new LedgerFailure.RetryLater(reason, Optional.empty()), false, "email"));
            }
        }
        LedgerWrite write;
        try {
            write = LedgerWrites.of(entry.action(), fresh).orElseThrow();
        } catch (IllegalArgumentException e) {
            return needsHuman(claimed, "the write cannot be built: " + e.getMessage(), false);
        }
        if (!claims.markWriting(entry.id(), replica.value(), clock.instant(), ReminderChannel.LEDGER)) {
            // Another replica took the claim over (it expired): it decides about this action now.
            return Settlement.quiet(new ClaimResult.Retry(clock.instant(), false, claimed.inDoubt(),
                    "the claim was lost before the write"));
        }
        WriteOutcome outcome;
        try {
            outcome = gateway.write(ref.organisationId(), write);
        } catch (RuntimeException e) {
            // The request may have left before it failed: assume the worst, look for it next time.
            outcome = new WriteOutcome.InDoubt("the write failed unexpectedly: " + e);
        }
        return switch (outcome) {
            case WriteOutcome.Done done -> Settlement.audited(new ClaimResult.Done(done.ledgerReference(),
                            contactOf(entry, fresh, contact)),
                    AuditKind.ACTION_DONE, "Done in the ledger (" + done.ledgerReference() + "): "
                            + LedgerWrites.describe(entry.action()) + ".",
                    Map.of("ledgerReference", done.ledgerReference(), "attempt", entry.attempts() + 1));
            case WriteOutcome.InDoubt doubt -> inDoubt(claimed, doubt.reason());
            case WriteOutcome.Failed failed -> failure(claimed, failed.failure(), stillInDoubt, "write");
        };
    }

    /** Done when the ledger has the earlier attempt, a failure when that cannot be told; empty when there is no trace. */
    private Evidence lookFor(ClaimedAction claimed, LedgerGateway gateway, LedgerWrite write) {
        try {
            return gateway.findEvidence(claimed.entry().invoice().organisationId(), write, claimed.firstWriteAt());
        } catch (RuntimeException e) {
            return new Evidence.Unknown(new LedgerFailure.RetryLater("looking for evidence failed: " + e, Optional.empty()));
        }
    }

    /** Done or failed when the evidence says so; empty when writing (again) is the way on. */
    private Optional<Settlement> settled(ClaimedAction claimed, Evidence evidence, InvoiceSnapshot fresh,
                                         Optional<RunContacts.Contact> contact) {
        OutboxEntry entry = claimed.entry();
        return switch (evidence) {
            case Evidence.Found found -> Optional.of(Settlement.audited(new ClaimResult.Done(found.ledgerReference(),
                            contactOf(entry, fresh, contact)), AuditKind.ACTION_FOUND_IN_LEDGER,
                    "An earlier attempt whose outcome was unknown is in the ledger (" + found.ledgerReference()
                            + "): done, not written again: " + LedgerWrites.describe(entry.action()) + ".",
                    Map.of("ledgerReference", found.ledgerReference())));
            // A look-up the ledger refuses (4xx) says nothing about the write: it may have been applied.
            // It gets a second look later, counted as an attempt, so a person gets it only once the
            // attempts are used up, not at the first refusal.
            case Evidence.Unknown unknown when unknown.failure() instanceof LedgerFailure.Rejected refused ->
                    Optional.of(failure(claimed, new LedgerFailure.RetryLater("the ledger refused the evidence look-up ("
                            + refused.reason() + "); looking again later", Optional.empty()), true, "evidence lookup"));
            case Evidence.Unknown unknown -> Optional.of(failure(claimed, unknown.failure(), true, "evidence lookup"));
            // No trace: writing again is safe, and the provider's idempotency key guards it a second time.
            case Evidence.NotFound notFound -> Optional.empty();
            case Evidence.RepeatNow repeat -> Optional.empty();
        };
    }

    private Settlement inDoubt(ClaimedAction claimed, String reason) {
        int attempts = claimed.entry().attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            return needsHuman(claimed, "the outcome of " + attempts + " attempts is unknown (" + reason
                    + "): check the ledger for " + claimed.entry().action().key() + " before doing anything", true);
        }
        Instant next = backoff.next(clock.instant(), attempts, Optional.empty());
        return Settlement.audited(new ClaimResult.Retry(next, true, true, reason), AuditKind.ACTION_IN_DOUBT,
                "Attempt " + attempts + " may or may not have reached the ledger (" + reason
                        + "); the next attempt, at " + next + ", looks for it first.",
                detail(attempts, next, reason));
    }

    /** @param inDoubt whether, after this failure, the write may still have been applied earlier */
    private Settlement failure(ClaimedAction claimed, LedgerFailure failure, boolean inDoubt, String step) {
        OutboxEntry entry = claimed.entry();
        return switch (failure) {
            case LedgerFailure.NeedsReconnect reconnect -> {
                organisations.setMode(entry.invoice().organisationId(), OrganisationMode.NEEDS_RECONNECT);
                // Not the action's fault: it waits, uncounted, until someone reconnects the organisation.
                yield Settlement.audited(new ClaimResult.Retry(clock.instant(), false, inDoubt, reconnect.reason()),
                        AuditKind.ACTION_RETRY, "The ledger connection needs a person to reconnect it (" + reconnect.reason()
                                + "); the action waits for that.", Map.of("error", reconnect.reason(), "step", step));
            }
            case LedgerFailure.Rejected rejected -> needsHuman(claimed, "the ledger refused the " + step + ": "
                    + rejected.reason(), true);
            case LedgerFailure.RetryLater later when later.throttled() -> throttled(claimed, later, inDoubt, step);
            case LedgerFailure.RetryLater later -> {
                // A Retry-After quiets the whole organisation, not just this action.
                later.notBefore().ifPresent(until -> book.pauseWrites(entry.invoice().organisationId(), until));
                int attempts = entry.attempts() + 1;
                if (attempts >= settings.maxAttempts()) {
                    yield needsHuman(claimed, attempts + " attempts failed, the last at the " + step + ": "
                            + later.reason(), true).quietUntil(later.notBefore());
                }
                Instant next = backoff.next(clock.instant(), attempts, later.notBefore());
                yield Settlement.audited(new ClaimResult.Retry(next, true, inDoubt, later.reason()), AuditKind.ACTION_RETRY,
                        "Attempt " + attempts + " failed at the " + step + " (" + later.reason() + "); next attempt at "
                                + next + ".", detail(attempts, next, later.reason())).quietUntil(later.notBefore());
            }
        };
    }

    /**
     * A limit said wait (a 429, or Arrears' own limiter, which sent nothing): the action waits for it,
     * the organisation is quiet until then, and no attempt is spent, so a busy spell never parks an
     * action with a person.
     */
    private Settlement throttled(ClaimedAction claimed, LedgerFailure.RetryLater later, boolean inDoubt, String step) {
        OutboxEntry entry = claimed.entry();
        later.notBefore().ifPresent(until -> book.pauseWrites(entry.invoice().organisationId(), until));
        Instant next = later.notBefore().filter(until -> until.isAfter(clock.instant()))
                .orElseGet(() -> backoff.next(clock.instant(), 1, Optional.empty()));
        return Settlement.audited(new ClaimResult.Retry(next, false, inDoubt, later.reason()), AuditKind.ACTION_RETRY,
                "Throttled at the " + step + " (" + later.reason() + "); waits until " + next
                        + " without spending an attempt.",
                Map.of("nextAttemptAt", next.toString(), "error", later.reason(), "step", step, "throttled", true))
                .quietUntil(later.notBefore());
    }

    private Settlement needsHuman(ClaimedAction claimed, String reason, boolean attempted) {
        return Settlement.audited(new ClaimResult.NeedsHuman(reason, attempted), AuditKind.ACTION_NEEDS_HUMAN,
                "Waiting for a person: " + reason + ".", Map.of("reason", reason));
    }

    private static Settlement cancelled(String reason, Map<String, Object> facts) {
        Map<String, Object> detail = new LinkedHashMap<>(facts);
        detail.put("reason", reason);
        return Settlement.audited(new ClaimResult.Cancelled(reason), AuditKind.ACTION_CANCELLED,
                "Cancelled before the write: " + reason + ".", detail);
    }

    private static Map<String, Object> detail(int attempts, Instant next, String error) {
        return Map.of("attempt", attempts, "nextAttemptAt", next.toString(), "error", error);
    }
}
