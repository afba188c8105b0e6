package dev.arrears.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.arrears.application.AuditEvent;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.OrganisationId;
import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.DunningState;
import dev.arrears.domain.dunning.PlannedAction;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The statements behind {@link JpaDecisionRecorder#recordAll}: each reads or writes the rows of a
 * whole chunk of decisions in one round trip ({@code unnest} of one array per column), where the
 * single-decision path needed several per invoice. Plain JDBC on the transaction's connection, so
 * it commits or rolls back with everything else the recorder does.
 */
final class DecisionRows {

    /** The invoice row behind a decision. */
    record InvoiceRow(UUID id, UUID organisationId, String customerId) {
    }

    /** A locked dunning state: the version a decision must have read, and what it skipped so far. */
    record LockedState(long version, List<String> skippedStages) {
    }

    /** The organisation's mode, read under a share lock. */
    record Mode(String mode, Optional<String> beforePause) {
    }

    record StateWrite(UUID invoiceId, UUID organisationId, DunningState state, String policyVersion, long version) {
    }

    record ActionRow(UUID invoiceId, UUID organisationId, PlannedAction action, String status, String policyVersion) {
    }

    record Cancellation(UUID invoiceId, String reason) {
    }

    record AuditRow(UUID invoiceId, String customerId, AuditEvent event) {
    }

    // The columns of a dunning state as unnest yields them; arrays of text (stages, notices) travel
    // as array literals ('{"a","b"}'), because unnest would flatten an array of arrays. (They
    // travelled as JSON arrays, unpacked by a subquery per column and row: three subqueries for
    // every state a first cycle writes.)
    private static final String STATES = """
            unnest(cast(? as uuid[]), cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as date[]),
                   cast(? as date[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as date[]),
                   cast(? as text[]), cast(? as text[]), cast(? as bigint[]))
                as u(invoice_id, organisation_id, status, stage, entered, due, completed, skipped, fees, review,
                     notices, policy, version)""";

    private static final String UPDATE_STATES = """
            update dunning_state s set status = u.status, stage = u.stage, stage_entered_on = u.entered,
                due_date_at_stage = u.due,
                completed_stages = cast(u.completed as text[]), skipped_stages = cast(u.skipped as text[]),
                fees = cast(u.fees as jsonb), next_review_on = u.review, notices = cast(u.notices as text[]),
                policy_version = u.policy, version = u.version, updated_at = ?
            from\s""" + STATES + """

            where s.invoice_id = u.invoice_id""";

    // Nothing was there to lock for a first state: a writer inserting the same first state at the
    // same moment wins, and this decision is reported stale (not returned here).
    private static final String INSERT_STATES = """
            insert into dunning_state (invoice_id, organisation_id, status, stage, stage_entered_on, due_date_at_stage,
                                       completed_stages, skipped_stages, fees, next_review_on, notices, policy_version,
                                       version, created_at, updated_at)
            select u.invoice_id, u.organisation_id, u.status, u.stage, u.entered, u.due, cast(u.completed as text[]),
                   cast(u.skipped as text[]), cast(u.fees as jsonb), u.review, cast(u.notices as text[]), u.policy, u.version,
                   ?, ?
            from\s""" + STATES + """

            on conflict (invoice_id) do nothing
            returning invoice_id""";

    private static final String CANCEL = """
            update outbox_action o set status = 'CANCELLED', status_reason = c.reason, updated_at = ?
            from unnest(cast(? as uuid[]), cast(? as text[])) as c(invoice_id, reason)
            where o.invoice_id = c.invoice_id and o.status = 'PENDING'
            returning o.invoice_id, o.action_key""";

    private static final String INSERT_ACTIONS = """
            insert into outbox_action (id, action_key, organisation_id, invoice_id, kind, stage, payload, policy_version,
                                       status, attempts, next_attempt_at, created_at, updated_at)
            select u.id, u.action_key, u.organisation_id, u.invoice_id, u.kind, u.stage, cast(u.payload as jsonb),
                   u.policy, u.status, 0, ?, ?, ?
            from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as uuid[]), cast(? as uuid[]), cast(? as text[]),
                        cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))
                as u(id, action_key, organisation_id, invoice_id, kind, stage, payload, policy, status)
            """ + JpaOutbox.PLAN_AGAIN_IF_CANCELLED + """

            returning action_key""";

    // "with ordinality ... order by": the events get their ids (their place in the trail) in the
    // order they were given, as one insert each would.
    private static final String COPY_AUDIT = "copy audit_event (occurred_at, organisation_id, invoice_id, customer_id, kind,"
            + " action_key, policy_version, detail, message) from stdin with (format csv)";

    private final Connection connection;
    private final OffsetDateTime now;

    DecisionRows(Connection connection, Instant now) {
        this.connection = connection;
        this.now = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    /**
     * Share-locks the organisations' rows and reads their modes: a mode change (go-live) waits for
     * this transaction, and one that committed first is seen.
     */
    Map<UUID, Mode> lockModes(Collection<UUID> organisations) throws SQLException {
        Map<UUID, Mode> modes = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement(
                "select id, mode, mode_before_pause from organisation where id = any(cast(? as uuid[])) order by id for share")) {
            s.setArray(1, array("uuid", organisations.stream().sorted().toList()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    modes.put(r.getObject(1, UUID.class), new Mode(r.getString(2), Optional.ofNullable(r.getString(3))));
                }
            }
        }
        return modes;
    }

    /** The invoice rows of the references, in one query; a reference that has none is missing from the map. */
    Map<InvoiceRef, InvoiceRow> invoices(Collection<InvoiceRef> refs) throws SQLException {
        Map<InvoiceRef, InvoiceRow> rows = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("""
                select i.organisation_id, i.provider_invoice_id, i.id, i.customer_id
                from invoice i join unnest(cast(? as uuid[]), cast(? as text[])) as r(organisation_id, provider_invoice_id)
                    on i.organisation_id = r.organisation_id and i.provider_invoice_id = r.provider_invoice_id""")) {
            s.setArray(1, array("uuid", refs.stream().map(ref -> ref.organisationId().value()).toList()));
            s.setArray(2, array("text", refs.stream().map(InvoiceRef::providerInvoiceId).toList()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    UUID org = r.getObject(1, UUID.class);
                    rows.put(new InvoiceRef(new OrganisationId(org), r.getString(2)),
                            new InvoiceRow(r.getObject(3, UUID.class), org, r.getString(4)));
                }
            }
        }
        return rows;
    }

    /**
     * Locks the stored states of these invoices, always in the order of their ids so that two
     * writers locking overlapping chunks cannot deadlock. Invoices without a state are missing from the map.
     */
    Map<UUID, LockedState> lockStates(Collection<UUID> invoiceIds) throws SQLException {
        Map<UUID, LockedState> states = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("""
                select invoice_id, version, array_to_json(skipped_stages)::text from dunning_state
                where invoice_id = any(cast(? as uuid[])) order by invoice_id for update""")) {
            s.setArray(1, array("uuid", invoiceIds.stream().sorted().toList()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    states.put(r.getObject(1, UUID.class), new LockedState(r.getLong(2), stringList(r.getString(3))));
                }
            }
        }
        return states;
    }

    void updateStates(List<StateWrite> writes) throws SQLException {
        if (writes.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(UPDATE_STATES)) {
            s.setObject(1, now);
            bindStates(s, 2, writes);
            s.executeUpdate();
        }
    }

    /** @return the invoices whose first state was inserted; the others had one inserted by someone else meanwhile */
    List<UUID> insertStates(List<StateWrite> writes) throws SQLException {
        if (writes.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement s = connection.prepareStatement(INSERT_STATES)) {
            s.setObject(1, now);
            s.setObject(2, now);
            bindStates(s, 3, writes);
            return results(s, r -> r.getObject(1, UUID.class));
        }
    }

    /** Cancels the PENDING actions of the invoices; @return the keys cancelled, by invoice */
    Map<UUID, List<ActionKey>> cancelPending(List<Cancellation> cancellations) throws SQLException {
        Map<UUID, List<ActionKey>> cancelled = new LinkedHashMap<>();
        if (cancellations.isEmpty()) {
            return cancelled;
        }
        try (PreparedStatement s = connection.prepareStatement(CANCEL)) {
            s.setObject(1, now);
            s.setArray(2, array("uuid", column(cancellations, Cancellation::invoiceId)));
            s.setArray(3, array("text", column(cancellations, Cancellation::reason)));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    cancelled.computeIfAbsent(r.getObject(1, UUID.class), id -> new ArrayList<>())
                            .add(new ActionKey(r.getString(2)));
                }
            }
        }
        return cancelled;
    }

    /**
     * Inserts the actions (their keys must differ), planning again a CANCELLED row of the same key.
     *
     * @return the keys written: new, or planned again
     */
    List<String> insertActions(List<ActionRow> actions) throws SQLException {
        if (actions.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement s = connection.prepareStatement(INSERT_ACTIONS)) {
            s.setObject(1, now);
            s.setObject(2, now);
            s.setObject(3, now);
            s.setArray(4, array("uuid", actions.stream().map(a -> UUID.randomUUID()).toList()));
            s.setArray(5, array("text", column(actions, a -> a.action().key().value())));
            s.setArray(6, array("uuid", column(actions, ActionRow::organisationId)));
            s.setArray(7, array("uuid", column(actions, ActionRow::invoiceId)));
            s.setArray(8, array("text", column(actions, a -> ActionPayloads.kind(a.action()))));
            s.setArray(9, array("text", column(actions, a -> a.action().stage())));
            s.setArray(10, array("text", column(actions, a -> ActionPayloads.write(a.action()))));
            s.setArray(11, array("text", column(actions, ActionRow::policyVersion)));
            s.setArray(12, array("text", column(actions, ActionRow::status)));
            return results(s, r -> r.getString(1));
        }
    }

    /**
     * Appends the events with COPY (CSV, every value quoted, a null left unquoted and empty) rather
     * than an insert from arrays: the audit trail is two rows per decided invoice, and inserting them
     * was the largest database wait of a first cycle (JFR, BENCHMARKS.md). Same transaction, same
     * order (the ids follow it), same constraints and triggers.
     */
    void appendAudit(List<AuditRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder csv = new StringBuilder(rows.size() * 400);
        String at = now.toString();
        for (AuditRow r : rows) {
            AuditEvent e = r.event();
            csvValue(csv, at).append(',');
            csvValue(csv, e.organisationId().value().toString()).append(',');
            csvValue(csv, r.invoiceId() == null ? null : r.invoiceId().toString()).append(',');
            csvValue(csv, e.customerId().orElse(r.customerId())).append(',');
            csvValue(csv, e.kind().name()).append(',');
            csvValue(csv, e.actionKey().map(ActionKey::value).orElse(null)).append(',');
            csvValue(csv, e.policyVersion().orElse(null)).append(',');
            csvValue(csv, JsonbCodec.write(e.detail())).append(',');
            csvValue(csv, e.message()).append('\n');
        }
        try {
            connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(COPY_AUDIT,
                    new java.io.StringReader(csv.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("appending the audit events: " + e.getMessage(), e);
        }
    }

    private static StringBuilder csvValue(StringBuilder csv, String value) {
        if (value == null) {
            return csv;
        }
        csv.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                csv.append('"');
            }
            csv.append(c);
        }
        return csv.append('"');
    }

    private void bindStates(PreparedStatement s, int first, List<StateWrite> writes) throws SQLException {
        int i = first;
        s.setArray(i++, array("uuid", column(writes, StateWrite::invoiceId)));
        s.setArray(i++, array("uuid", column(writes, StateWrite::organisationId)));
        s.setArray(i++, array("text", column(writes, w -> w.state().status().name())));
        s.setArray(i++, array("text", column(writes, w -> w.state().stage().orElse(null))));
        s.setArray(i++, array("text", column(writes, w -> date(w.state().stageEnteredOn()))));
        s.setArray(i++, array("text", column(writes, w -> date(w.state().dueDateAtStage()))));
        s.setArray(i++, array("text", column(writes, w -> arrayLiteral(w.state().completedStages()))));
        s.setArray(i++, array("text", column(writes, w -> arrayLiteral(w.state().skippedStages()))));
        s.setArray(i++, array("text", column(writes, w -> FeesJson.write(w.state().fees()))));
        s.setArray(i++, array("text", column(writes, w -> date(w.state().nextReviewOn()))));
        s.setArray(i++, array("text", column(writes, w -> arrayLiteral(w.state().notices()))));
        s.setArray(i++, array("text", column(writes, StateWrite::policyVersion)));
        s.setArray(i, array("int8", column(writes, StateWrite::version)));
    }

    /** One column of a result row. */
    private interface Column<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <T> List<T> results(PreparedStatement s, Column<T> column) throws SQLException {
        List<T> values = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                values.add(column.read(r));
            }
        }
        return values;
    }

    private Array array(String type, List<?> values) throws SQLException {
        return connection.createArrayOf(type, values.toArray());
    }

    private static <T> List<Object> column(List<T> rows, Function<T, Object> value) {
        List<Object> column = new ArrayList<>(rows.size());
        rows.forEach(row -> column.add(value.apply(row)));
        return column;
    }

    private static String date(Optional<LocalDate> day) {
        return day.map(LocalDate::toString).orElse(null);
    }

    /** PostgreSQL's text form of a text[]: every element quoted, quotes and backslashes escaped. */
    static String arrayLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    private static List<String> stringList(String json) {
        try {
            return json == null ? List.of() : List.of(JsonbCodec.MAPPER.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
