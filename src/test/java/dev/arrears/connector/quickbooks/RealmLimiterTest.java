package dev.arrears.connector.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.connector.TestTicker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The per-realm limiter (plain JUnit). The business clock is fixed at T0 throughout: only real time
 * (the ticker) moves the windows and the back-off; the times it names are business time.
 */
class RealmLimiterTest {

    private static final Instant T0 = Instant.parse("2025-03-10T09:00:00Z");

    private final TestTicker ticker = TestTicker.frozen();
    private final RealmLimiter limiter = new RealmLimiter(500, 10, 40, Duration.ZERO, ticker, Clock.fixed(T0, ZoneOffset.UTC));

    private static LedgerFailure.RetryLater refusal(Throwable problem) {
        return (LedgerFailure.RetryLater) ((QboProblem) problem).failure();
    }

    @Test
    void five_hundred_requests_a_minute_then_the_next_waits_for_the_oldest_to_age_out() {
        for (int i = 0; i < 500; i++) {
            limiter.acquire(false);
            limiter.release();
            ticker.advance(Duration.ofMillis(1));
        }
        ticker.advance(Duration.ofSeconds(30).minusMillis(500));
        assertThatThrownBy(() -> limiter.acquire(false))
                .isInstanceOfSatisfying(QboProblem.class, p -> {
                    assertThat(refusal(p).notBefore()).as("30 s of real time left, named from the business clock's now")
                            .contains(T0.plusSeconds(30));
                    assertThat(refusal(p).throttled()).as("nothing was sent: not a failed attempt").isTrue();
                });
        ticker.advance(Duration.ofSeconds(30));
        limiter.acquire(false);
    }

    @Test
    void ten_at_once() {
        for (int i = 0; i < 10; i++) {
            limiter.acquire(false);
        }
        assertThatThrownBy(() -> limiter.acquire(false)).isInstanceOf(QboProblem.class);
        limiter.release();
        limiter.acquire(false);
    }

    @Test
    void forty_batches_a_minute_and_a_back_off_refuses_everything_until_it_ends() {
        for (int i = 0; i < 40; i++) {
            limiter.acquire(true);
            limiter.release();
        }
        assertThatThrownBy(() -> limiter.acquire(true)).isInstanceOf(QboProblem.class);
        limiter.acquire(false);
        limiter.release();

        limiter.backOff(Duration.ofSeconds(60));
        ticker.advance(Duration.ofSeconds(59));
        assertThatThrownBy(() -> limiter.acquire(false)).isInstanceOf(QboProblem.class);
        ticker.advance(Duration.ofSeconds(2));
        limiter.acquire(false);
    }

    @Test
    void under_a_fixed_business_clock_the_minute_window_ends_when_a_minute_of_real_time_has_passed() {
        for (int i = 0; i < 500; i++) {
            limiter.acquire(false);
            limiter.release();
        }
        assertThatThrownBy(() -> limiter.acquire(false)).isInstanceOf(QboProblem.class);

        ticker.advance(Duration.ofMinutes(1));

        limiter.acquire(false);
    }

    @Test
    void a_back_off_stored_on_the_wall_clock_by_another_replica_holds_for_the_real_time_left() {
        limiter.backOffUntilWall(ticker.wallClock().plusSeconds(45));

        assertThat(limiter.backoffUntil()).contains(T0.plusSeconds(45));
        ticker.advance(Duration.ofSeconds(45));
        assertThat(limiter.backoffUntil()).isEmpty();
        limiter.acquire(false);
    }
}
