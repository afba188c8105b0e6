package dev.arrears.sandbox;

import java.time.Clock;
import java.util.Objects;

/**
 * How to start a sandbox. {@code clock} is the ledger clock (business dates, payments, token
 * lifetimes); {@code wallClock} times rate-limit windows and idempotency-key lifetimes, and
 * defaults to the ledger clock (right for tests; the command passes the system clock).
 */
public final class SandboxOptions {

    private String host = "127.0.0.1";
    private int port;
    private String seed = "demo";
    private Clock clock;
    private Clock wallClock;
    private String controlToken;
    private String xeroClientId = "arrears-sandbox-xero";
    private String xeroClientSecret = "arrears-sandbox-xero-secret";
    private String qboClientId = "arrears-sandbox-qbo";
    private String qboClientSecret = "arrears-sandbox-qbo-secret";
    private int threads = 16;
    private boolean limits = true;
    private int journalCapacity = 200_000;
    private boolean tokenLifetimesOnWallClock;

    public static SandboxOptions create(Clock clock) {
        SandboxOptions o = new SandboxOptions();
        o.clock = Objects.requireNonNull(clock, "clock");
        return o;
    }

    public SandboxOptions host(String v) { host = v; return this; }
    public SandboxOptions port(int v) { port = v; return this; }
    public SandboxOptions seed(String v) { seed = v; return this; }
    public SandboxOptions wallClock(Clock v) { wallClock = v; return this; }
    public SandboxOptions controlToken(String v) { controlToken = v; return this; }
    public SandboxOptions xeroClient(String id, String secret) { xeroClientId = id; xeroClientSecret = secret; return this; }
    public SandboxOptions qboClient(String id, String secret) { qboClientId = id; qboClientSecret = secret; return this; }
    public SandboxOptions threads(int v) { threads = v; return this; }
    public SandboxOptions limits(boolean v) { limits = v; return this; }
    public SandboxOptions journalCapacity(int v) { journalCapacity = v; return this; }
    /**
     * Token lifetimes (access 30/60 minutes, refresh rotation and grace) on the wall clock instead
     * of the ledger clock: for a demo whose ledger clock runs so fast that a 30-minute token would
     * last a fraction of a real second. Off by default, as real providers measure them in real time
     * and the daemon runs on the ledger clock.
     */
    public SandboxOptions tokenLifetimesOnWallClock(boolean v) { tokenLifetimesOnWallClock = v; return this; }

    public String host() { return host; }
    public int port() { return port; }
    public String seed() { return seed; }
    public Clock clock() { return clock; }
    public Clock wallClock() { return wallClock != null ? wallClock : clock; }
    public String controlToken() { return controlToken; }
    public String xeroClientId() { return xeroClientId; }
    public String xeroClientSecret() { return xeroClientSecret; }
    public String qboClientId() { return qboClientId; }
    public String qboClientSecret() { return qboClientSecret; }
    public int threads() { return threads; }
    public boolean limits() { return limits; }
    public int journalCapacity() { return journalCapacity; }
    public boolean tokenLifetimesOnWallClock() { return tokenLifetimesOnWallClock; }
}
