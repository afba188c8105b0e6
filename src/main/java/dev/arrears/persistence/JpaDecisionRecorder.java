package dev.arrears.persistence;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditKind;
import dev.arrears.application.DecisionRecorder;
import dev.arrears.application.DecisionToRecord;
import dev.arrears.application.DeliveryMode;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.RecordedActions;
import dev.arrears.application.RecordedDecision;
import dev.arrears.application.RecordedDecisions;
import dev.arrears.application.StaleStateException;
import dev.arrears.application.StoredDunningState;
import dev.arrears.application.UnknownInvoiceException;
import dev.arrears.application.collections.CollectionsStore;
import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.CollectionsEvent;
import dev.arrears.domain.dunning.Decision;
import dev.arrears.domain.dunning.DunningState;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.persistence.DecisionRows.ActionRow;
import dev.arrears.persistence.DecisionRows.AuditRow;
import dev.arrears.persistence.DecisionRows.InvoiceRow;
import dev.arrears.persistence.DecisionRows.LockedState;
import dev.arrears.persistence.DecisionRows.StateWrite;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * {@link DecisionRecorder}: state, cancellations, outbox, collections events and audit in one
 * transaction per call. A group of decisions costs a fixed number of statements ({@link DecisionRows}),
 * not a few per invoice: the invoice rows are read in one query, the states locked in one, and the
 * states, cancellations, actions and audit events written in one statement each.
 *
 * <p>The organisation's row is share-locked and its mode read first, in the same transaction: a
 * go-live that committed before is seen (the actions are dispatched), and one that comes later waits
 * for this transaction and then promotes the previewed actions by its catch-up rule.
 */
@ApplicationScoped
public class JpaDecisionRecorder implements DecisionRecorder {

    private final EntityManager em;
    private final CollectionsStore collections;
    private final Clock clock;

    JpaDecisionRecorder(EntityManager em, CollectionsStore collections, Clock clock) {
        this.em = em;
        this.collections = collections;
        this.clock = clock;
    }

    /** A decision whose state is locked at the version it read. */
    private record Fresh(DecisionToRecord toRecord, InvoiceRow row, Optional<LockedState> previous, DeliveryMode delivery) {
        long version() {
            return previous.map(LockedState::version).orElse(StoredDunningState.NOT_STORED) + 1;
        }

        StateWrite write() {
            return new StateWrite(row.id(), row.organisationId(), toRecord.decision().newState(), toRecord.policyVersion(),
                    version());
        }

        InvoiceRef invoice() {
            return toRecord.invoice();
        }
    }

    @Override
    @Transactional
    public RecordedDecision record(DecisionToRecord decision) {
        RecordedDecisions result = recordAll(List.of(decision));
        if (!result.stale().isEmpty()) {
            throw new StaleStateException(decision.invoice(), decision.basedOnVersion());
        }
        return result.recorded().getFirst();
    }

    @Override
    @Transactional
    public RecordedDecisions recordAll(List<DecisionToRecord> decisions) {
        if (decisions.isEmpty()) {
            return new RecordedDecisions(List.of(), List.of());
        }
        return em.unwrap(Session.class).doReturningWork(connection -> record(new DecisionRows(connection, clock.instant()),
                decisions));
    }

