package dev.arrears.application.cycle;

import dev.arrears.application.AuditKind;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.email.SendOutcome;
import dev.arrears.application.email.StatementTasks;
import dev.arrears.application.ledger.InvoiceReading;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.application.ledger.LedgerGateway;
import dev.arrears.domain.contact.ContactChannel;
import dev.arrears.domain.contact.ContactRecord;
import dev.arrears.domain.contact.NoSendSlotException;
import dev.arrears.domain.contact.SendSlot;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.policy.ReminderChannel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One attempt at a statement: the reminders of one customer claimed in one dispatch run
 * ({@link StatementGroups}) sent as one email. They are one contact for the send rules; each
 * invoice is re-read and checked (paid, gone, on hold, disputed) on its own, and what is left goes
 * as one message, or, when only one is left, as that reminder's own email ({@link ActionAttempt}).
 *
 * <p>At most once for all of them: every reminder the message settles is marked as writing in one
 * transaction before the message is handed over, so a crash from then on brings every one of them
 * back in doubt, and a reminder in doubt never goes again ({@link EmailAttempt#mayHaveBeenSent}).
 * An answer lost after the hand-over puts the first reminder in front of a person with the message
 * ("may have been sent"); the others wait with it, covered by that one task.
 */
final class StatementAttempt {

    private final Clock clock;
    private final DispatchSettings settings;
    private final OrganisationStore organisations;
    private final InvoiceStore invoices;
    private final PaymentCancellation payments;
    private final LedgerGateways gateways;
    private final List<ChaseGuard> guards;
    private final RetryBackoff backoff;
    private final SendRulesCheck sendRules;
    private final ActionClaims claims;
    private final ReplicaId replica;
    private final EmailReminders emails;
    private final ActionAttempt single;

    StatementAttempt(ReplicaId replica, ActionClaims claims, Clock clock, DispatchSettings settings, OrganisationStore organisations,
                     InvoiceStore invoices, PaymentCancellation payments, LedgerGateways gateways, List<ChaseGuard> guards,
                     RetryBackoff backoff, SendRulesCheck sendRules, EmailReminders emails, ActionAttempt single) {
        this.replica = replica;
        this.claims = claims;
        this.clock = clock;
        this.settings = settings;
        this.organisations = organisations;
        this.invoices = invoices;
        this.payments = payments;
        this.gateways = gateways;
        this.guards = List.copyOf(guards);
        this.backoff = backoff;
        this.sendRules = sendRules;
        this.emails = emails;
        this.single = single;
    }

    /** The statements of a claimed batch (see {@link StatementGroups}). */
    List<List<ClaimedAction>> groups(List<ClaimedAction> batch, Function<InvoiceRef, Optional<InvoiceSnapshot>> stored) {
        return StatementGroups.of(batch, stored, (claimed, invoice) -> organisations.find(claimed.entry().invoice().organisationId())
                .filter(o -> o.mode() == OrganisationMode.LIVE)
                .map(o -> emails.statementMember(o, claimed.entry(), invoice)).orElse(false));
    }

    /** What to store for each reminder of the group, in the group's order. */
    Map<ClaimedAction, Settlement> run(List<ClaimedAction> group, RunContacts contacts) {
        OrganisationId id = group.getFirst().entry().invoice().organisationId();
        Optional<Organisation> organisation = organisations.find(id);
        if (organisation.isEmpty() || organisation.get().mode() != OrganisationMode.LIVE) {
            return all(group, c -> Settlement.quiet(new ClaimResult.Retry(clock.instant(), false, false, "organisation is not live")));
        }
        Optional<LedgerGateway> gateway = gateways.forProvider(organisation.get().provider());
        Optional<InvoiceSnapshot> stored = invoices.load(group.getFirst().entry().invoice());
        if (gateway.isEmpty() || stored.isEmpty()) {
            // Not for a statement after all: each goes its own way, which says why.
            return all(group, c -> single.run(c, contacts));
        }
        String customerId = stored.get().customerId();
        Optional<RunContacts.Contact> contact = contacts.joined(id, customerId);
        if (contact.isEmpty()) {
            Optional<Map<ClaimedAction, Settlement>> deferred = deferred(group, organisation.get(), customerId);
            if (deferred.isPresent()) {
                return deferred.get();
            }
            contact = Optional.of(contacts.open(id, customerId, group.getFirst().entry().action(), clock.instant()));
        }
        Map<ClaimedAction, Settlement> settled = new LinkedHashMap<>();
        List<StatementEmails.Member> members = new ArrayList<>();
        for (ClaimedAction claimed : group) {
            InvoiceReading reading;
            try {
                reading = gateway.get().reread(id, claimed.entry().invoice().providerInvoiceId());
            } catch (RuntimeException e) {
                reading = new InvoiceReading.Failed(new LedgerFailure.RetryLater("re-reading the invoice failed: " + e, Optional.empty()));
            }
            switch (reading) {
                case InvoiceReading.Failed failed -> {
                    // Nothing was sent: the whole statement waits, so that it goes as one later.
                    return all(group, c -> failure(c, failed.failure(), "re-read"));
                }
                case InvoiceReading.Gone gone -> {
                    String reason = "the invoice is gone from the ledger: " + gone.reason();
                    payments.cancelOthers(claimed.entry().invoice(), reason);
                    settled.put(claimed, cancelled(reason));
                }
                case InvoiceReading.Found found -> blocked(claimed, found.invoice()).ifPresentOrElse(
                        reason -> settled.put(claimed, cancelled(reason)),
                        () -> members.add(new StatementEmails.Member(claimed,
                                (PlannedAction.SendReminder) claimed.entry().action(), found.invoice())));
            }
        }
        if (members.size() < 2) {
            // One left: its own email, unchanged (it joins the contact opened above).
            members.forEach(m -> settled.put(m.claimed(), single.run(m.claimed(), contacts)));
        } else {
            settled.putAll(send(organisation.get(), gateway.get(), members, contact.get()));
        }
        Map<ClaimedAction, Settlement> ordered = new LinkedHashMap<>();
        group.forEach(c -> ordered.put(c, settled.get(c)));
        return ordered;
    }

    /** Why the invoice may not be chased now (paid, voided, held, disputed), if it may not. */
    private Optional<String> blocked(ClaimedAction claimed, InvoiceSnapshot fresh) {
        if (fresh.isSettled()) {
            String reason = "the invoice is " + PaymentCancellation.settledInWords(fresh) + " in the ledger (seen right before the write)";
            payments.cancelOthers(claimed.entry().invoice(), reason);
            return Optional.of(reason);
        }
        for (ChaseGuard guard : guards) {
            Optional<String> blocked = guard.blocks(fresh, claimed.entry());
            if (blocked.isPresent()) {
                return blocked;
            }
        }
        return Optional.empty();
    }

    private Map<ClaimedAction, Settlement> send(Organisation organisation, LedgerGateway gateway, List<StatementEmails.Member> members,
                                                RunContacts.Contact contact) {
        List<ClaimedAction> claimed = members.stream().map(StatementEmails.Member::claimed).toList();
        EmailReminders.Prepared prepared = emails.prepareStatement(organisation, members);
        EmailReminders.Ready ready;
        switch (prepared) {
            case EmailReminders.Ready r -> ready = r;
            case EmailReminders.ForPerson person -> {
                return all(claimed, c -> needsHuman(person.reason(), false, Map.of("reason", person.reason())));
            }
            case EmailReminders.LedgerUnreadable unreadable -> {
                return all(claimed, c -> failure(c, unreadable.failure(), "address lookup"));
            }
            case EmailReminders.ViaLedger ledger -> {
                return all(claimed, c -> single.run(c, new RunContacts()));
            }
        }
        List<UUID> ids = claimed.stream().map(c -> c.entry().id()).toList();
        if (!claims.markWritingAll(ids, replica.value(), clock.instant(), ReminderChannel.EMAIL)) {
            return all(claimed, c -> Settlement.quiet(new ClaimResult.Retry(clock.instant(), false, c.inDoubt(),
                    "the claim was lost before the statement email")));
        }
        SendOutcome outcome = emails.send(ready);
        List<String> numbers = members.stream().map(m -> StatementEmails.number(m.invoice())).toList();
        Map<ClaimedAction, Settlement> settled = new LinkedHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            StatementEmails.Member member = members.get(i);
            Settlement settlement;
            if (outcome instanceof SendOutcome.InDoubt && i > 0) {
                // One task for the one message: the first reminder's carries it; this one waits with it.
                String reason = StatementTasks.covered(numbers.getFirst(), ready.email().messageId(), String.join(", ", numbers));
                settlement = needsHuman(reason, true, Map.of("reason", reason, "channel", "email",
                        "messageId", ready.email().messageId()));
            } else {
                settlement = EmailAttempt.settle(member.claimed(), ready, outcome, member.invoice(), gateway,
                        Optional.of(contactOf(member, contact)), reason -> retry(member.claimed(), reason));
            }
            settled.put(member.claimed(), withStatement(settlement, numbers));
        }
        return settled;
    }

    /** Every reminder of one statement is recorded at the contact's one moment, so the send rules count it once. */
    private static AutomaticContact contactOf(StatementEmails.Member member, RunContacts.Contact contact) {
        return new AutomaticContact(member.claimed().entry().invoice().organisationId(),
                member.claimed().entry().invoice().providerInvoiceId(),
                ContactRecord.automatic(member.invoice().customerId(), contact.at(), ContactChannel.EMAIL, member.reminder().key()),
                Optional.of("consolidated contact " + contact.contactId()));
    }

    /** The audit event says which invoices the statement listed. */
    private static Settlement withStatement(Settlement settlement, List<String> numbers) {
        if (settlement.kind().isEmpty()) {
            return settlement;
        }
        Map<String, Object> detail = new LinkedHashMap<>(settlement.detail());
        detail.put("statement", numbers);
        return new Settlement(settlement.result(), settlement.kind(), settlement.message(), detail, settlement.ledgerQuietUntil());
    }

    /** The customer's send rules, asked once for the whole statement: it is one contact. */
    private Optional<Map<ClaimedAction, Settlement>> deferred(List<ClaimedAction> group, Organisation organisation, String customerId) {
        Instant now = clock.instant();
        SendSlot slot;
        try {
            slot = sendRules.earliest(organisation, customerId, now);
        } catch (NoSendSlotException e) {
            return Optional.of(all(group, c -> needsHuman(e.getMessage(), false, Map.of("reason", e.getMessage()))));
        }
        if (!slot.at().isAfter(now)) {
            return Optional.empty();
        }
        String reasons = String.join("; ", slot.reasons());
        return Optional.of(all(group, c -> Settlement.audited(new ClaimResult.Retry(slot.at(), false, false, reasons),
                AuditKind.ACTION_DEFERRED, "Waits for the send rules until " + slot.at() + ": " + reasons + ".",
                Map.of("nextAttemptAt", slot.at().toString(), "reasons", slot.reasons(), "customerId", customerId))));
    }

    /** Nothing was sent: tried again with back-off, or a person once the attempts are used up. */
    private Settlement retry(ClaimedAction claimed, String reason) {
        return failure(claimed, new LedgerFailure.RetryLater(reason, Optional.empty()), "email");
    }

    private Settlement failure(ClaimedAction claimed, LedgerFailure failure, String step) {
        return switch (failure) {
            case LedgerFailure.NeedsReconnect reconnect -> {
                organisations.setMode(claimed.entry().invoice().organisationId(), OrganisationMode.NEEDS_RECONNECT);
                yield Settlement.audited(new ClaimResult.Retry(clock.instant(), false, false, reconnect.reason()),
                        AuditKind.ACTION_RETRY, "The ledger connection needs a person to reconnect it (" + reconnect.reason()
                                + "); the action waits for that.", Map.of("error", reconnect.reason(), "step", step));
            }
            case LedgerFailure.Rejected rejected -> needsHuman("the ledger refused the " + step + ": " + rejected.reason(), true,
                    Map.of("reason", rejected.reason()));
            case LedgerFailure.RetryLater later -> {
                int attempts = claimed.entry().attempts() + (later.throttled() ? 0 : 1);
                if (attempts >= settings.maxAttempts()) {
                    yield needsHuman(attempts + " attempts failed, the last at the " + step + ": " + later.reason(), true,
                            Map.of("reason", later.reason()));
                }
                Instant next = backoff.next(clock.instant(), Math.max(1, attempts), later.notBefore());
                yield Settlement.audited(new ClaimResult.Retry(next, !later.throttled(), false, later.reason()), AuditKind.ACTION_RETRY,
                        "The statement was not sent (" + later.reason() + " at the " + step + "); next attempt at " + next + ".",
                        Map.of("attempt", attempts, "nextAttemptAt", next.toString(), "error", later.reason(), "step", step))
                        .quietUntil(later.notBefore());
            }
        };
    }

    private static Settlement needsHuman(String reason, boolean attempted, Map<String, Object> detail) {
        return Settlement.audited(new ClaimResult.NeedsHuman(reason, attempted), AuditKind.ACTION_NEEDS_HUMAN,
                "Waiting for a person: " + reason + ".", detail);
    }

    private static Settlement cancelled(String reason) {
        return Settlement.audited(new ClaimResult.Cancelled(reason), AuditKind.ACTION_CANCELLED,
                "Cancelled before the write: " + reason + ".", Map.of("reason", reason));
    }

    private static Map<ClaimedAction, Settlement> all(List<ClaimedAction> group, Function<ClaimedAction, Settlement> each) {
        Map<ClaimedAction, Settlement> settled = new LinkedHashMap<>();
        group.forEach(c -> settled.put(c, each.apply(c)));
        return settled;
    }
}
