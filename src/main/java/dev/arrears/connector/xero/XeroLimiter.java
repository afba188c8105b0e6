package dev.arrears.connector.xero;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.application.ledger.LedgerThrottleStore;
import dev.arrears.connector.MinuteWindow;
import dev.arrears.connector.Ticker;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Xero's limits, kept on our side so that we rarely meet a 429: per organisation 60 calls in any
 * minute, 5 at once and 5,000 a day; 10,000 a minute for the whole app. A pause Xero asks for
 * (Retry-After, an organisation offline) is stored, so that no replica sends anything to that
 * organisation inside the window, even after a restart. Nothing here sleeps: a call that would
 * break a limit is refused with the time it may be tried again.
 *
 * <p>Windows and pauses run on real time ({@link Ticker}), not on the business clock: under a fixed or
 * simulated clock a minute would never end, or end at once. The time a refusal names is business time
 * (now on the business clock plus the real wait), because the outbox waits on that clock.
 */
@ApplicationScoped
class XeroLimiter {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final XeroConfig.Limits limits;
    private final LedgerThrottleStore store;
    private final Clock clock;
    private final Ticker ticker;
    private final Map<OrganisationId, Tenant> tenants = new ConcurrentHashMap<>();
    private final MinuteWindow appCalls;
    /** On the ticker; "paused" while {@code now - appPausedUntil < 0}, the overflow-safe comparison of nanoTime. */
    private volatile long appPausedUntil;

    XeroLimiter(XeroConfig config, LedgerThrottleStore store, Clock clock, Ticker ticker) {
        this.limits = config.limits();
        this.store = store;
        this.clock = clock;
        this.ticker = ticker;
        this.appCalls = new MinuteWindow(limits.appPerMinute());
        this.appPausedUntil = ticker.nanoTime();
    }

    /** Leave to send one request; close it when the answer is in. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    sealed interface Admission {
    }

    record Granted(Permit permit) implements Admission {
    }

    record Refused(LedgerFailure.RetryLater failure) implements Admission {
    }

    Admission admit(OrganisationId organisation) {
        long now = ticker.nanoTime();
        Instant wall = ticker.wallClock();
        if (now - appPausedUntil < 0) {
            return refuse("Xero's limit for the whole app was reached", Duration.ofNanos(appPausedUntil - now));
        }
        Optional<LedgerThrottleStore.Pause> pause = store.pause(organisation, wall);
        if (pause.isPresent()) {
            return refuse(pause.get().reason(), Duration.between(wall, pause.get().until()));
        }
        Tenant tenant = tenants.computeIfAbsent(organisation, id -> new Tenant(limits));
        synchronized (this) {
            Optional<Duration> appWait = appCalls.waitAt(now);
            if (appWait.isPresent()) {
                return refuse("Arrears' own budget of " + limits.appPerMinute() + " Xero calls a minute is used up", appWait.get());
            }
            synchronized (tenant) {
                Optional<Duration> wait = tenant.calls.waitAt(now);
                if (wait.isPresent()) {
                    return refuse("the organisation's budget of " + limits.perMinute() + " Xero calls a minute is used up",
                            wait.get());
                }
                LocalDate today = wall.atZone(ZoneOffset.UTC).toLocalDate();
                if (!today.equals(tenant.day)) {
                    tenant.day = today;
                    tenant.dayCalls = 0;
                }
                if (tenant.dayCalls >= limits.perDay()) {
                    return refuse("the organisation's budget of " + limits.perDay() + " Xero calls a day is used up",
                            untilTomorrow(wall));
                }
                if (!tenant.inFlight.tryAcquire()) {
                    return refuse("already " + limits.concurrent() + " calls to this organisation in progress",
                            Duration.ofSeconds(1));
                }
                tenant.calls.record(now);
                tenant.dayCalls++;
                appCalls.record(now);
            }
        }
        return new Granted(tenant.inFlight::release);
    }

    /**
     * Learns from an answer's headers: Xero's own counters, and on 429 the pause it asks for.
     *
     * @return the pause's end when the answer was a 429
     */
    Optional<Instant> observe(OrganisationId organisation, XeroHttp.Answered answer) {
        Tenant tenant = tenants.computeIfAbsent(organisation, id -> new Tenant(limits));
        intHeader(answer, "X-DayLimit-Remaining").ifPresent(remaining -> {
            synchronized (tenant) {
                tenant.dayCalls = Math.max(tenant.dayCalls, limits.perDay() - remaining);
            }
        });
        if (answer.status() != 429) {
            if (intHeader(answer, "X-AppMinLimit-Remaining").filter(r -> r <= 0).isPresent()) {
                appPausedUntil = ticker.nanoTime() + MINUTE.toNanos();
            }
            if (intHeader(answer, "X-MinLimit-Remaining").filter(r -> r <= 0).isPresent()) {
                pause(organisation, MINUTE, "Xero reports no calls left this minute");
            }
            return Optional.empty();
        }
        String problem = answer.header("X-Rate-Limit-Problem").orElse("").trim().toLowerCase(Locale.ROOT);
        Optional<Duration> retryAfter = intHeader(answer, "Retry-After").map(Duration::ofSeconds);
        if (problem.startsWith("app")) {
            Duration wait = retryAfter.orElse(MINUTE);
            appPausedUntil = ticker.nanoTime() + wait.toNanos();
            return Optional.of(clock.instant().plus(wait));
        }
        Duration wait;
        if (problem.startsWith("day") || problem.startsWith("daily")) {
            wait = retryAfter.orElseGet(() -> untilTomorrow(ticker.wallClock()));
        } else if (problem.startsWith("minute")) {
            wait = retryAfter.orElse(MINUTE);
        } else {
            // Concurrency 429s may come without Retry-After: a short pause is enough.
            wait = retryAfter.orElse(Duration.ofSeconds(2));
        }
        return Optional.of(pause(organisation, wait, "Xero rate limit (" + (problem.isEmpty() ? "unnamed" : problem) + ")"));
    }

    /**
     * Leaves an organisation alone for {@code wait} of real time (Xero asked, or said it is offline), stored for every
     * replica and restarts.
     *
     * @return the pause's end in business time, for the dispatcher
     */
    Instant pause(OrganisationId organisation, Duration wait, String reason) {
        Instant until = ticker.wallClockAfter(wait);
        store.pauseUntil(organisation, until, reason + ": no calls until " + until);
        return clock.instant().plus(wait);
    }

    private static Duration untilTomorrow(Instant wall) {
        return Duration.between(wall, wall.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static Optional<Integer> intHeader(XeroHttp.Answered answer, String name) {
        return answer.header(name).flatMap(value -> {
            try {
                return Optional.of(Integer.parseInt(value.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** Refused for {@code wait} of real time, named to the dispatcher as business time. */
    private Refused refuse(String reason, Duration wait) {
        return new Refused(LedgerFailure.RetryLater.throttled(reason, clock.instant().plus(wait)));
    }

    private static final class Tenant {
        final MinuteWindow calls;
        final Semaphore inFlight;
        LocalDate day;
        int dayCalls;

        Tenant(XeroConfig.Limits limits) {
            this.calls = new MinuteWindow(limits.perMinute());
            this.inFlight = new Semaphore(limits.concurrent());
        }
    }
}
