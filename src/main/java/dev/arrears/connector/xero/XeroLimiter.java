package dev.arrears.connector.xero;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.application.ledger.LedgerThrottleStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
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
 */
@ApplicationScoped
class XeroLimiter {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final XeroConfig.Limits limits;
    private final LedgerThrottleStore store;
    private final Clock clock;
    private final Map<OrganisationId, Tenant> tenants = new ConcurrentHashMap<>();
    private final Deque<Instant> appCalls = new ArrayDeque<>();
    private volatile Instant appPausedUntil = Instant.MIN;

    XeroLimiter(XeroConfig config, LedgerThrottleStore store, Clock clock) {
        this.limits = config.limits();
        this.store = store;
        this.clock = clock;
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
        Instant now = clock.instant();
        if (now.isBefore(appPausedUntil)) {
            return refuse("Xero's limit for the whole app was reached", appPausedUntil);
        }
        Optional<LedgerThrottleStore.Pause> pause = store.pause(organisation, now);
        if (pause.isPresent()) {
            return refuse(pause.get().reason(), pause.get().until());
        }
        Tenant tenant = tenants.computeIfAbsent(organisation, id -> new Tenant(limits.concurrent()));
        synchronized (this) {
            trim(appCalls, now);
            if (appCalls.size() >= limits.appPerMinute()) {
                return refuse("Arrears' own budget of " + limits.appPerMinute() + " Xero calls a minute is used up",
                        appCalls.peekFirst().plus(MINUTE));
            }
            synchronized (tenant) {
                trim(tenant.calls, now);
                if (tenant.calls.size() >= limits.perMinute()) {
                    return refuse("the organisation's budget of " + limits.perMinute() + " Xero calls a minute is used up",
                            tenant.calls.peekFirst().plus(MINUTE));
                }
                LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
                if (!today.equals(tenant.day)) {
                    tenant.day = today;
                    tenant.dayCalls = 0;
                }
                if (tenant.dayCalls >= limits.perDay()) {
                    return refuse("the organisation's budget of " + limits.perDay() + " Xero calls a day is used up",
                            today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
                }
                if (!tenant.inFlight.tryAcquire()) {
                    return refuse("already " + limits.concurrent() + " calls to this organisation in progress",
                            now.plusSeconds(1));
                }
                tenant.calls.addLast(now);
                tenant.dayCalls++;
                appCalls.addLast(now);
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
        Instant now = clock.instant();
        Tenant tenant = tenants.computeIfAbsent(organisation, id -> new Tenant(limits.concurrent()));
        intHeader(answer, "X-DayLimit-Remaining").ifPresent(remaining -> {
            synchronized (tenant) {
                tenant.dayCalls = Math.max(tenant.dayCalls, limits.perDay() - remaining);
            }
        });
        if (answer.status() != 429) {
            if (intHeader(answer, "X-AppMinLimit-Remaining").filter(r -> r <= 0).isPresent()) {
                appPausedUntil = now.plus(MINUTE);
            }
            if (intHeader(answer, "X-MinLimit-Remaining").filter(r -> r <= 0).isPresent()) {
                store.pauseUntil(organisation, now.plus(MINUTE), "Xero reports no calls left this minute");
            }
            return Optional.empty();
        }
        String problem = answer.header("X-Rate-Limit-Problem").orElse("").trim().toLowerCase(Locale.ROOT);
        Optional<Duration> retryAfter = intHeader(answer, "Retry-After").map(Duration::ofSeconds);
        Instant until;
        if (problem.startsWith("app")) {
            until = now.plus(retryAfter.orElse(MINUTE));
            appPausedUntil = until;
            return Optional.of(until);
        } else if (problem.startsWith("day") || problem.startsWith("daily")) {
            until = retryAfter.map(now::plus)
                    .orElse(now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        } else if (problem.startsWith("minute")) {
            until = now.plus(retryAfter.orElse(MINUTE));
        } else {
            // Concurrency 429s may come without Retry-After: a short pause is enough.
            until = now.plus(retryAfter.orElse(Duration.ofSeconds(2)));
        }
        store.pauseUntil(organisation, until, "Xero rate limit (" + (problem.isEmpty() ? "unnamed" : problem)
                + "): no calls until " + until);
        return Optional.of(until);
    }

    /** Leaves an organisation alone until {@code until} (Xero said it is offline). */
    void pause(OrganisationId organisation, Instant until, String reason) {
        store.pauseUntil(organisation, until, reason);
    }

    private static void trim(Deque<Instant> calls, Instant now) {
        Instant horizon = now.minus(MINUTE);
        while (!calls.isEmpty() && !calls.peekFirst().isAfter(horizon)) {
            calls.pollFirst();
        }
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

    private static Refused refuse(String reason, Instant notBefore) {
        return new Refused(LedgerFailure.RetryLater.throttled(reason, notBefore));
    }

    private static final class Tenant {
        final Deque<Instant> calls = new ArrayDeque<>();
        final Semaphore inFlight;
        LocalDate day;
        int dayCalls;

        Tenant(int concurrent) {
            this.inFlight = new Semaphore(concurrent);
        }
    }
}
