package dev.arrears.platform.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.persistence.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClockProducerTest {

    private static final Instant REAL = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant SIMULATED = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void systemModeIsTheSystemClock() {
        Clock system = Clock.fixed(REAL, ZoneOffset.UTC);
        assertThat(ClockProducer.create(settings(ClockConfig.Mode.SYSTEM, null, null, null), system)).isSameAs(system);
    }

    /** Seen in the demo (a day every ten seconds): a console session ended before its next page was asked for. */
    @Test
    void consoleSessionsRunOnRealTimeWhenTheApplicationClockIsSimulated() {
        TestClock real = new TestClock();
        real.set(REAL);
        ClockConfig accelerated = settings(ClockConfig.Mode.ACCELERATED, SIMULATED, null, Duration.ofSeconds(8640));
        Clock application = ClockProducer.create(accelerated, real);
        Clock sessions = ClockProducer.forSessions(accelerated, application, real);
        real.advance(Duration.ofSeconds(10));
        assertThat(sessions.instant()).isEqualTo(REAL.plusSeconds(10));

        Clock system = Clock.fixed(REAL, ZoneOffset.UTC);
        ClockConfig normal = settings(ClockConfig.Mode.SYSTEM, null, null, null);
        assertThat(ClockProducer.forSessions(normal, system, Clock.systemUTC())).isSameAs(system);
    }

    @Test
    void fixedModeAlwaysShowsTheConfiguredInstant() {
        Clock clock = ClockProducer.create(settings(ClockConfig.Mode.FIXED, SIMULATED, null, null), Clock.fixed(REAL, ZoneOffset.UTC));
        assertThat(clock.instant()).isEqualTo(SIMULATED);
    }

    @Test
    void offsetModeShiftsTheSystemTime() {
        Clock clock = ClockProducer.create(settings(ClockConfig.Mode.OFFSET, null, Duration.ofDays(14), null), Clock.fixed(REAL, ZoneOffset.UTC));
        assertThat(clock.instant()).isEqualTo(REAL.plus(Duration.ofDays(14)));
    }

    @Test
    void acceleratedModeRunsADayEveryTenSeconds() {
        TestClock real = new TestClock();
        real.set(REAL);
        Clock clock = ClockProducer.create(
                settings(ClockConfig.Mode.ACCELERATED, SIMULATED, null, Duration.ofSeconds(8640)), real);
        assertThat(clock.instant()).isEqualTo(SIMULATED);
        real.advance(Duration.ofSeconds(10));
        assertThat(clock.instant()).isEqualTo(SIMULATED.plus(Duration.ofDays(1)));
        real.advance(Duration.ofHours(1));
        assertThat(clock.instant()).isEqualTo(SIMULATED.plus(Duration.ofDays(361)));
    }

    @Test
    void processesGivenOneAnchorShareOneSimulatedTimeWhenEverTheyStart() {
        TestClock real = new TestClock();
        real.set(REAL);
        Instant anchor = REAL.plusSeconds(30);
        Clock early = ClockProducer.create(settings(ClockConfig.Mode.ACCELERATED, SIMULATED, null, Duration.ofSeconds(8640), anchor), real);
        assertThat(early.instant()).as("before the anchor the clock stands at the start").isEqualTo(SIMULATED);
        real.advance(Duration.ofSeconds(40));
        Clock late = ClockProducer.create(settings(ClockConfig.Mode.ACCELERATED, SIMULATED, null, Duration.ofSeconds(8640), anchor), real);
        assertThat(late.instant()).isEqualTo(early.instant()).isEqualTo(SIMULATED.plus(Duration.ofDays(1)));
    }

    @Test
    void aModeWithoutItsSettingNamesTheMissingKey() {
        assertThatThrownBy(() -> ClockProducer.create(settings(ClockConfig.Mode.FIXED, null, null, null), Clock.systemUTC()))
                .hasMessageContaining("arrears.clock.start");
        assertThatThrownBy(() -> ClockProducer.create(settings(ClockConfig.Mode.ACCELERATED, null, null, null), Clock.systemUTC()))
                .hasMessageContaining("arrears.clock.per-second");
    }

    private static ClockConfig settings(ClockConfig.Mode mode, Instant start, Duration offset, Duration perSecond) {
        return settings(mode, start, offset, perSecond, null);
    }

    private static ClockConfig settings(ClockConfig.Mode mode, Instant start, Duration offset, Duration perSecond,
                                          Instant anchor) {
        return new ClockConfig() {
            public Mode mode() { return mode; }
            public Optional<Instant> start() { return Optional.ofNullable(start); }
            public Optional<Duration> offset() { return Optional.ofNullable(offset); }
            public Optional<Duration> perSecond() { return Optional.ofNullable(perSecond); }
            public Optional<Instant> anchor() { return Optional.ofNullable(anchor); }
        };
    }

}
