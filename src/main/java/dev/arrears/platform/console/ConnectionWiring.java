package dev.arrears.platform.console;

import dev.arrears.application.AuditTrail;
import dev.arrears.application.ConnectionStore;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.Transactions;
import dev.arrears.application.connection.LedgerConnections;
import dev.arrears.application.connection.LedgerOnboarding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The connections service, with the onboarding of every ledger connector in this build. */
@ApplicationScoped
public class ConnectionWiring {

    @Produces
    @Singleton
    LedgerConnections ledgerConnections(@Any Instance<LedgerOnboarding> onboardings, OrganisationStore organisations,
                                        ConnectionStore connections, AuditTrail audit, Transactions transactions) {
        return new LedgerConnections(onboardings.stream().toList(), organisations, connections, audit, transactions);
    }
}
