package dev.arrears.scheduling;

import dev.arrears.application.AuditTrail;
import dev.arrears.application.ConnectionStore;
import dev.arrears.application.PolicyVersionStore;
import dev.arrears.application.cycle.CycleTimer;
import dev.arrears.application.policy.EffectivePolicies;
import dev.arrears.application.DecisionRecorder;
import dev.arrears.application.DunningStateStore;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.InvoicesToDecide;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.Outbox;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.PolicyRepository;
import dev.arrears.application.collections.CollectionsStore;
import dev.arrears.application.SendRulesRepository;
import dev.arrears.application.collections.ContactLog;
import dev.arrears.application.cycle.EmailReminders;
import dev.arrears.application.cycle.ActionClaims;
import dev.arrears.application.cycle.SendRulesCheck;
import dev.arrears.application.cycle.RetryBackoff;
import dev.arrears.application.cycle.ChaseGuard;
import dev.arrears.application.cycle.CycleBook;
import dev.arrears.application.cycle.CycleSettings;
import dev.arrears.application.cycle.DecideOrganisation;
import dev.arrears.application.cycle.DispatchActions;
import dev.arrears.application.cycle.StageReminderWait;
import dev.arrears.application.StageReminders;
import dev.arrears.application.cycle.DispatchSettings;
import dev.arrears.application.cycle.LedgerGateways;
import dev.arrears.application.cycle.OrganisationControl;
import dev.arrears.application.cycle.OrganisationLeases;
import dev.arrears.application.cycle.ReplicaId;
import dev.arrears.application.cycle.RunCycle;
import dev.arrears.application.cycle.SettingsReads;
import dev.arrears.application.cycle.StageDocuments;
import dev.arrears.application.escalation.DocumentStore;
import dev.arrears.application.escalation.EscalationDocuments;
import dev.arrears.domain.dunning.DunningEngine;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import dev.arrears.persistence.TestClock;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Builds "replicas" (a RunCycle and a DispatchActions with their own replica id, over the real
 * stores) in one test JVM, plus organisations, invoices and a look at the tables.
 */
@Singleton
class CycleFixture {

