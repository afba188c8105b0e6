package dev.arrears.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Both providers' OAuth 2.0 servers: auto-consenting authorize endpoints, token endpoints
 * (authorization_code and refresh_token grants) and revocation.
 *
 * <p>Xero (NOTES §9): access tokens live 30 minutes and are JWTs carrying
 * {@code authentication_event_id}; every refresh returns a new refresh token, and the one it
 * replaced keeps working for a 30-minute grace; unused refresh tokens expire after 60 days.
 * QuickBooks (NOTES §10): access tokens live 60 minutes; a refresh returns the same refresh token
 * while it is younger than 24 hours and a new one after that, the old one then failing at once
 * (no grace); refresh tokens roll over 100 days and die 5 years after the first consent.
 * Token lifetimes run on the ledger clock; authorization codes (5 minutes, single use) on the wall clock.
 */
final class OAuth {

    static final Duration XERO_ACCESS = Duration.ofMinutes(30);
    static final Duration XERO_REFRESH = Duration.ofDays(60);
    static final Duration XERO_GRACE = Duration.ofMinutes(30);
    static final Duration QBO_ACCESS = Duration.ofMinutes(60);
    static final Duration QBO_REFRESH = Duration.ofSeconds(8_726_400);
    static final Duration QBO_ROTATE_AFTER = Duration.ofHours(24);
    static final Duration QBO_HARD = Duration.ofDays(5 * 365 + 1);
    static final Duration CODE = Duration.ofMinutes(5);

    static final class Grant {
        final String id;
        final Provider provider;
        final String clientId;
        final Set<String> orgs;
        final String scope;
        final String authEventId;
        final long firstIssuedMillis;
        volatile boolean revoked;

        Grant(String id, Provider provider, String clientId, Set<String> orgs, String scope, String authEventId,
                long firstIssuedMillis) {
            this.id = id;
            this.provider = provider;
            this.clientId = clientId;
            this.orgs = orgs;
            this.scope = scope;
            this.authEventId = authEventId;
            this.firstIssuedMillis = firstIssuedMillis;
        }
    }

    private static final class Refresh {
        final String value;
        final Grant grant;
        final long issuedMillis;
        volatile long expiresMillis;
        volatile long supersededMillis = -1;

        Refresh(String value, Grant grant, long issuedMillis, long expiresMillis) {
            this.value = value;
            this.grant = grant;
            this.issuedMillis = issuedMillis;
            this.expiresMillis = expiresMillis;
        }
    }

    private record Access(String value, Grant grant, long expiresMillis) {
    }

    private record Code(String value, Grant grant, String redirectUri, long expiresWallMillis) {
    }

    /** A Xero connection of the sandbox's single user to one tenant. */
    record Connection(String id, String tenantId, String authEventId, long createdMillis, long updatedMillis) {
    }

    /** The result of checking a bearer token: a grant, or why not. */
    record Check(Grant grant, String failure, long expiredAtMillis) {
        boolean ok() {
            return grant != null;
        }
    }

    private final Map<Provider, String[]> clients;
    private final Clock clock;
    private final Clock wall;
    private final Ledger ledger;
    private final SecureRandom random = new SecureRandom();
    private final byte[] jwtKey = new byte[32];
    private final Map<String, Refresh> refreshes = new ConcurrentHashMap<>();
    private final Map<String, Access> accesses = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Connection> xeroConnections = new LinkedHashMap<>();
    private final String xeroUserId;

    OAuth(Map<Provider, String[]> clients, Clock clock, Clock wall, Ledger ledger) {
        this.clients = clients;
        this.clock = clock;
        this.wall = wall;
        this.ledger = ledger;
        random.nextBytes(jwtKey);
        this.xeroUserId = Org.uuid(new java.util.Random(42)).toString();
    }

    // ---- authorize: consent is given at once ---------------------------------------------------

