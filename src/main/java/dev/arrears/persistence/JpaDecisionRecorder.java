package dev.arrears.persistence;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.DecisionRecorder;
import dev.arrears.application.DecisionToRecord;
import dev.arrears.application.Delivery;
import dev.arrears.application.DunningStateUpdate;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.RecordedActions;
import dev.arrears.application.RecordedDecision;
import dev.arrears.application.collections.CollectionsStore;
import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.Cancellation;
import dev.arrears.domain.dunning.CollectionsEvent;
import dev.arrears.domain.dunning.Decision;
import dev.arrears.domain.dunning.DunningState;
import dev.arrears.domain.dunning.PlannedAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link DecisionRecorder}: state, cancellations, outbox, collections events and audit in one
 * transaction. The stores it uses join this transaction, so a failure anywhere rolls all of it back.
 */
@ApplicationScoped
public class JpaDecisionRecorder implements DecisionRecorder {

    private final JpaDunningStateStore states;
    private final JpaOutbox outbox;
    private final AuditTrail audit;
    private final CollectionsStore collections;

    JpaDecisionRecorder(JpaDunningStateStore states, JpaOutbox outbox, AuditTrail audit, CollectionsStore collections) {
        this.states = states;
        this.outbox = outbox;
        this.audit = audit;
        this.collections = collections;
    }

    @Override
    @Transactional
    public RecordedDecision record(DecisionToRecord toRecord) {
        InvoiceRef invoice = toRecord.invoice();
        Decision decision = toRecord.decision();
        String policyVersion = toRecord.policyVersion();

        JpaDunningStateStore.Written written = states.write(
                new DunningStateUpdate(invoice, toRecord.basedOnVersion(), decision.newState(), policyVersion));
        // Cancel before planning: a pause's cancellation is about what was pending before this decision,
        // never about what this decision plans (a payment plan's courtesy reminder while the ladder pauses).
        List<ActionKey> cancelled = new ArrayList<>();
        for (Cancellation cancellation : decision.cancellations()) {
            cancelled.addAll(outbox.cancelPendingFor(invoice, cancellation.reason()));
        }
        for (CollectionsEvent event : decision.events()) {
            collections.recordPromiseOutcome(invoice.organisationId(), event, toRecord.decidedFor());
            audit.append(AuditEvent.forInvoice(invoice, AuditKind.PROMISE_JUDGED, Optional.empty(), Optional.of(policyVersion),
                    Map.of("event", event.getClass().getSimpleName(), "customerId", event.customerId(),
                            "judgedOn", toRecord.decidedFor().toString()),
                    "Customer " + event.customerId() + ": " + event.describe() + "."));
        }
        RecordedActions actions = outbox.record(invoice, decision.actions(), toRecord.delivery(), policyVersion);

        audit.append(AuditEvent.forInvoice(invoice, AuditKind.DECISION, Optional.empty(), Optional.of(policyVersion),
                decisionDetail(toRecord, written, cancelled), decision.reasons().isEmpty()
                        ? "Decision for " + toRecord.decidedFor() + ": nothing changes."
                        : String.join(" ", decision.reasons())));
        for (PlannedAction action : decision.actions()) {
            boolean added = actions.added().contains(action.key());
            AuditKind kind = !added ? AuditKind.ACTION_SUPPRESSED
                    : toRecord.delivery() == Delivery.DISPATCH ? AuditKind.ACTION_PLANNED : AuditKind.ACTION_PREVIEWED;
            String message = switch (kind) {
                case ACTION_PLANNED -> "Planned: " + describe(action) + ".";
                case ACTION_PREVIEWED -> "Previewed (not sent while the organisation is in preview): " + describe(action) + ".";
                default -> "Not planned again, already in the outbox: " + describe(action) + ".";
            };
            audit.append(AuditEvent.forInvoice(invoice, kind, Optional.of(action.key()), Optional.of(policyVersion),
                    actionDetail(action), message));
        }
        for (String stage : newlySkipped(written.previous(), decision.newState())) {
            audit.append(AuditEvent.forInvoice(invoice, AuditKind.STAGE_SKIPPED, Optional.empty(), Optional.of(policyVersion),
                    Map.of("stage", stage), "Stage '" + stage + "' was passed over while catching up: its actions were not planned."));
        }
        return new RecordedDecision(invoice, written.version(), actions);
    }

    private static List<String> newlySkipped(Optional<DunningState> previous, DunningState now) {
        List<String> skipped = new ArrayList<>(now.skippedStages());
        previous.ifPresent(p -> skipped.removeAll(p.skippedStages()));
        return skipped;
    }

    private static Map<String, Object> decisionDetail(DecisionToRecord toRecord, JpaDunningStateStore.Written written,
                                                      List<ActionKey> cancelled) {
        DunningState state = toRecord.decision().newState();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("decidedFor", toRecord.decidedFor().toString());
        detail.put("status", state.status().name());
        state.stage().ifPresent(stage -> detail.put("stage", stage));
        state.nextReviewOn().ifPresent(day -> detail.put("nextReviewOn", day.toString()));
        detail.put("reasons", toRecord.decision().reasons());
        detail.put("actions", toRecord.decision().actions().stream().map(a -> a.key().value()).toList());
        detail.put("delivery", toRecord.delivery().name());
        if (!toRecord.decision().cancellations().isEmpty()) {
            detail.put("cancelled", cancelled.stream().map(ActionKey::value).toList());
        }
        detail.put("stateVersion", written.version());
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
