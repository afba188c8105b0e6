package dev.arrears.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * All organisations of the sandbox, seeded deterministically: the same seed and the same start
 * instant give the same organisations, ids, customers, invoices and payment schedule.
 *
 * <ul>
 *   <li>{@code demo} (or {@code demo:N} for another random seed): four Xero organisations (GB, NZ, DE, JP)
 *       and three QuickBooks companies (US, CA, AU), nine customers each covering every
 *       {@link Behaviour}, 60 invoices each issued from 75 days before the start to 60 days after
 *       (later ones appear as the clock reaches their issue date).</li>
 *   <li>{@code bench:OxI}: O organisations, half Xero and half QuickBooks, each with I open
 *       invoices issued in the 90 days before the start; their payments all fall after the start.</li>
 *   <li>{@code empty}: no organisations (tests add their own).</li>
 * </ul>
 */
public final class Ledger {

    private static final Pattern BENCH = Pattern.compile("bench:(\\d+)x(\\d+)");
    private static final Pattern DEMO = Pattern.compile("demo(?::(-?\\d+))?");
    private static final String[] SUFFIXES = {"Trading", "& Co", "Studio", "Group", "Partners", "Holdings", "Works",
        "Supplies", "Services", "Collective"};
    private static final Behaviour[] DEMO_MIX = {Behaviour.PAYS_EARLY, Behaviour.PAYS_ON_TIME, Behaviour.PAYS_ON_TIME,
        Behaviour.PAYS_LATE, Behaviour.PAYS_LATE, Behaviour.PAYS_LATE, Behaviour.PAYS_IN_PART, Behaviour.DISPUTES,
        Behaviour.NEVER_PAYS};

    private final Map<String, Org> orgs = new LinkedHashMap<>();
    private final String seed;

    private Ledger(String seed) {
        this.seed = seed;
    }

    public String seed() {
        return seed;
    }

    List<Org> orgs() {
        return Collections.unmodifiableList(new ArrayList<>(orgs.values()));
    }

    List<Org> orgs(Provider provider) {
        return orgs.values().stream().filter(o -> o.provider == provider).toList();
    }

    Org org(String id) {
        return orgs.get(id);
    }

    public int invoiceCount() {
        return orgs.values().stream().mapToInt(o -> o.invoices.size()).sum();
    }

    static Ledger seed(String spec, Instant start) {
        Ledger ledger = new Ledger(spec);
        Matcher bench = BENCH.matcher(spec);
        Matcher demo = DEMO.matcher(spec);
        if (spec.equals("empty")) {
            return ledger;
        } else if (bench.matches()) {
            int count = Integer.parseInt(bench.group(1));
            int perOrg = Integer.parseInt(bench.group(2));
            Random r = new Random(20_260_302L);
            for (int i = 0; i < count; i++) {
                Provider p = i % 2 == 0 ? Provider.XERO : Provider.QUICKBOOKS;
                List<Country> countries = p == Provider.XERO ? Country.XERO : Country.QUICKBOOKS;
                Country c = countries.get((i / 2) % countries.size());
                ledger.add(seedOrg(r, p, c, i, 40, perOrg, start, true));
            }
        } else if (demo.matches()) {
            long randomSeed = demo.group(1) == null ? 7L : Long.parseLong(demo.group(1));
            Random r = new Random(randomSeed);
            int i = 0;
            for (Country c : Country.XERO) {
                ledger.add(seedOrg(r, Provider.XERO, c, i++, DEMO_MIX.length, 60, start, false));
            }
            for (Country c : List.of(Country.US_WEST, Country.CA, Country.AU)) {
                ledger.add(seedOrg(r, Provider.QUICKBOOKS, c, i++, DEMO_MIX.length, 60, start, false));
            }
        } else {
            throw new IllegalArgumentException("unknown seed '" + spec + "': use demo, demo:N, bench:OxI or empty");
        }
        return ledger;
    }

    void add(Org org) {
        orgs.put(org.id, org);
    }

