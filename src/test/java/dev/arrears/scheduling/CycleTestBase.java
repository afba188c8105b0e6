package dev.arrears.scheduling;

import dev.arrears.persistence.TestClock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Every cycle test starts from empty tables and leaves the shared clock where the next test expects it. */
abstract class CycleTestBase {

    @Inject
    CycleFixture fx;

    @BeforeEach
    void emptyTables() throws Exception {
        fx.reset();
    }

    @AfterEach
    void resetClock() {
        fx.clock.set(TestClock.START);
    }
}
