package dev.arrears.sandbox;

import java.util.HashMap;
import java.util.Map;

/**
 * The providers' rate limits, counted in fixed windows on the wall clock (not the simulated
 * ledger clock: the limits protect real servers from real request rates). Each organisation's
 * windows start at their own offset, as Xero says its windows "reset at different times for each
 * tenant". Rejected requests are not counted.
 */
final class RateLimits {

    /** Limits for one provider; zero or less switches a limit off. */
    record Limits(int perMinute, int perDay, int concurrent, int appPerMinute) {
        static final Limits XERO = new Limits(60, 5000, 5, 10_000);
        static final Limits QUICKBOOKS = new Limits(500, 0, 10, 0);
        static final Limits OFF = new Limits(0, 0, 0, 0);
    }

    /** The outcome of asking for a permit. {@code problem} is null when granted. */
    record Permit(String key, String problem, long retryAfterSeconds, long minuteRemaining, long dayRemaining,
            long appMinuteRemaining) {
        boolean granted() {
            return problem == null;
        }
    }

    private static final class Window {
        long minuteIndex = Long.MIN_VALUE;
        int minuteCount;
        long dayIndex = Long.MIN_VALUE;
        int dayCount;
        int inFlight;
    }

    private final Map<String, Window> windows = new HashMap<>();
    private final Map<String, Window> apps = new HashMap<>();

    synchronized Permit acquire(Provider provider, Limits limits, String org, String clientId, long wallMillis) {
        String key = provider.key() + ":" + org;
        Window w = windows.computeIfAbsent(key, k -> new Window());
        long offset = Math.floorMod(key.hashCode(), 60_000);
        long dayOffset = Math.floorMod(key.hashCode() * 31L, 86_400_000L);
        long minute = Math.floorDiv(wallMillis - offset, 60_000L);
        long day = Math.floorDiv(wallMillis - dayOffset, 86_400_000L);
        if (w.minuteIndex != minute) {
            w.minuteIndex = minute;
            w.minuteCount = 0;
        }
        if (w.dayIndex != day) {
            w.dayIndex = day;
            w.dayCount = 0;
        }
        Window app = apps.computeIfAbsent(provider.key() + ":" + clientId, k -> new Window());
        long appMinute = Math.floorDiv(wallMillis, 60_000L);
        if (app.minuteIndex != appMinute) {
            app.minuteIndex = appMinute;
            app.minuteCount = 0;
        }
        long minuteLeft = limits.perMinute() > 0 ? limits.perMinute() - w.minuteCount : Long.MAX_VALUE;
        long dayLeft = limits.perDay() > 0 ? limits.perDay() - w.dayCount : Long.MAX_VALUE;
        long appLeft = limits.appPerMinute() > 0 ? limits.appPerMinute() - app.minuteCount : Long.MAX_VALUE;
        if (dayLeft <= 0) {
            long retry = ((day + 1) * 86_400_000L + dayOffset - wallMillis + 999) / 1000;
            return new Permit(key, "day", retry, minuteLeft, 0, appLeft);
        }
        if (minuteLeft <= 0) {
            long retry = Math.max(1, ((minute + 1) * 60_000L + offset - wallMillis + 999) / 1000);
            return new Permit(key, "minute", retry, 0, dayLeft, appLeft);
        }
        if (appLeft <= 0) {
            long retry = Math.max(1, ((appMinute + 1) * 60_000L - wallMillis + 999) / 1000);
            return new Permit(key, "appminute", retry, minuteLeft, dayLeft, 0);
        }
        if (limits.concurrent() > 0 && w.inFlight >= limits.concurrent()) {
            return new Permit(key, "concurrent", 0, minuteLeft, dayLeft, appLeft);
        }
        w.minuteCount++;
        w.dayCount++;
        app.minuteCount++;
        w.inFlight++;
        return new Permit(key, null, 0, minuteLeft - 1, dayLeft - 1, appLeft - 1);
    }

    synchronized void release(Permit permit) {
        if (permit != null && permit.granted()) {
            Window w = windows.get(permit.key());
            if (w != null && w.inFlight > 0) {
                w.inFlight--;
            }
        }
    }

    synchronized void reset() {
        windows.clear();
        apps.clear();
    }
}
