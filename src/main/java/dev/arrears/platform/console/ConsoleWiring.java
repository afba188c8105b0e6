package dev.arrears.platform.console;

import dev.arrears.application.AuditTrail;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.Outbox;
import dev.arrears.application.Transactions;
import dev.arrears.application.collections.CollectionsStore;
import dev.arrears.application.collections.ContactLog;
import dev.arrears.application.console.ConsoleViews;
import dev.arrears.application.console.CustomerActions;
import dev.arrears.application.console.InvoiceActions;
import dev.arrears.application.console.TaskBoard;
import dev.arrears.application.console.ConsoleAccounts;
import dev.arrears.application.console.OrganisationActions;
import dev.arrears.application.cycle.OrganisationControl;
import dev.arrears.application.cycle.QueueControl;
import dev.arrears.platform.clock.SessionTime;
import dev.arrears.application.console.ConsoleEvents;
import dev.arrears.application.console.ConsoleSecuritySettings;
import dev.arrears.application.console.ConsoleSessions;
import dev.arrears.application.console.ConsoleUsers;
import dev.arrears.application.console.SignInFailures;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Builds the console's accounts service and creates the first firm admin from the environment. */
@ApplicationScoped
public class ConsoleWiring {

    @Produces
    @Singleton
    ConsoleAccounts accounts(ConsoleUsers users, ConsoleSessions sessions, SignInFailures failures, ConsoleEvents events,
                             ConsoleConfig config, @SessionTime Clock clock) {
        ConsoleSecuritySettings settings = new ConsoleSecuritySettings(config.idleTimeout(), config.sessionLifetime(),
                config.maxFailedSignIns(), config.failureWindow(), config.lockDuration());
        BcryptPasswordHasher hasher = new BcryptPasswordHasher(config.bcryptCost());
        return new ConsoleAccounts(users, sessions, failures, events, hasher, settings, clock);
    }

    @Produces
    @Singleton
    OrganisationActions organisationActions(OrganisationControl control, QueueControl queue, AuditTrail audit,
                                            Transactions transactions, Clock clock) {
        return new OrganisationActions(control, queue, audit, transactions, clock);
    }

    @Produces
    @Singleton
    InvoiceActions invoiceActions(OrganisationStore organisations, CollectionsStore collections, Outbox outbox,
                                  AuditTrail audit, Transactions transactions, Clock clock) {
        return new InvoiceActions(organisations, collections, outbox, audit, transactions, clock);
    }

    @Produces
    @Singleton
    CustomerActions customerActions(ContactLog contacts, ConsoleViews views, AuditTrail audit, Transactions transactions,
                                    Clock clock) {
        return new CustomerActions(contacts, views, audit, transactions, clock);
    }

    @Produces
    @Singleton
    TaskBoard taskBoard(OrganisationStore organisations, ConsoleViews views, ConsoleAccounts accounts, Outbox outbox,
                        InvoiceActions invoices, AuditTrail audit, Transactions transactions, Clock clock) {
        return new TaskBoard(organisations, views, accounts, outbox, invoices, audit, transactions, clock);
    }

    void firstAdmin(@Observes StartupEvent event, ConsoleConfig config, ConsoleAccounts accounts) {
        if (config.adminUsername().isEmpty() || config.adminPassword().isEmpty()) {
            return;
        }
        if (accounts.createFirstAdmin(config.adminUsername().get(), config.adminPassword().get())) {
            Log.infof("Console: created the first firm admin '%s' from the environment", config.adminUsername().get());
        }
    }
}