    /** Monday 10 March 2025, 09:00 UTC: 09:00 in London. */
    static final Instant NOW = Instant.parse("2025-03-10T09:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2025, 3, 10);

    final TestClock clock;
    final OrganisationStore organisations;
    final OrganisationControl control;
    final OrganisationLeases leases;
    final CycleBook book;
    final ActionClaims claims;
    final InvoiceStore invoices;
    final InvoicesToDecide toDecide;
    final DunningStateStore states;
    final DecisionRecorder recorder;
    final Outbox outbox;
    final AuditTrail audit;
    final PolicyRepository policies;
    final AgroalDataSource dataSource;
    final CollectionsStore collections;
    /** The guards the application provides (holds and disputes), as the real dispatcher gets them. */
    final List<ChaseGuard> guards;
    final EffectivePolicies effectivePolicies;
    final PolicyVersionStore versions;
    final ConnectionStore connections;
    final SendRulesRepository sendRules;
    final ContactLog contacts;
    final EscalationDocuments escalation;
    final DocumentStore documents;
    final StageReminders stageReminders;

    CycleFixture(TestClock clock, OrganisationStore organisations, OrganisationControl control, OrganisationLeases leases,
                 CycleBook book, ActionClaims claims, InvoiceStore invoices, InvoicesToDecide toDecide,
                 DunningStateStore states, DecisionRecorder recorder, Outbox outbox, AuditTrail audit,
                 PolicyRepository policies, AgroalDataSource dataSource, CollectionsStore collections,
                 @Any Instance<ChaseGuard> guards, EffectivePolicies effectivePolicies, PolicyVersionStore versions,
                 ConnectionStore connections, SendRulesRepository sendRules, ContactLog contacts,
                 EscalationDocuments escalation, DocumentStore documents, StageReminders stageReminders) {
        this.clock = clock;
        this.stageReminders = stageReminders;
        this.organisations = organisations;
        this.control = control;
        this.leases = leases;
        this.book = book;
        this.claims = claims;
        this.invoices = invoices;
        this.toDecide = toDecide;
        this.states = states;
        this.recorder = recorder;
        this.outbox = outbox;
        this.audit = audit;
        this.policies = policies;
        this.dataSource = dataSource;
        this.collections = collections;
        this.guards = guards.stream().toList();
        this.effectivePolicies = effectivePolicies;
        this.versions = versions;
        this.connections = connections;
        this.sendRules = sendRules;
        this.contacts = contacts;
        this.escalation = escalation;
        this.documents = documents;
    }

    record Replica(RunCycle cycle, DispatchActions dispatch) {
    }

    /**
     * Each test starts at {@link #NOW} with every organisation left by other tests paused, so the
     * replicas only ever see the organisations the test made.
     */
    void reset() throws SQLException {
        clock.set(NOW);
        update("update organisation set mode = 'PAUSED', lease_owner = null, lease_expires_at = null, "
                + "dispatch_owner = null, dispatch_expires_at = null");
    }

    Replica replica(String id, RecordingLedger... ledgers) {
        return replica(id, CycleSettings.defaults(), DispatchSettings.defaults(), guards, ledgers);
    }

    Replica replica(String id, CycleSettings cycleSettings, DispatchSettings dispatchSettings, List<ChaseGuard> guards,
                    RecordingLedger... ledgers) {
        return replica(id, cycleSettings, dispatchSettings, guards, effectivePolicies, ledgers);
    }

    /** A replica whose invoices are chased under {@code effective} (policy files of the test's own). */
    Replica replica(String id, EffectivePolicies effective, RecordingLedger... ledgers) {
        return replica(id, CycleSettings.defaults(), DispatchSettings.defaults(), guards, effective, ledgers);
    }

    Replica replica(String id, CycleSettings cycleSettings, DispatchSettings dispatchSettings, List<ChaseGuard> guards,
                    EffectivePolicies effective, RecordingLedger... ledgers) {
        return replica(id, cycleSettings, dispatchSettings, guards, effective, EmailReminders.LEDGER_ONLY, ledgers);
    }

    /** A replica whose invoices are chased under {@code effective} and whose email reminders go through {@code emails}. */
    Replica replica(String id, EffectivePolicies effective, EmailReminders emails, RecordingLedger... ledgers) {
        return replica(id, CycleSettings.defaults(), DispatchSettings.defaults(), guards, effective, emails, ledgers);
    }

    /** A replica that sends email reminders through {@code emails}. */
    Replica replica(String id, EmailReminders emails, RecordingLedger... ledgers) {
        return replica(id, CycleSettings.defaults(), DispatchSettings.defaults(), guards, effectivePolicies, emails, ledgers);
    }

    private Replica replica(String id, CycleSettings cycleSettings, DispatchSettings dispatchSettings, List<ChaseGuard> guards,
                            EffectivePolicies effective, EmailReminders emails, RecordingLedger... ledgers) {
        ReplicaId replica = new ReplicaId(id);
        LedgerGateways gateways = new LedgerGateways(Arrays.asList(ledgers));
        Random random = new Random(id.hashCode());
        DecideOrganisation decide = decide(effective);
        DispatchActions dispatch = new DispatchActions(replica, clock, dispatchSettings, claims, organisations, invoices,
                outbox, book, gateways, guards,
                new RetryBackoff(dispatchSettings.backoffBase(), dispatchSettings.backoffMax(), random),
                new SendRulesCheck(sendRules, contacts, connections), emails, new StageReminderWait(stageReminders, clock));
        RunCycle cycle = new RunCycle(replica, clock, cycleSettings, leases, book, organisations, gateways, decide, dispatch,
                audit, new SettingsReads(book, audit), new RetryBackoff(cycleSettings.failureBackoffBase(), cycleSettings.failureBackoffMax(), random),
                CycleTimer.NONE);
        return new Replica(cycle, dispatch);
    }

    /** The decide step over the real stores, as a replica runs it. */
    DecideOrganisation decide(EffectivePolicies effective) {
        return new DecideOrganisation(toDecide, recorder, outbox, audit, policies,
                effective, versions, connections, collections, new DunningEngine(),
                new StageDocuments(escalation, documents, outbox, contacts, audit));
    }

    RecordingLedger ledger(LedgerProvider provider) {
        return new RecordingLedger(provider, invoices, clock);
    }

    OrganisationId organisation(String name, LedgerProvider provider) {
        return organisations.create(new NewOrganisation(name, provider, ZoneId.of("Europe/London"), "GB",
                Money.currency("GBP"), "default")).id();
    }

    OrganisationId liveOrganisation(String name, LedgerProvider provider) {
        OrganisationId id = organisation(name, provider);
        control.goLive(id, clock.instant());
        return id;
    }

    /** An open invoice of 1,200.00 GBP due on {@code due}. */
    static InvoiceSnapshot invoice(OrganisationId org, String id, String customer, LocalDate due) {
        return new InvoiceSnapshot(org.toString(), id, "INV-" + id, customer, "Customer " + customer, due.minusDays(30),
                Optional.of(due), Money.of("1200.00", "GBP"), Money.of("1200.00", "GBP"), InvoiceStatus.OPEN, List.of(),
                false);
    }

    List<OutboxEntry> outbox(OrganisationId org) {
        List<OutboxEntry> all = new ArrayList<>();
        for (OutboxStatus status : OutboxStatus.values()) {
            all.addAll(outbox.list(org, status));
        }
        return all;
    }

    List<OutboxEntry> outbox(OrganisationId org, OutboxStatus status) {
        return outbox.list(org, status);
    }

    int update(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = prepare(c, sql, params)) {
            return st.executeUpdate();
        }
    }

    List<List<Object>> rows(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = prepare(c, sql, params);
             ResultSet rs = st.executeQuery()) {
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
        return st;
    }
}