    Resp authorize(Provider p, Req req) {
        String clientId = req.q("client_id");
        String redirect = req.q("redirect_uri");
        if (clientId == null || !clientId.equals(clients.get(p)[0])) {
            return Resp.text(400, "unknown client_id");
        }
        if (redirect == null || redirect.isBlank() || !"code".equals(req.q("response_type"))) {
            return Resp.text(400, "redirect_uri and response_type=code are required");
        }
        Set<String> orgs = new LinkedHashSet<>();
        if (p == Provider.XERO) {
            String wanted = req.q("sandbox_tenants");
            for (Org o : ledger.orgs(Provider.XERO)) {
                if (wanted == null || wanted.equals("all") || List.of(wanted.split(",")).contains(o.id)) {
                    orgs.add(o.id);
                }
            }
        } else {
            String realm = req.q("sandbox_realm");
            Org chosen = realm != null ? ledger.org(realm) : null;
            if (chosen == null) {
                List<Org> all = ledger.orgs(Provider.QUICKBOOKS);
                chosen = all.stream().filter(o -> !connectedRealms().contains(o.id)).findFirst()
                        .orElse(all.isEmpty() ? null : all.get(0));
            }
            if (chosen == null) {
                return Resp.text(400, "the sandbox has no QuickBooks company");
            }
            orgs.add(chosen.id);
        }
        if (orgs.isEmpty()) {
            return Resp.text(400, "no organisation to consent to");
        }
        Grant grant = newGrant(p, clientId, orgs, req.q("scope"));
        String code = token(48);
        codes.put(code, new Code(code, grant, redirect, wall.millis() + CODE.toMillis()));
        StringBuilder location = new StringBuilder(redirect).append(redirect.contains("?") ? '&' : '?')
                .append("code=").append(enc(code));
        if (req.q("state") != null) {
            location.append("&state=").append(enc(req.q("state")));
        }
        if (p == Provider.QUICKBOOKS) {
            location.append("&realmId=").append(orgs.iterator().next());
        }
        return Resp.empty(302).header("Location", location.toString());
    }

    private final Set<String> qboConnected = ConcurrentHashMap.newKeySet();

    private Set<String> connectedRealms() {
        return qboConnected;
    }

    private Grant newGrant(Provider p, String clientId, Set<String> orgs, String scope) {
        String event = Org.uuid(random).toString();
        Grant g = new Grant(token(16), p, clientId, orgs, scope == null ? "" : scope.replace('+', ' '), event,
                clock.millis());
        if (p == Provider.XERO) {
            synchronized (xeroConnections) {
                long now = clock.millis();
                for (String tenant : orgs) {
                    Connection old = xeroConnections.get(tenant);
                    xeroConnections.put(tenant, old == null
                            ? new Connection(Org.uuid(random).toString(), tenant, event, now, now)
                            : new Connection(old.id(), tenant, event, old.createdMillis(), now));
                }
            }
        } else {
            qboConnected.addAll(orgs);
        }
        return g;
    }

    /** Mints a token set without the browser dance (control API), as if consent had been given. */
    Map<String, Object> grantDirectly(Provider p, Set<String> orgs) {
        Grant g = newGrant(p, clients.get(p)[0], orgs, p == Provider.XERO
                ? "openid profile email offline_access accounting.invoices accounting.payments accounting.contacts.read accounting.settings.read"
                : "com.intuit.quickbooks.accounting");
        Map<String, Object> body = issue(g, null, false);
        body.put("authEventId", g.authEventId);
        body.put("orgs", new ArrayList<>(orgs));
        return body;
    }

    // ---- token endpoint ---------------------------------------------------------------------