    private RecordedDecisions record(DecisionRows rows, List<DecisionToRecord> decisions) throws SQLException {
        Map<UUID, DecisionRows.Mode> modes = rows.lockModes(decisions.stream()
                .map(d -> d.invoice().organisationId().value()).distinct().toList());
        Map<InvoiceRef, InvoiceRow> invoices = rows.invoices(decisions.stream().map(DecisionToRecord::invoice).distinct().toList());
        for (DecisionToRecord d : decisions) {
            if (!invoices.containsKey(d.invoice())) {
                throw new UnknownInvoiceException(d.invoice());
            }
        }
        Map<UUID, LockedState> locked = rows.lockStates(invoices.values().stream().map(InvoiceRow::id).toList());

        // A decision is fresh if the state is still at the version it read; a second decision of the
        // same invoice in one group is stale, as it would be one call after the other.
        Map<UUID, Fresh> fresh = new LinkedHashMap<>();
        for (DecisionToRecord d : decisions) {
            InvoiceRow row = invoices.get(d.invoice());
            Optional<LockedState> previous = Optional.ofNullable(locked.get(row.id()));
            long stored = previous.map(LockedState::version).orElse(StoredDunningState.NOT_STORED);
            if (stored == d.basedOnVersion() && !fresh.containsKey(row.id())) {
                fresh.put(row.id(), new Fresh(d, row, previous, delivery(modes.get(row.organisationId()), d.delivery())));
            }
        }
        rows.updateStates(fresh.values().stream().filter(f -> f.previous().isPresent()).map(Fresh::write).toList());
        List<StateWrite> firsts = fresh.values().stream().filter(f -> f.previous().isEmpty()).map(Fresh::write).toList();
        Set<UUID> inserted = new HashSet<>(rows.insertStates(firsts));
        firsts.stream().map(StateWrite::invoiceId).filter(id -> !inserted.contains(id)).forEach(fresh::remove);

        // Cancel before planning: a pause's cancellation is about what was pending before this decision,
        // never about what this decision plans (a payment plan's courtesy reminder while the ladder pauses).
        Map<UUID, List<ActionKey>> cancelled = rows.cancelPending(fresh.values().stream()
                .filter(f -> !f.toRecord().decision().cancellations().isEmpty())
                .map(f -> new DecisionRows.Cancellation(f.row().id(), cancellationReason(f)))
                .toList());
        for (Fresh f : fresh.values()) {
            for (CollectionsEvent event : f.toRecord().decision().events()) {
                collections.recordPromiseOutcome(f.invoice().organisationId(), event, f.toRecord().decidedFor());
            }
        }
        Map<ActionKey, UUID> planners = new LinkedHashMap<>();
        List<ActionRow> actionRows = new ArrayList<>();
        for (Fresh f : fresh.values()) {
            for (PlannedAction action : f.toRecord().decision().actions()) {
                // A key planned twice in the group (a payment plan's reminder, from two of its invoices) is
                // written once; the later decision finds it present, as it would one call after the other.
                if (planners.putIfAbsent(action.key(), f.row().id()) == null) {
                    actionRows.add(new ActionRow(f.row().id(), f.row().organisationId(), action,
                            f.delivery().initialStatus().name(), f.toRecord().policyVersion()));
                }
            }
        }
        Set<String> written = new HashSet<>(rows.insertActions(actionRows));

        List<AuditRow> audit = new ArrayList<>();
        List<RecordedDecision> recorded = new ArrayList<>();
        for (Fresh f : fresh.values()) {
            List<ActionKey> cancelledHere = cancelled.getOrDefault(f.row().id(), List.of());
            List<ActionKey> added = new ArrayList<>();
            List<ActionKey> present = new ArrayList<>();
            for (PlannedAction action : f.toRecord().decision().actions()) {
                boolean mine = f.row().id().equals(planners.get(action.key())) && written.contains(action.key().value());
                (mine ? added : present).add(action.key());
            }
            RecordedActions actions = new RecordedActions(added, present);
            audit.addAll(auditOf(f, cancelledHere, actions));
            recorded.add(new RecordedDecision(f.invoice(), f.version(), actions));
        }
        rows.appendAudit(audit);
        List<InvoiceRef> stale = decisions.stream().filter(d -> {
            Fresh f = fresh.get(invoices.get(d.invoice()).id());
            return f == null || f.toRecord() != d;
        }).map(DecisionToRecord::invoice).toList();
        return new RecordedDecisions(recorded, stale);
    }

    /**
     * The delivery the organisation's mode asks for now. A paused organisation will go back to the mode
     * it had; one that needs reconnecting keeps the delivery the decision was made for.
     */
    static DeliveryMode delivery(DecisionRows.Mode mode, DeliveryMode asDecided) {
        String effective = mode == null ? "" : mode.mode().equals(OrganisationMode.PAUSED.name())
                ? mode.beforePause().orElse("") : mode.mode();
        if (effective.equals(OrganisationMode.LIVE.name())) {
            return DeliveryMode.DISPATCH;
        }
        return effective.equals(OrganisationMode.PREVIEW.name()) ? DeliveryMode.PREVIEW_ONLY : asDecided;
    }

    /** Every cancellation of a decision cancels all that is pending: the first one's reason is the one recorded. */
    private static String cancellationReason(Fresh f) {
        return f.toRecord().decision().cancellations().getFirst().reason();
    }

