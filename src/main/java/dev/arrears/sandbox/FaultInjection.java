package dev.arrears.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Switchable fault injection. A rule matches requests by provider, organisation and operation
 * (each optional) and fires with a probability ({@code rate}) for at most {@code count} requests
 * (negative: no limit). The first matching rule that fires decides.
 */
public final class FaultInjection {

    public enum Kind {
        /** Answer 5xx ({@code status}, default 500) without applying anything. */
        ERROR("5xx"),
        /** Apply the write, then answer 5xx. */
        ERROR_AFTER_APPLY("5xxAfterApply"),
        /** Apply the write, then hold the connection for {@code delayMillis} and drop it without an answer. */
        TIMEOUT_AFTER_APPLY("timeoutAfterApply"),
        /** Hold the connection for {@code delayMillis} and drop it, applying nothing. */
        TIMEOUT("timeout"),
        /** Answer 429 as the provider's rate limiter would (Retry-After {@code retryAfterSeconds}). */
        THROTTLE("429");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Kind fromKey(String key) {
            for (Kind k : values()) {
                if (k.key.equalsIgnoreCase(key) || k.name().equalsIgnoreCase(key)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown fault kind '" + key
                    + "' (5xx, 5xxAfterApply, timeoutAfterApply, timeout, 429)");
        }
    }

    /**
     * @param provider null for any; @param org null for any; @param operation null or "*" for any,
     * else an operation name (see docs/sandbox.md) or "writes" for every write
     */
    public record Rule(String id, Provider provider, String org, String operation, Kind kind, double rate, int count,
            int status, long delayMillis, int retryAfterSeconds, boolean xml) {

        boolean matches(Provider p, String o, String op, boolean write) {
            return (provider == null || provider == p)
                    && (org == null || org.equals("*") || org.equals(o))
                    && (operation == null || operation.equals("*") || operation.equalsIgnoreCase(op)
                            || (operation.equalsIgnoreCase("writes") && write));
        }
    }

    /** A rule that fired for one request. */
    record Hit(Rule rule) {
        Kind kind() {
            return rule.kind();
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private final List<AtomicInteger> remaining = new ArrayList<>();
    private final Random random;
    private int nextId = 1;

    FaultInjection(long seed) {
        this.random = new Random(seed);
    }

    /** Adds a rule; returns it with its id filled in. */
    public synchronized Rule add(Provider provider, String org, String operation, Kind kind, double rate, int count,
            int status, long delayMillis, int retryAfterSeconds, boolean xml) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be between 0 and 1");
        }
        Rule rule = new Rule("f" + nextId++, provider, org, operation, kind, rate, count,
                status == 0 ? 500 : status, delayMillis, retryAfterSeconds <= 0 ? 60 : retryAfterSeconds, xml);
        rules.add(rule);
        remaining.add(new AtomicInteger(count < 0 ? Integer.MAX_VALUE : count));
        return rule;
    }

    public synchronized void clear() {
        rules.clear();
        remaining.clear();
    }

    public synchronized List<Rule> rules() {
        return List.copyOf(rules);
    }

    synchronized Hit decide(Provider provider, String org, String operation, boolean write) {
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (!r.matches(provider, org, operation, write) || remaining.get(i).get() <= 0) {
                continue;
            }
            if (r.rate() >= 1 || random.nextDouble() < r.rate()) {
                remaining.get(i).decrementAndGet();
                return new Hit(r);
            }
        }
        return null;
    }

    static String describe(Rule r) {
        return r.kind().key().toLowerCase(Locale.ROOT);
    }
}