    private static Org seedOrg(Random r, Provider p, Country c, int ordinal, int customerCount, int invoiceCount,
            Instant start, boolean bench) {
        String id = p == Provider.XERO ? Org.uuid(r).toString()
                : Long.toString(9_130_000_000_000_000L + Math.floorMod(r.nextLong(), 800_000_000_000_000L));
        String name = c.orgNames().get(ordinal % c.orgNames().size());
        if (bench) {
            name = name + " #" + (ordinal + 1);
        }
        ZoneId zone = c.zone();
        LocalDate startDay = start.atZone(zone).toLocalDate();
        long orgCreated = startDay.minusYears(3).atTime(9, 0).atZone(zone).toInstant().toEpochMilli();
        Org org = new Org(p, id, name, "!" + Integer.toString(Math.abs(id.hashCode()) % 46656, 36), c, orgCreated,
                r.nextLong());
        if (p == Provider.QUICKBOOKS) {
            org.items.add(new Org.Item(org.newQboId(), "Services", "Service", "Professional services", "1",
                    java.math.BigDecimal.ZERO, orgCreated));
        }
        for (int k = 0; k < customerCount; k++) {
            Behaviour b = bench ? Behaviour.values()[r.nextInt(Behaviour.values().length)] : DEMO_MIX[k % DEMO_MIX.length];
            String stem = c.customerStems().get(k % c.customerStems().size());
            String cname = stem + " " + SUFFIXES[(k / c.customerStems().size() + k) % SUFFIXES.length]
                    + (k >= c.customerStems().size() ? " " + (k / c.customerStems().size() + 1) : "");
            String slug = cname.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
            int lateDays = b == Behaviour.PAYS_LATE ? 5 + r.nextInt(40) : 0;
            int terms = r.nextBoolean() ? 30 : 14;
            org.addCustomer(new Customer(k, p == Provider.XERO ? org.newUuid() : null,
                    p == Provider.QUICKBOOKS ? org.newQboId() : 0, cname, firstName(r), stem,
                    "accounts@" + slug + ".example", b, lateDays, terms, orgCreated));
        }
        long startMillis = start.toEpochMilli();
        int[] offsets = new int[invoiceCount];
        for (int k = 0; k < invoiceCount; k++) {
            offsets[k] = bench ? -1 - r.nextInt(90) : -75 + r.nextInt(136);
        }
        java.util.Arrays.sort(offsets);
        for (int k = 0; k < invoiceCount; k++) {
            Customer cust = org.customers.get(r.nextInt(org.customers.size()));
            LocalDate issue = startDay.plusDays(offsets[k]);
            LocalDate due = issue.plusDays(cust.termDays);
            long created = issue.atTime(LocalTime.of(9, 0)).plusMinutes(r.nextInt(480)).atZone(zone).toInstant().toEpochMilli();
            long sub = c.currencyDigits() == 0 ? (80 + r.nextInt(5000)) * 100L : (80 + r.nextInt(4920)) * 100L + (r.nextBoolean() ? 50 : 0);
            long tax = Math.round(sub * (double) c.taxBasisPoints() / 10_000);
            Invoice inv = new Invoice(k, p == Provider.XERO ? org.newUuid() : null,
                    p == Provider.QUICKBOOKS ? org.newQboId() : 0, org.nextSeq++, cust, (int) issue.toEpochDay(),
                    (int) due.toEpochDay(), sub, tax, created, Invoice.AUTHORISED, (byte) r.nextInt(5));
            inv.currency = c.currency();
            inv.sentToContact = true;
            inv.emailed = true;
            inv.deliveryMillis = created + 60_000;
            org.addInvoice(inv);
            schedule(org, inv, r, bench ? startMillis : Long.MIN_VALUE);
        }
        return org;
    }

    /** Schedules the payments an invoice will get from its customer's behaviour. */
    static void schedule(Org org, Invoice inv, Random r, long notBefore) {
        Customer cust = inv.customer;
        int issue = inv.issueDay;
        int due = inv.dueDay;
        switch (cust.behaviour) {
            case PAYS_EARLY -> pay(org, inv, r, Math.max(issue + 1, due - 1 - r.nextInt(7)), inv.totalMinor, notBefore);
            case PAYS_ON_TIME -> pay(org, inv, r, Math.max(issue + 1, due - 1 + r.nextInt(3)), inv.totalMinor, notBefore);
            case PAYS_LATE -> pay(org, inv, r, Math.max(due + 1, due + cust.lateDays - 3 + r.nextInt(7)), inv.totalMinor, notBefore);
            case PAYS_IN_PART -> {
                long part = inv.totalMinor * (30 + r.nextInt(41)) / 100;
                pay(org, inv, r, due + r.nextInt(15), part, notBefore);
                if (r.nextBoolean()) {
                    pay(org, inv, r, due + 40 + r.nextInt(40), inv.totalMinor - part, notBefore);
                }
            }
            case DISPUTES, NEVER_PAYS -> {
            }
        }
    }

    private static void pay(Org org, Invoice inv, Random r, int day, long amount, long notBefore) {
        long at = LocalDate.ofEpochDay(day).atTime(10, 0).plusMinutes(r.nextInt(360)).atZone(org.zone()).toInstant().toEpochMilli();
        if (at < notBefore) {
            at = notBefore + (1 + r.nextInt(30)) * 86_400_000L + r.nextInt(86_400_000);
        }
        org.schedulePayment(Math.max(at, inv.createdMillis + 3_600_000L), inv, amount);
    }

    private static String firstName(Random r) {
        String[] names = {"Alex", "Sam", "Jordan", "Priya", "Mei", "Lukas", "Aroha", "Hiroshi", "Chloe", "Mateo", "Noah", "Ingrid"};
        return names[r.nextInt(names.length)];
    }
}
