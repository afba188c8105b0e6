package dev.arrears.persistence;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditRecord;
import dev.arrears.domain.dunning.ActionKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A decision and the events it brings with it (each planned, previewed or suppressed action, each
 * stage passed over) stored as one {@code audit_event} row: the decision's, with the others in its
 * detail under {@value #FOLLOWED_BY}, where one row each made the audit trail the largest write of a
 * first cycle (2.1 rows per invoice, BENCHMARKS.md). Reading unfolds the row into the same events,
 * in the same order, with the row's id and time, so the console's timeline and the admin API's
 * trail show exactly what one row per event showed. Rows written one per event are read as before.
 */
final class FoldedAudit {

    /** The detail key under which a decision's row carries the events that follow it. */
    static final String FOLLOWED_BY = "followedBy";

    private FoldedAudit() {
    }

    /**
     * The head event with the following ones in its detail. They must be about the same invoice and
     * customer under the same policy version, as a decision's own events are.
     */
    static AuditEvent fold(AuditEvent head, List<AuditEvent> following) {
        if (following.isEmpty()) {
            return head;
        }
        List<Map<String, Object>> folded = new ArrayList<>(following.size());
        for (AuditEvent e : following) {
            if (!e.organisationId().equals(head.organisationId()) || !e.providerInvoiceId().equals(head.providerInvoiceId())
                    || !e.customerId().equals(head.customerId()) || !e.policyVersion().equals(head.policyVersion())) {
                throw new IllegalArgumentException("only events of the same invoice and policy version fold into one row: "
                        + e.kind() + " after " + head.kind());
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("kind", e.kind().name());
            e.actionKey().ifPresent(key -> one.put("actionKey", key.value()));
            one.put("detail", e.detail());
            one.put("message", e.message());
            folded.add(one);
        }
        Map<String, Object> detail = new LinkedHashMap<>(head.detail());
        detail.put(FOLLOWED_BY, folded);
        return new AuditEvent(head.organisationId(), head.providerInvoiceId(), head.customerId(), head.kind(),
                head.actionKey(), head.policyVersion(), detail, head.message());
    }

    /** The events of one stored row, newest first (the order the trail is read in). */
    @SuppressWarnings("unchecked")
    static List<AuditRecord> unfold(AuditRecord row) {
        AuditEvent head = row.event();
        if (!(head.detail().get(FOLLOWED_BY) instanceof List<?> folded)) {
            return List.of(row);
        }
        Map<String, Object> headDetail = new LinkedHashMap<>(head.detail());
        headDetail.remove(FOLLOWED_BY);
        List<AuditRecord> newestFirst = new ArrayList<>(folded.size() + 1);
        for (int i = folded.size() - 1; i >= 0; i--) {
            Map<String, Object> one = (Map<String, Object>) folded.get(i);
            AuditEvent e = new AuditEvent(head.organisationId(), head.providerInvoiceId(), head.customerId(),
                    AuditKind.valueOf((String) one.get("kind")),
                    Optional.ofNullable((String) one.get("actionKey")).map(ActionKey::new), head.policyVersion(),
                    (Map<String, Object>) Objects.requireNonNullElse(one.get("detail"), Map.of()), (String) one.get("message"));
            newestFirst.add(new AuditRecord(row.id(), row.occurredAt(), e));
        }
        newestFirst.add(new AuditRecord(row.id(), row.occurredAt(), new AuditEvent(head.organisationId(),
                head.providerInvoiceId(), head.customerId(), head.kind(), head.actionKey(), head.policyVersion(), headDetail,
                head.message())));
        return newestFirst;
    }

    /** The rows' events, newest first, at most {@code limit}. */
    static List<AuditRecord> unfoldAll(List<AuditRecord> rows, int limit) {
        List<AuditRecord> events = new ArrayList<>();
        for (AuditRecord row : rows) {
            events.addAll(unfold(row));
            if (events.size() >= limit) {
                return List.copyOf(events.subList(0, limit));
            }
        }
        return events;
    }
}
