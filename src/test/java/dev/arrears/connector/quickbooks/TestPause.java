package dev.arrears.connector.quickbooks;

import dev.arrears.persistence.TestClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Retries wait by moving the test clock, never by sleeping. */
@Alternative
@Priority(1)
@Singleton
class TestPause implements Pause {

    private final TestClock clock;
    final List<Duration> pauses = new CopyOnWriteArrayList<>();

    TestPause(TestClock clock) {
        this.clock = clock;
    }

    @Override
    public void pause(Duration duration) {
        pauses.add(duration);
        clock.advance(duration);
    }
}
