package dev.arrears.platform.clock;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The one place that reads the system clock. Every other class is handed this {@link Clock} (an
 * architecture test enforces it), so a simulated clock reaches the whole application at once.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(ClockConfig settings) {
        Clock clock = create(settings, Clock.systemUTC());
        if (settings.mode() != ClockConfig.Mode.SYSTEM) {
            Log.warnf("Simulated clock in use (%s): it is now %s for Arrears", settings.mode(), clock.instant());
        }
        return clock;
    }

    /** Real time for people's sessions: the application's clock unless that one is simulated. */
    @Produces
    @Singleton
    @SessionTime
    Clock sessionClock(ClockConfig settings, Clock clock) {
        return forSessions(settings, clock, Clock.systemUTC());
    }

    static Clock forSessions(ClockConfig settings, Clock application, Clock system) {
        return settings.mode() == ClockConfig.Mode.SYSTEM ? application : system;
    }

    static Clock create(ClockConfig settings, Clock system) {
        return switch (settings.mode()) {
            case SYSTEM -> system;
            case FIXED -> Clock.fixed(required(settings.start().orElse(null), "arrears.clock.start", "fixed"), ZoneOffset.UTC);
            case OFFSET -> Clock.offset(system,
                    required(settings.offset().orElse(null), "arrears.clock.offset", "offset"));
            case ACCELERATED -> new AcceleratedClock(system,
                    settings.start().orElse(system.instant()),
                    required(settings.perSecond().orElse(null), "arrears.clock.per-second", "accelerated"),
                    settings.anchor().orElse(system.instant()));
        };
    }

    private static <T> T required(T value, String key, String mode) {
        if (value == null) {
            throw new IllegalStateException("arrears.clock.mode=" + mode + " needs " + key + " to be set");
        }
        return value;
    }

}
