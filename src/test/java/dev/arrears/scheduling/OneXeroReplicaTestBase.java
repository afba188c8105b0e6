package dev.arrears.scheduling;

import dev.arrears.application.LedgerProvider;
import org.junit.jupiter.api.BeforeEach;

/** One replica, named after the test class, working one Xero ledger double. Runs after the tables are emptied. */
abstract class OneXeroReplicaTestBase extends CycleTestBase {

    RecordingLedger xero;
    CycleFixture.Replica replica;

    @BeforeEach
    void startReplica() {
        xero = fx.ledger(LedgerProvider.XERO);
        replica = fx.replica(getClass().getSimpleName(), xero);
    }
}
