package dev.arrears.application;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the current thread is working on (an organisation, an action), for every log line written
 * meanwhile, whoever writes it: the platform copies it into each record's MDC, so JSON logs carry
 * {@code organisationId} and {@code actionKey} as fields. Only ids and keys, never a token, an
 * email address or an amount. Plain Java, so the application stays free of logging frameworks.
 */
public final class LogContext {

    public static final String ORGANISATION = "organisationId";
    public static final String ACTION = "actionKey";

    private static final ThreadLocal<Map<String, String>> CURRENT = ThreadLocal.withInitial(LinkedHashMap::new);

    private LogContext() {
    }

    /** Names the organisation until the returned scope closes (then the previous value comes back). */
    public static Scope organisation(OrganisationId id) {
        return put(ORGANISATION, id.toString());
    }

    /** Names the action (its deterministic key) until the returned scope closes. */
    public static Scope action(String key) {
        return put(ACTION, key);
    }

    /** The current thread's context, read-only. */
    public static Map<String, String> current() {
        return Collections.unmodifiableMap(CURRENT.get());
    }

    private static Scope put(String name, String value) {
        Map<String, String> map = CURRENT.get();
        String previous = map.put(name, value);
        return () -> {
            if (previous == null) {
                map.remove(name);
            } else {
                map.put(name, previous);
            }
        };
    }

    /** Closing restores what was there before; it never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
