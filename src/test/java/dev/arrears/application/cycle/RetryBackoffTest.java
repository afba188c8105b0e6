package dev.arrears.application.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    static final Instant NOW = Instant.parse("2025-03-10T09:00:00Z");
    final RetryBackoff backoff = new RetryBackoff(Duration.ofMinutes(1), Duration.ofHours(1), new Random(7));

    @Test
    void each_failure_waits_between_half_and_all_of_a_doubling_delay_capped_at_the_maximum() {
        for (int failures = 1; failures <= 40; failures++) {
            Duration ceiling = Duration.ofMinutes(1L << Math.min(failures - 1, 20));
            if (ceiling.compareTo(Duration.ofHours(1)) > 0) {
                ceiling = Duration.ofHours(1);
            }
            for (int draw = 0; draw < 50; draw++) {
                Duration delay = Duration.between(NOW, backoff.next(NOW, failures, Optional.empty()));
                assertThat(delay).as("failure %d", failures).isBetween(ceiling.dividedBy(2), ceiling);
            }
        }
    }

    @Test
    void jitter_spreads_replicas_that_failed_together() {
        long distinct = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> backoff.next(NOW, 3, Optional.empty())).distinct().count();
        assertThat(distinct).isGreaterThan(10);
    }

    @Test
    void never_earlier_than_the_providers_retry_after() {
        Instant retryAfter = NOW.plus(Duration.ofMinutes(45));
        assertThat(backoff.next(NOW, 1, Optional.of(retryAfter))).isEqualTo(retryAfter);
        Instant soon = NOW.plusSeconds(1);
        assertThat(backoff.next(NOW, 1, Optional.of(soon))).isAfter(soon);
    }

    @Test
    void refuses_a_maximum_below_the_base() {
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofMinutes(5), Duration.ofMinutes(1), new Random()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