    /** The audit rows of one decision: its cancellations and judged promises, then the decision with what it planned. */
    private List<AuditRow> auditOf(Fresh f, List<ActionKey> cancelled, RecordedActions actions) {
        DecisionToRecord toRecord = f.toRecord();
        InvoiceRef invoice = toRecord.invoice();
        Decision decision = toRecord.decision();
        String policyVersion = toRecord.policyVersion();
        List<AuditEvent> events = new ArrayList<>();
        for (ActionKey key : cancelled) {
            String reason = cancellationReason(f);
            events.add(AuditEvent.forInvoice(invoice, AuditKind.ACTION_CANCELLED, Optional.of(key), Optional.empty(),
                    Map.of("reason", reason), "Pending action " + key + " cancelled: " + reason));
        }
        for (CollectionsEvent event : decision.events()) {
            events.add(AuditEvent.forInvoice(invoice, AuditKind.PROMISE_JUDGED, Optional.empty(), Optional.of(policyVersion),
                    Map.of("event", event.getClass().getSimpleName(), "customerId", event.customerId(),
                            "judgedOn", toRecord.decidedFor().toString()),
                    "Customer " + event.customerId() + ": " + event.describe() + "."));
        }
        AuditEvent decided = AuditEvent.forInvoice(invoice, AuditKind.DECISION, Optional.empty(), Optional.of(policyVersion),
                decisionDetail(toRecord, f.delivery(), f.version(), cancelled), decision.reasons().isEmpty()
                        ? "Decision for " + toRecord.decidedFor() + ": nothing changes."
                        : String.join(" ", decision.reasons()));
        // What the decision planned and passed over is stored in its row (FoldedAudit), read back as events of their own.
        List<AuditEvent> following = new ArrayList<>();
        for (PlannedAction action : decision.actions()) {
            boolean added = actions.added().contains(action.key());
            AuditKind kind = !added ? AuditKind.ACTION_SUPPRESSED
                    : f.delivery() == DeliveryMode.DISPATCH ? AuditKind.ACTION_PLANNED : AuditKind.ACTION_PREVIEWED;
            String message = switch (kind) {
                case ACTION_PLANNED -> "Planned: " + describe(action) + ".";
                case ACTION_PREVIEWED -> "Previewed (not sent while the organisation is in preview): " + describe(action) + ".";
                default -> "Not planned again, already in the outbox: " + describe(action) + ".";
            };
            following.add(AuditEvent.forInvoice(invoice, kind, Optional.of(action.key()), Optional.of(policyVersion),
                    actionDetail(action), message));
        }
        for (String stage : newlySkipped(f.previous().map(LockedState::skippedStages), decision.newState())) {
            following.add(AuditEvent.forInvoice(invoice, AuditKind.STAGE_SKIPPED, Optional.empty(), Optional.of(policyVersion),
                    Map.of("stage", stage), "Stage '" + stage + "' was passed over while catching up: its actions were not planned."));
        }
        events.add(FoldedAudit.fold(decided, following));
        return events.stream().map(e -> new AuditRow(f.row().id(), f.row().customerId(), e)).toList();
    }

    private static List<String> newlySkipped(Optional<List<String>> previous, DunningState now) {
        List<String> skipped = new ArrayList<>(now.skippedStages());
        previous.ifPresent(skipped::removeAll);
        return skipped;
    }

    private static Map<String, Object> decisionDetail(DecisionToRecord toRecord, DeliveryMode delivery, long version,
                                                      List<ActionKey> cancelled) {
        DunningState state = toRecord.decision().newState();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("decidedFor", toRecord.decidedFor().toString());
        detail.put("status", state.status().name());
        state.stage().ifPresent(stage -> detail.put("stage", stage));
        state.nextReviewOn().ifPresent(day -> detail.put("nextReviewOn", day.toString()));
        detail.put("reasons", toRecord.decision().reasons());
        detail.put("actions", toRecord.decision().actions().stream().map(a -> a.key().value()).toList());
        detail.put("delivery", delivery.name());
        if (!toRecord.decision().cancellations().isEmpty()) {
            detail.put("cancelled", cancelled.stream().map(ActionKey::value).toList());
        }
        detail.put("stateVersion", version);
        return detail;
    }

    private static Map<String, Object> actionDetail(PlannedAction action) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", ActionPayloads.kind(action));
        detail.put("stage", action.stage());
        switch (action) {
            case PlannedAction.SendReminder r -> detail.put("template", r.template());
            case PlannedAction.AddNote n -> detail.put("text", n.text());
            case PlannedAction.FlagForPerson p -> detail.put("reason", p.reason());
            case PlannedAction.ChargeLateFee f -> {
                detail.put("ruleId", f.fee().ruleId());
                detail.put("period", f.fee().period());
                detail.put("amount", f.fee().amount().amount().toPlainString());
                detail.put("currency", f.fee().amount().currency().getCurrencyCode());
                detail.put("chargeDate", f.fee().chargeDate().toString());
                detail.put("computation", f.fee().computation());
                detail.put("capped", f.fee().capped());
            }
        }
        return detail;
    }

    private static String describe(PlannedAction action) {
        return switch (action) {
            case PlannedAction.SendReminder r -> "reminder '" + r.template() + "' for stage '" + r.stage() + "'";
            case PlannedAction.AddNote n -> "note for stage '" + n.stage() + "'";
            case PlannedAction.FlagForPerson p -> "flag for a person: " + p.reason();
            case PlannedAction.ChargeLateFee f -> "late fee of " + f.fee().amount() + " (rule '" + f.fee().ruleId()
                    + "', period " + f.fee().period() + "): " + f.fee().computation();
        };
    }

}