    /** The token endpoint. Returns the status and the JSON body (as a map) to send. */
    Map.Entry<Integer, Map<String, Object>> token(Provider p, Req req) {
        Map<String, List<String>> form = Req.parseForm(req.bodyText());
        String[] client = clients.get(p);
        String id = first(form, "client_id");
        String secret = first(form, "client_secret");
        String basic = req.header("Authorization");
        if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    id = decoded.substring(0, colon);
                    secret = decoded.substring(colon + 1);
                }
            } catch (IllegalArgumentException ignored) {
                // falls through to invalid_client
            }
        }
        if (!client[0].equals(id) || !client[1].equals(secret)) {
            return Map.entry(401, error("invalid_client", null));
        }
        String grantType = first(form, "grant_type");
        boolean hard = "true".equalsIgnoreCase(req.header("x-include-refresh-token-hard-expires-in"));
        long now = clock.millis();
        if ("authorization_code".equals(grantType)) {
            Code code = codes.remove(String.valueOf(first(form, "code")));
            if (code == null || code.expiresWallMillis() < wall.millis() || !code.grant().provider.equals(p)) {
                return Map.entry(400, error("invalid_grant", p == Provider.QUICKBOOKS ? "Invalid authorization code" : null));
            }
            if (!code.redirectUri().equals(first(form, "redirect_uri"))) {
                return Map.entry(400, error("invalid_grant", p == Provider.QUICKBOOKS ? "Invalid redirect_uri" : null));
            }
            return Map.entry(200, issue(code.grant(), null, hard));
        }
        if ("refresh_token".equals(grantType)) {
            String value = first(form, "refresh_token");
            Refresh old = value == null ? null : refreshes.get(value);
            if (old == null || old.grant.revoked || old.grant.provider != p || !old.grant.clientId.equals(id)
                    || old.expiresMillis <= now) {
                return invalidGrant(p);
            }
            // One refresh of a token at a time, so two racing refreshers see each other's rotation.
            synchronized (old) {
                if (old.supersededMillis >= 0) {
                    boolean inGrace = p == Provider.XERO && now - old.supersededMillis < XERO_GRACE.toMillis();
                    if (!inGrace) {
                        return invalidGrant(p);
                    }
                }
                if (p == Provider.QUICKBOOKS && now >= old.grant.firstIssuedMillis + QBO_HARD.toMillis()) {
                    return invalidGrant(p);
                }
                return Map.entry(200, issue(old.grant, old, hard));
            }
        }
        return Map.entry(400, error("unsupported_grant_type", null));
    }

    private static Map.Entry<Integer, Map<String, Object>> invalidGrant(Provider p) {
        return Map.entry(400, error("invalid_grant", p == Provider.QUICKBOOKS ? "Token invalid" : null));
    }

    private static Map<String, Object> error(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (description != null) {
            body.put("error_description", description);
        }
        body.put("error", error);
        return body;
    }

    private Map<String, Object> issue(Grant g, Refresh previous, boolean hardExpiry) {
        long now = clock.millis();
        prune(now);
        Provider p = g.provider;
        Duration accessTtl = p == Provider.XERO ? XERO_ACCESS : QBO_ACCESS;
        String access = p == Provider.XERO ? xeroJwt(g, now, accessTtl) : "sbx-qbo-at-" + token(40);
        accesses.put(access, new Access(access, g, now + accessTtl.toMillis()));
        Refresh refresh;
        if (p == Provider.QUICKBOOKS && previous != null && previous.supersededMillis < 0
                && now - previous.issuedMillis < QBO_ROTATE_AFTER.toMillis()) {
            refresh = previous;
            refresh.expiresMillis = now + QBO_REFRESH.toMillis();
        } else {
            String value = (p == Provider.XERO ? "sbx-xero-rt-" : "sbx-qbo-rt-") + token(32);
            long expires = now + (p == Provider.XERO ? XERO_REFRESH : QBO_REFRESH).toMillis();
            refresh = new Refresh(value, g, now, expires);
            refreshes.put(value, refresh);
            if (previous != null && previous.supersededMillis < 0) {
                previous.supersededMillis = now;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (p == Provider.XERO) {
            if (g.scope.contains("openid")) {
                body.put("id_token", xeroIdToken(g, now));
            }
            body.put("access_token", access);
            body.put("expires_in", accessTtl.toSeconds());
            body.put("token_type", "Bearer");
            body.put("refresh_token", refresh.value);
            body.put("scope", g.scope);
        } else {
            body.put("token_type", "bearer");
            body.put("access_token", access);
            body.put("expires_in", accessTtl.toSeconds());
            body.put("refresh_token", refresh.value);
            body.put("x_refresh_token_expires_in", (refresh.expiresMillis - now) / 1000);
            if (hardExpiry) {
                body.put("x_refresh_token_hard_expires_in", (g.firstIssuedMillis + QBO_HARD.toMillis() - now) / 1000);
            }
            if (g.scope.contains("openid")) {
                body.put("id_token", jwt(Map.of("sub", xeroUserId, "realmid", g.orgs.iterator().next(),
                        "iss", "https://oauth.platform.intuit.com/op/v1", "aud", List.of(g.clientId),
                        "iat", now / 1000, "exp", now / 1000 + 3600)));
            }
        }
        return body;
    }

    private void prune(long now) {
        if (accesses.size() > 20_000) {
            accesses.values().removeIf(a -> a.expiresMillis() < now);
        }
        if (refreshes.size() > 20_000) {
            refreshes.values().removeIf(r -> r.expiresMillis < now
                    || (r.supersededMillis >= 0 && now - r.supersededMillis > XERO_GRACE.toMillis()));
        }
    }

    /** Revokes the grant behind a refresh (or access) token: every token of it stops working. */
    boolean revoke(Provider p, String token) {
        Grant g = null;
        Refresh r = token == null ? null : refreshes.get(token);
        if (r != null) {
            g = r.grant;
        } else if (token != null && accesses.get(token) != null) {
            g = accesses.get(token).grant();
        }
        if (g == null || g.provider != p) {
            return false;
        }
        g.revoked = true;
        if (p == Provider.XERO) {
            synchronized (xeroConnections) {
                // Revoking removes all the user's connections (NOTES §9.1).
                xeroConnections.clear();
            }
        } else {
            qboConnected.removeAll(g.orgs);
        }
        return true;
    }

    // ---- bearer tokens on API calls ------------------------------------------------------------

    Check check(Provider p, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Check(null, "missing", 0);
        }
        Access a = accesses.get(authorization.substring(7).trim());
        if (a == null || a.grant().provider != p) {
            return new Check(null, "unknown", 0);
        }
        if (a.grant().revoked) {
            return new Check(null, "revoked", 0);
        }
        if (a.expiresMillis() <= clock.millis()) {
            return new Check(null, "expired", a.expiresMillis());
        }
        return new Check(a.grant(), null, 0);
    }

    /** Whether the grant may act on this tenant: consented to it, and still connected. */
    boolean xeroTenantAllowed(Grant g, String tenantId) {
        synchronized (xeroConnections) {
            return g.orgs.contains(tenantId) && xeroConnections.containsKey(tenantId);
        }
    }

    List<Connection> xeroConnections(String authEventId) {
        synchronized (xeroConnections) {
            return xeroConnections.values().stream()
                    .filter(c -> authEventId == null || authEventId.equalsIgnoreCase(c.authEventId())).toList();
        }
    }

    boolean deleteXeroConnection(String connectionId) {
        synchronized (xeroConnections) {
            return xeroConnections.values().removeIf(c -> c.id().equalsIgnoreCase(connectionId));
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private String xeroJwt(Grant g, long now, Duration ttl) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("nbf", now / 1000);
        claims.put("exp", (now + ttl.toMillis()) / 1000);
        claims.put("iss", "https://identity.xero.com");
        claims.put("aud", "https://identity.xero.com/resources");
        claims.put("client_id", g.clientId);
        claims.put("sub", xeroUserId.replace("-", ""));
        claims.put("auth_time", g.firstIssuedMillis / 1000);
        claims.put("xero_userid", xeroUserId);
        claims.put("global_session_id", g.id);
        claims.put("jti", token(16));
        claims.put("authentication_event_id", g.authEventId);
        claims.put("scope", List.of(g.scope.split(" ")));
        return jwt(claims);
    }

    private String xeroIdToken(Grant g, long now) {
        return jwt(Map.of("iss", "https://identity.xero.com", "aud", g.clientId, "sub", xeroUserId.replace("-", ""),
                "iat", now / 1000, "exp", now / 1000 + 300, "xero_userid", xeroUserId,
                "email", "sandbox.user@arrears.example", "given_name", "Sandbox", "family_name", "User"));
    }

    private String jwt(Map<String, Object> claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        try {
            String header = b64.encodeToString(SandboxJson.MAPPER.writeValueAsBytes(
                    Map.of("alg", "HS256", "kid", "arrears-sandbox", "typ", "JWT")));
            String payload = b64.encodeToString(SandboxJson.MAPPER.writeValueAsBytes(claims));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(jwtKey, "HmacSHA256"));
            byte[] sig = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64.encodeToString(sig);
        } catch (GeneralSecurityException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
