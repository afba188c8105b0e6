package dev.arrears.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.persistence.TestClock;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Seeds are deterministic, varied, and the benchmark's half a million invoices fit and page fast. */
class SeedTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void theSameSeedAndStartGiveTheSameLedger() {
        Ledger a = Ledger.seed("demo", START);
        Ledger b = Ledger.seed("demo", START);
        assertThat(a.orgs()).extracting(o -> o.id).isEqualTo(b.orgs().stream().map(o -> o.id).toList());
        for (int i = 0; i < a.orgs().size(); i++) {
            assertThat(a.orgs().get(i).invoices).extracting(Invoice::id, inv -> inv.totalMinor, inv -> inv.dueDay)
                    .isEqualTo(b.orgs().get(i).invoices.stream().map(inv -> org.assertj.core.groups.Tuple.tuple(inv.id(), inv.totalMinor, inv.dueDay)).toList());
        }
        assertThat(Ledger.seed("demo:8", START).orgs().get(0).id).isNotEqualTo(a.orgs().get(0).id);
    }

    @Test
    void theDemoSpansCountriesCurrenciesZonesAndEveryBehaviour() {
        Ledger demo = Ledger.seed("demo", START);
        List<Org> orgs = demo.orgs();
        assertThat(orgs).hasSize(7);
        assertThat(demo.orgs(Provider.XERO)).hasSize(4);
        assertThat(orgs.stream().map(o -> o.country.currency()).collect(Collectors.toSet())).hasSizeGreaterThanOrEqualTo(6);
        assertThat(orgs.stream().map(o -> o.country.zone()).collect(Collectors.toSet())).hasSize(7);
        assertThat(demo.invoiceCount()).isBetween(300, 500);
        for (Org o : orgs) {
            Set<Behaviour> seen = o.customers.stream().map(c -> c.behaviour).collect(Collectors.toCollection(() -> EnumSet.noneOf(Behaviour.class)));
            assertThat(seen).containsExactlyInAnyOrder(Behaviour.values());
        }
    }

    @Test
    void theBenchmarkSeedHoldsHalfAMillionOpenInvoicesAndServesAThousandPerPageQuickly() {
        TestClock clock = new TestClock();
        clock.set(START);
        System.gc();
        long before = usedHeap();
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.create(clock).seed("bench:200x2500").limits(false))) {
            System.gc();
            long megabytes = (usedHeap() - before) / (1024 * 1024);
            assertThat(sandbox.ledger().invoiceCount()).isEqualTo(500_000);
            assertThat(megabytes).as("heap held by the bench ledger, MB").isLessThan(400);

            SandboxClient c = new SandboxClient(sandbox);
            String tenant = sandbox.ledger().orgs(Provider.XERO).get(7).id;
            String realm = sandbox.ledger().orgs(Provider.QUICKBOOKS).get(7).id;
            String xero = c.grant(tenant).get("access_token").asText();
            String qbo = c.grant(realm).get("access_token").asText();
            long t0 = System.nanoTime();
            int seen = 0;
            for (int page = 1; page <= 3; page++) {
                HttpResponse<String> r = c.xero("GET", "Invoices?Statuses=AUTHORISED&summaryOnly=true&pageSize=1000&page=" + page, tenant, xero, null);
                seen += SandboxClient.json(r).get("Invoices").size();
            }
            for (int start = 1; start <= 2001; start += 1000) {
                JsonNode q = SandboxClient.json(c.qboQuery(realm, qbo, "select * from Invoice where Balance > '0' ORDERBY Id STARTPOSITION "
                        + start + " MAXRESULTS 1000"));
                seen += q.at("/QueryResponse/Invoice").size();
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("bench ledger heap MB=" + megabytes + ", six 1000-invoice pages ms=" + millis);
            assertThat(seen).isEqualTo(5000);
            assertThat(millis).as("six pages of 1000 over loopback, ms").isLessThan(5000);
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
