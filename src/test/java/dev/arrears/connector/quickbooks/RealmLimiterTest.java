package dev.arrears.connector.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.application.ledger.LedgerFailure;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The per-realm limiter on a fixed clock (plain JUnit). */
class RealmLimiterTest {

    private static final Instant T0 = Instant.parse("2025-03-10T09:00:00Z");

    @Test
    void five_hundred_requests_a_minute_then_the_next_waits_for_the_oldest_to_age_out() {
        RealmLimiter limiter = new RealmLimiter(500, 10, 40, Duration.ZERO);
        for (int i = 0; i < 500; i++) {
            limiter.acquire(T0.plusMillis(i), false);
            limiter.release();
        }
        assertThatThrownBy(() -> limiter.acquire(T0.plusSeconds(30), false))
                .isInstanceOfSatisfying(QboProblem.class, p -> {
                    LedgerFailure.RetryLater refused = (LedgerFailure.RetryLater) p.failure();
                    assertThat(refused.notBefore()).contains(T0.plusSeconds(60));
                    assertThat(refused.throttled()).as("nothing was sent: not a failed attempt").isTrue();
                });
        limiter.acquire(T0.plusSeconds(60), false);
    }

    @Test
    void ten_at_once() {
        RealmLimiter limiter = new RealmLimiter(500, 10, 40, Duration.ZERO);
        for (int i = 0; i < 10; i++) {
            limiter.acquire(T0, false);
        }
        assertThatThrownBy(() -> limiter.acquire(T0, false)).isInstanceOf(QboProblem.class);
        limiter.release();
        limiter.acquire(T0, false);
    }

    @Test
    void forty_batches_a_minute_and_a_back_off_refuses_everything_until_it_ends() {
        RealmLimiter limiter = new RealmLimiter(500, 10, 40, Duration.ZERO);
        for (int i = 0; i < 40; i++) {
            limiter.acquire(T0, true);
            limiter.release();
        }
        assertThatThrownBy(() -> limiter.acquire(T0, true)).isInstanceOf(QboProblem.class);
        limiter.acquire(T0, false);
        limiter.release();

        limiter.backOff(T0.plusSeconds(60));
        assertThatThrownBy(() -> limiter.acquire(T0.plusSeconds(59), false)).isInstanceOf(QboProblem.class);
        limiter.acquire(T0.plusSeconds(61), false);
    }
}
