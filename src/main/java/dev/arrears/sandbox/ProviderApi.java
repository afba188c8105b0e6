package dev.arrears.sandbox;

/**
 * The request pipeline both imitations share: route, bearer token, tenant, rate limits, injected
 * faults, idempotent replay, then the handler under the organisation's lock (after applying the
 * payments due by now), then faults that strike after the write was applied.
 */
abstract class ProviderApi {

    /** What the sandbox does with one request: which operation, on which organisation. */
    static final class Route {
        String operation;
        Org org;
        /** Organisation named by the request when {@link #org} could not be found (journal only). */
        String orgHint;
        boolean auth = true;
        boolean limited = true;
        String idemKey;
        Handler handler;
        Resp immediate;

        Route(String operation) {
            this.operation = operation;
        }
    }

    interface Handler {
        Resp handle(Org org, OAuth.Grant grant, long nowMillis) throws SandboxJson.BadRequest;
    }

    /** The pipeline's verdict; a null {@code resp} means: drop the connection after {@code dropAfterMillis}. */
    record Result(Resp resp, long dropAfterMillis, String org, String operation, String outcome, String entityId) {
    }

    final SandboxServer sb;
    final Provider provider;

    ProviderApi(SandboxServer sb, Provider provider) {
        this.sb = sb;
        this.provider = provider;
    }

    abstract Route route(Req req);

    abstract Resp unauthorised(OAuth.Check check);

    /** Null when the grant may act on the route's organisation; else the refusal. */
    abstract Resp authorise(Route route, OAuth.Grant grant, Req req);

    abstract Resp throttled(RateLimits.Permit permit);

    abstract Resp injectedThrottle(FaultInjection.Rule rule);

    abstract Resp serverError(int status);

    abstract Resp badRequest(String message);

    abstract Resp idempotencyConflict(String key);

    abstract RateLimits.Limits limits();

    /** Idempotency: scope of keys, how long they live (0: forever), whether a different body is refused. */
    abstract String idempotencyScope(Route route, OAuth.Grant grant);

    abstract long idempotencyTtlMillis();

    abstract boolean refusesDifferentRequest();

    void decorate(Resp resp, Route route, RateLimits.Permit permit) {
    }

    final Result serve(Req req) {
        Route r = route(req);
        if (r.immediate != null) {
            return result(r, r.immediate, "rejected", null);
        }
        OAuth.Grant grant = null;
        if (r.auth) {
            OAuth.Check check = sb.oauth.check(provider, req.header("Authorization"));
            if (!check.ok()) {
                return result(r, unauthorised(check), "unauthorised", null);
            }
            grant = check.grant();
            Resp denied = authorise(r, grant, req);
            if (denied != null) {
                return result(r, denied, "rejected", null);
            }
        }
        RateLimits.Permit permit = null;
        try {
            if (r.limited && r.org != null && sb.options.limits()) {
                permit = sb.limits.acquire(provider, limits(), r.org.id, grant == null ? "-" : grant.clientId, sb.wall.millis());
                if (!permit.granted()) {
                    Resp resp = throttled(permit);
                    decorate(resp, r, permit);
                    return result(r, resp, "throttled", null);
                }
            }
            FaultInjection.Hit hit = sb.faults.decide(provider, r.org != null ? r.org.id : r.orgHint, r.operation, req.isWrite());
            if (hit != null) {
                switch (hit.kind()) {
                    case ERROR -> {
                        return result(r, serverError(hit.rule().status()), "fault:5xx", null);
                    }
                    case TIMEOUT -> {
                        return new Result(null, hit.rule().delayMillis(), orgOf(r), r.operation, "fault:timeout", null);
                    }
                    case THROTTLE -> {
                        return result(r, injectedThrottle(hit.rule()), "fault:429", null);
                    }
                    default -> {
                    }
                }
            }
            String scope = r.idemKey == null ? null : idempotencyScope(r, grant);
            String fingerprint = r.idemKey == null ? null : Idempotency.fingerprint(req);
            if (r.idemKey != null) {
                Idempotency.Stored s = sb.idempotency.find(scope, r.idemKey, idempotencyTtlMillis(), sb.wall.millis());
                if (s != null) {
                    if (refusesDifferentRequest() && !s.fingerprint().equals(fingerprint)) {
                        return result(r, idempotencyConflict(r.idemKey), "rejected", null);
                    }
                    return after(hit, r, s.response(), "replayed", s.entityId());
                }
            }
            Resp resp;
            String entityId;
            try {
                if (r.org != null) {
                    synchronized (r.org) {
                        r.org.settle(sb.clock.millis());
                        resp = r.handler.handle(r.org, grant, sb.clock.millis());
                    }
                } else {
                    resp = r.handler.handle(null, grant, sb.clock.millis());
                }
                entityId = resp.headers.remove("X-Sandbox-Entity");
            } catch (SandboxJson.BadRequest e) {
                resp = badRequest(e.getMessage());
                entityId = null;
            }
            decorate(resp, r, permit);
            if (r.idemKey != null) {
                sb.idempotency.store(scope, r.idemKey, fingerprint, resp, sb.wall.millis(), entityId);
            }
            return after(hit, r, resp, resp.status < 400 ? "ok" : "rejected", entityId);
        } finally {
            sb.limits.release(permit);
        }
    }

    private Result after(FaultInjection.Hit hit, Route r, Resp resp, String outcome, String entityId) {
        if (hit != null && hit.kind() == FaultInjection.Kind.ERROR_AFTER_APPLY) {
            return result(r, serverError(hit.rule().status()), "fault:5xxAfterApply(" + outcome + ")", entityId);
        }
        if (hit != null && hit.kind() == FaultInjection.Kind.TIMEOUT_AFTER_APPLY) {
            return new Result(null, hit.rule().delayMillis(), orgOf(r), r.operation,
                    "fault:timeoutAfterApply(" + outcome + ")", entityId);
        }
        return result(r, resp, outcome, entityId);
    }

    private Result result(Route r, Resp resp, String outcome, String entityId) {
        return new Result(resp, 0, orgOf(r), r.operation, outcome, entityId);
    }

    private static String orgOf(Route r) {
        return r.org != null ? r.org.id : r.orgHint;
    }

    /** Marks the entity a handler created or touched, for the journal. */
    static Resp entity(Resp resp, String id) {
        return resp.header("X-Sandbox-Entity", id);
    }
}
