package dev.arrears.connector.xero;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits between attempts of one request: exponential with full jitter, so that many organisations
 * failing at once do not retry in step. Only short waits happen here (seconds); the long ones a
 * ledger asks for (Retry-After, organisation offline) are stored as pauses instead, never slept.
 */
@ApplicationScoped
class RequestBackoff {

    private final XeroConfig.Retry retry;

    RequestBackoff(XeroConfig config) {
        this.retry = config.retry();
    }

    int attempts() {
        return Math.max(1, retry.attempts());
    }

    /** Waits before attempt number {@code attempt} (2 for the first retry). */
    void before(int attempt) {
        long cap = Math.min(retry.maxBackoff().toMillis(), retry.initialBackoff().toMillis() << Math.min(attempt - 2, 20));
        if (cap <= 0) {
            return;
        }
        long wait = ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
        try {
            Thread.sleep(Duration.ofMillis(wait));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
