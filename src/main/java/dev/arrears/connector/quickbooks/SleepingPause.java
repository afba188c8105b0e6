package dev.arrears.connector.quickbooks;

import dev.arrears.application.ledger.LedgerFailure;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/** The production {@link Pause}: the calling thread sleeps (never inside a database transaction). */
@ApplicationScoped
@DefaultBean
class SleepingPause implements Pause {

    @Override
    public void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QboProblem(new LedgerFailure.RetryLater("interrupted while waiting to retry", Optional.empty()));
        }
    }
}
