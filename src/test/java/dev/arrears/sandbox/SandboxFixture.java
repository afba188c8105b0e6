package dev.arrears.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.persistence.TestClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A demo sandbox on a free port with a settable clock, and the ids of its organisations. */
final class SandboxFixture implements AutoCloseable {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    final TestClock clock = new TestClock();
    final SandboxServer sandbox;
    final SandboxClient client;
    final List<String> xeroOrgs = new ArrayList<>();
    final List<String> qboOrgs = new ArrayList<>();

    SandboxFixture() {
        this("demo");
    }

    SandboxFixture(String seed) {
        clock.set(START);
        sandbox = SandboxServer.start(SandboxOptions.create(clock).port(0).seed(seed).threads(8));
        client = new SandboxClient(sandbox);
        for (JsonNode o : client.control("GET", "/orgs", null).get("orgs")) {
            (o.get("provider").asText().equals("xero") ? xeroOrgs : qboOrgs).add(o.get("id").asText());
        }
    }

    String xeroToken(String... tenants) {
        return client.grant(tenants.length == 0 ? xeroOrgs.toArray(String[]::new) : tenants).get("access_token").asText();
    }

    String qboToken(String realm) {
        return client.grant(realm).get("access_token").asText();
    }

    @Override
    public void close() {
        sandbox.stop();
    }
}
