package dev.arrears.platform.cycle;

import dev.arrears.application.AuditTrail;
import dev.arrears.application.ConnectionStore;
import dev.arrears.application.DecisionRecorder;
import dev.arrears.application.DunningStateStore;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.StageReminders;
import dev.arrears.application.InvoicesToDecide;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.Outbox;
import dev.arrears.application.PolicyRepository;
import dev.arrears.application.PolicyVersionStore;
import dev.arrears.application.SendRulesRepository;
import dev.arrears.application.collections.CollectionsStore;
import dev.arrears.application.collections.ContactLog;
import dev.arrears.application.cycle.CycleTimer;
import dev.arrears.application.cycle.EmailReminders;
import dev.arrears.application.cycle.StageReminderWait;
import dev.arrears.connector.email.EmailConfig;
import dev.arrears.application.email.CustomerEmailSettingsStore;
import dev.arrears.application.email.EmailTemplates;
import dev.arrears.application.email.LedgerAddressBook;
import dev.arrears.application.email.InvoiceAttachments;
import dev.arrears.application.email.LedgerInvoicePdfs;
import dev.arrears.application.email.LedgerPayLinks;
import dev.arrears.application.email.UndeliverableAddresses;
import dev.arrears.application.email.MailTransport;
import dev.arrears.application.email.SenderProfileStore;
import dev.arrears.application.cycle.ActionClaims;
import dev.arrears.application.cycle.RetryBackoff;
import dev.arrears.application.cycle.ChaseGuard;
import dev.arrears.application.cycle.CollectionsGuard;
import dev.arrears.application.cycle.CycleBook;
import dev.arrears.application.cycle.CycleSettings;
import dev.arrears.application.cycle.DecideOrganisation;
import dev.arrears.application.cycle.DispatchActions;
import dev.arrears.application.cycle.DispatchSettings;
import dev.arrears.application.cycle.LedgerGateways;
import dev.arrears.application.cycle.OrganisationLeases;
import dev.arrears.application.cycle.ReplicaId;
import dev.arrears.application.cycle.ReplicaRestart;
import dev.arrears.application.cycle.RunCycle;
import dev.arrears.application.cycle.SendRulesCheck;
import dev.arrears.application.cycle.SettingsReadOutsideCycle;
import dev.arrears.application.cycle.SettingsReads;
import dev.arrears.application.cycle.StageDocumentPreview;
import dev.arrears.application.cycle.StageDocuments;
import dev.arrears.application.cycle.SupersededReminderGuard;
import dev.arrears.application.escalation.DocumentStore;
import dev.arrears.application.escalation.EscalationDocuments;
import dev.arrears.application.ledger.LedgerGateway;
import dev.arrears.application.policy.EffectivePolicies;
import dev.arrears.domain.dunning.DunningEngine;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;

/** Builds the cycle's use cases from configuration, the ports and whatever ledger gateways this build has. */
@ApplicationScoped
public class CycleWiring {

    private final RandomGenerator random = new SecureRandom();

    @Produces
    @Singleton
    ReplicaId replicaId(CycleConfig config) {
        ReplicaId id = new ReplicaId(config.replicaId().orElseGet(() -> hostName() + "-" + suffix()));
        Log.infof("Replica id %s", id);
        return id;
    }

    @Produces
    @Singleton
    LedgerGateways gateways(@Any Instance<LedgerGateway> found) {
        LedgerGateways gateways = new LedgerGateways(found.stream().toList());
        Log.infof("Ledger gateways: %s", found.stream().map(LedgerGateway::provider).toList());
        return gateways;
    }

    @Produces
    @Singleton
    DecideOrganisation decideOrganisation(InvoicesToDecide toDecide, DecisionRecorder recorder, Outbox outbox, AuditTrail audit,
                                          PolicyRepository policies, EffectivePolicies effectivePolicies,
                                          PolicyVersionStore versions, ConnectionStore connections,
                                          CollectionsStore collections, StageDocuments stageDocuments) {
        return new DecideOrganisation(toDecide, recorder, outbox, audit, policies, effectivePolicies,
                versions, connections, collections, new DunningEngine(), stageDocuments);
    }

    @Produces
    @Singleton
    StageDocuments stageDocuments(EscalationDocuments escalation, DocumentStore documents, Outbox outbox, ContactLog contacts,
                                  AuditTrail audit) {
        return new StageDocuments(escalation, documents, outbox, contacts, audit);
    }

    /** A stage's document rendered on request and not kept (a previewed organisation's decide step keeps none). */
    @Produces
    @Singleton
    StageDocumentPreview stageDocumentPreview(OrganisationStore organisations, InvoicesToDecide toDecide,
                                              EffectivePolicies effectivePolicies, ConnectionStore connections,
                                              CollectionsStore collections, StageDocuments stageDocuments, Clock clock) {
        return new StageDocumentPreview(organisations, toDecide, effectivePolicies, connections, collections, stageDocuments,
                clock);
    }

    /** Holds and disputes, re-checked right before every write. */
    @Produces
    @Singleton
    ChaseGuard collectionsGuard(CollectionsStore collections, OrganisationStore organisations, Clock clock) {
        return new CollectionsGuard(collections, organisations, clock);
    }

    /** A reminder of a stage the invoice has left is never sent late, in a burst with the next one. */
    @Produces
    @Singleton
    ChaseGuard supersededReminderGuard(DunningStateStore states) {
        return new SupersededReminderGuard(states);
    }

    @Produces
    @Singleton
    ReplicaRestart replicaRestart(ReplicaId replica, Clock clock, OrganisationLeases leases, ActionClaims claims) {
        return new ReplicaRestart(replica, clock, leases, claims);
    }

    @Produces
    @Singleton
    DispatchActions dispatchActions(ReplicaId replica, Clock clock, DispatchConfig config, ActionClaims claims,
                                    OrganisationStore organisations, InvoiceStore invoices, Outbox outbox,
                                    CycleBook book, LedgerGateways gateways, @Any Instance<ChaseGuard> guards,
                                    SendRulesRepository sendRules, ContactLog contacts, ConnectionStore connections,
                                    EmailReminders emails, StageReminders stageReminders) {
        DispatchSettings settings = new DispatchSettings(config.claimDuration(), config.batchSize(), config.maxAttempts(),
                config.backoffBase(), config.backoffMax());
        List<ChaseGuard> guardList = guards.stream().toList();
        return new DispatchActions(replica, clock, settings, claims, organisations, invoices, outbox, book, gateways,
                guardList, new RetryBackoff(settings.backoffBase(), settings.backoffMax(), random),
                new SendRulesCheck(sendRules, contacts, connections), emails, new StageReminderWait(stageReminders, clock));
    }

    /** The email channel: sender profiles, recipients from each ledger, the templates, and the mail transports. */
    @Produces
    @Singleton
    EmailReminders emailReminders(Clock clock, SenderProfileStore profiles, CustomerEmailSettingsStore customers,
                                  EffectivePolicies policies, ConnectionStore connections, DunningStateStore states,
                                  EmailTemplates templates, @Any Instance<LedgerAddressBook> addressBooks,
                                  @Any Instance<LedgerPayLinks> payLinks, @Any Instance<MailTransport> transports,
                                  @Any Instance<LedgerInvoicePdfs> pdfs, EmailConfig email, UndeliverableAddresses undeliverable) {
        return new EmailReminders(clock, profiles, customers, policies, connections, states, templates, addressBooks.stream().toList(),
                payLinks.stream().toList(), transports.stream().toList(),
                new InvoiceAttachments(pdfs.stream().toList(), email.attachmentMaxBytes()), undeliverable);
    }

    /** Every read of a ledger's settings counts for the daily step, whoever asked for it. */
    @Produces
    @Singleton
    SettingsReads settingsReads(CycleBook book, AuditTrail audit) {
        return new SettingsReads(book, audit);
    }

    /** Registrations and accountants' choices read settings under the organisation's lease too. */
    @Produces
    @Singleton
    SettingsReadOutsideCycle settingsReadOutsideCycle(ReplicaId replica, Clock clock, OrganisationLeases leases, CycleBook book,
                                                      SettingsReads reads, CycleConfig config) {
        // A cycle holds an organisation for seconds, a first sync of a large one for a minute or two.
        return new SettingsReadOutsideCycle(replica, clock, leases, book, reads, config.leaseDuration(), Duration.ofSeconds(90));
    }

    @Produces
    @Singleton
    RunCycle runCycle(ReplicaId replica, Clock clock, CycleConfig config, OrganisationLeases leases, CycleBook book,
                      OrganisationStore organisations, LedgerGateways gateways, DecideOrganisation decide,
                      DispatchActions dispatch, AuditTrail audit, SettingsReads settingsReads, CycleTimer timer) {
        CycleSettings settings = new CycleSettings(config.leaseDuration(), config.organisationsPerRun(), config.syncEvery(),
                config.decideEvery(), config.settingsEvery(), config.failureBackoffBase(), config.failureBackoffMax());
        return new RunCycle(replica, clock, settings, leases, book, organisations, gateways, decide, dispatch, audit,
                settingsReads, new RetryBackoff(settings.failureBackoffBase(), settings.failureBackoffMax(), random), timer);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "arrears";
        }
    }

    private String suffix() {
        byte[] bytes = new byte[3];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return HexFormat.of().formatHex(bytes);
    }
}
