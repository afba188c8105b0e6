package dev.arrears.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar demo}) as its own process,
 * against the sandbox ledgers it embeds, over 60 simulated days at one day every 4 real seconds.
 * Everything is checked on the ledgers' side, through the sandbox's control API: reminders at each
 * stage of the default policy, exactly one late fee per due period, and no chasing after payment.
 * Database {@code arrears_e2e} plus the suffix of {@link ItDatabase} (created when missing; the demo
 * empties it at start).
 */
class DemoEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The dispatcher looks for due actions once a real second, so at 4 s a day it looks every 6
     * simulated hours, inside every 8-hour send window. At 2 s a day it looked every 12 simulated
     * hours and a reminder deferred to the window's opening could miss the window day after day
     * (seen: a final notice in Australia deferred from 22 December to 5 January).
     */
    private static final int SECONDS_PER_DAY = 4;
    private static final int DAYS = 60;
    /** The default policy's reminder stages, in days from the due date. */
    private static final int[] STAGES = {-3, 1, 7, 14};
    /** Currencies the default policy's fixed late fee is defined for. */
    private static final Set<String> FEE_CURRENCIES = Set.of("GBP", "EUR", "USD");
    private static final Pattern FEE_KEY = Pattern.compile("([0-9a-f-]{36}):([^:\\s\\]]+):fee:([^:\\s\\]]+):p(\\d+)");

    private final String operatorToken = "e2e-operator-" + UUID.randomUUID();
    private final String controlToken = "e2e-control-" + UUID.randomUUID();
    private PackagedApp app;
    private SmtpSide smtp;
    private E2eHttp http;
    private String admin;
    private String sandbox;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    @Test
    void sixtyDaysAgainstTheSandboxLedgers() throws Exception {
        PackagedApp.requirePackaged();
        ItDatabase db = ItDatabase.named("arrears_e2e");
        int adminPort = E2eHttp.freePort();
        int sandboxPort = E2eHttp.freePort();
        admin = "http://localhost:" + adminPort;
        sandbox = "http://127.0.0.1:" + sandboxPort;
        http = new E2eHttp(sandbox, controlToken, operatorToken);
        // The demo's organisations send their reminders as Arrears' own email, to this server.
        smtp = new SmtpSide(86_400 / SECONDS_PER_DAY).start();
        app = PackagedApp.named("demo").log(Path.of("target/e2e-demo.log")).jvm("-Xmx512m")
                .args("demo", "--seconds-per-day", Integer.toString(SECONDS_PER_DAY),
                        "--port", Integer.toString(adminPort), "--management-port", Integer.toString(E2eHttp.freePort()),
                        "--sandbox-port", Integer.toString(sandboxPort))
                .env("QUARKUS_DATASOURCE_JDBC_URL", db.url())
                .env("QUARKUS_DATASOURCE_USERNAME", db.user())
                .env("QUARKUS_DATASOURCE_PASSWORD", db.password())
                .env("ARREARS_OPERATOR_TOKEN", operatorToken)
                .env("ARREARS_SANDBOX_CONTROL_TOKEN", controlToken)
                .env("ARREARS_EMAIL_SMTP_HOST", "127.0.0.1")
                .env("ARREARS_EMAIL_SMTP_PORT", Integer.toString(smtp.port()))
                .env("ARREARS_EMAIL_SMTP_SECURITY", "NONE")
                .build().start();

        // Every sandbox organisation connected and live (the demo does it through the admin API).
        List<JsonNode> orgs = sandboxOrgs(Duration.ofSeconds(120));
        orgs.forEach(o -> zones.put(o.path("id").asText(), ZoneId.of(o.path("timeZone").asText())));
        awaitAllLive(orgs.size(), Duration.ofSeconds(150));
        Instant t0 = Instant.parse(get(sandbox + "/_sandbox/clock", true).path("now").asText());
        LocalDate start = LocalDate.ofInstant(t0, java.time.ZoneOffset.UTC);
        Instant end = t0.plus(Duration.ofDays(DAYS));

        // Run to day 60; around day 20, pay one invoice that is being chased and has stages ahead of it.
        Paid paid = null;
        while (true) {
            Instant now = Instant.parse(get(sandbox + "/_sandbox/clock", true).path("now").asText());
            smtp.collect(now);
            Instant before = Instant.now();
            Instant simulated = Instant.parse(get(sandbox + "/_sandbox/clock", true).path("now").asText());
            smtp.anchor(before, simulated, Instant.now());
            if (!now.isBefore(end)) {
                break;
            }
            assertThat(app.isAlive()).as("the application is running (see %s)", app.log()).isTrue();
            if (paid == null && now.isAfter(t0.plus(Duration.ofDays(18)))) {
                paid = payOneBeingChased(orgs);
            }
            Thread.sleep(1000);
        }
        assertThat(paid).as("an invoice being chased was found and paid").isNotNull();

        Map<String, JsonNode> ledgers = new LinkedHashMap<>();
        for (JsonNode o : orgs) {
            ledgers.put(o.path("id").asText(), get(sandbox + "/_sandbox/ledger/" + o.path("id").asText() + "?invoices=true", true));
        }
        // For a post-mortem: the ledgers' side and Arrears' side, as they were at the end.
        Map<String, Object> dump = new LinkedHashMap<>();
        dump.put("paid", String.valueOf(paid));
        dump.put("ledgers", ledgers);
        // The daemon keeps dispatching while the end state is read: what the mail server had received
        // before the outboxes were read must all be done in them; what it received after may be too.
        smtp.collect(Instant.parse(get(sandbox + "/_sandbox/clock", true).path("now").asText()));
        Set<String> receivedBeforeOutboxes = Set.copyOf(smtp.byMessageId().keySet());
        JsonNode organisations = get(admin + "/admin/organisations", false);
        dump.put("organisations", organisations);
        Map<String, JsonNode> outboxes = new LinkedHashMap<>();
        for (JsonNode o : organisations) {
            outboxes.put(o.path("name").asText(), get(admin + "/admin/organisations/" + o.path("id").asText() + "/outbox", false));
        }
        dump.put("outboxes", outboxes);
        Map<String, JsonNode> outboxBySandboxOrg = new LinkedHashMap<>();
        for (JsonNode o : organisations) {
            outboxBySandboxOrg.put(o.path("ledgerTenantId").asText(), outboxes.get(o.path("name").asText()));
        }
        smtp.collect(Instant.parse(get(sandbox + "/_sandbox/clock", true).path("now").asText()));
        Map<String, String> received = new LinkedHashMap<>();
        smtp.byMessageId().forEach((id, r) -> received.put(id, r.sentAt() + " (seen " + r.firstSeen() + ") " + r.recipients() + " x" + r.copies() + " " + r.subject()));
        dump.put("smtpReceived", received);
        JSON.writerWithDefaultPrettyPrinter().writeValue(Path.of("target/e2e-end-state.json").toFile(), dump);

        LocalDate last = start.plusDays(DAYS);
        checkNothingTwice(ledgers);
        checkStages(ledgers, start, last);
        checkOneFeePerDuePeriod(ledgers, start, last);
        checkPaymentStopsTheChase(ledgers, paid);
        checkEmailsOnTheSmtpSide(ledgers, outboxBySandboxOrg, receivedBeforeOutboxes);
    }

    private final Map<String, ZoneId> zones = new HashMap<>();

    /** A reminder the ledger shows: its own invoice email, or the note Arrears writes after each email it sent. */
    record Reminder(String invoiceId, Instant at, LocalDate orgDay) {
    }

    private List<Reminder> reminders(JsonNode ledger) {
        ZoneId zone = zones.get(ledger.path("id").asText());
        List<Reminder> out = new ArrayList<>();
        ledger.path("emails").forEach(e -> out.add(new Reminder(e.path("invoiceId").asText(), Instant.parse(e.path("at").asText()),
                LocalDate.parse(e.path("orgDay").asText()))));
        ledger.path("notes").forEach(n -> {
            if (n.path("text").asText().contains("reminder emailed to")) {
                Instant at = Instant.parse(n.path("at").asText());
                out.add(new Reminder(n.path("invoiceId").asText(), at, LocalDate.ofInstant(at, zone)));
            }
        });
        return out;
    }

    /** Each default stage's subject, by reminder template, in English and German (config/templates/email). */
    private static final Map<String, Pattern> SUBJECTS = Map.of(
            "friendly", Pattern.compile("^(Friendly reminder: invoice|Freundliche Erinnerung: Rechnung) (\\S+) (is due on|ist am) .+"),
            "overdue", Pattern.compile("^(Invoice|Rechnung) (\\S+) (is now overdue|ist überfällig)$"),
            "firm", Pattern.compile("^(Second reminder: invoice|Zweite Mahnung: Rechnung) (\\S+) (is|ist) \\d+ (days overdue|Tage überfällig)$"),
            "final", Pattern.compile("^(Final notice: invoice|Letzte Mahnung: Rechnung) (\\S+) (for|über) .+"));
    /** A statement's subject: the firmest stage's words and how many invoices it lists (config/templates/email/{en,de}/statement). */
    private static final Pattern STATEMENT = Pattern.compile("^(Friendly reminder|Second reminder|Final notice|Statement|"
            + "Freundliche Erinnerung|Zweite Mahnung|Letzte Mahnung|Kontoauszug): (\\d+) (invoices|Rechnungen), .+");
    private static final Pattern EMAILED = Pattern.compile("^email <([^>]+)> to (.+)$");
    private static final Pattern TEMPLATE = Pattern.compile("^reminder '([^']+)'$");

    /**
     * On the SMTP server's side: every reminder the outbox marks done over the email channel is exactly
     * one email (one copy per recipient) with its stage's subject and its invoice's pay link; the server
     * had received nothing else by the time the outboxes were read; and nothing reached a customer after
     * the invoice was paid.
     */
    private void checkEmailsOnTheSmtpSide(Map<String, JsonNode> ledgers, Map<String, JsonNode> outboxes,
                                          Set<String> receivedBeforeOutboxes) throws Exception {
        Map<String, SmtpSide.Received> received = smtp.byMessageId();
        Set<String> accounted = new java.util.HashSet<>();
        // A statement settles several reminders of one customer with one email: its Message-ID is theirs together.
        Map<String, Integer> reminders = new HashMap<>();
        outboxes.values().forEach(outbox -> outbox.forEach(action -> {
            Matcher emailed = EMAILED.matcher(action.path("ledgerReference").asText(""));
            if (action.path("status").asText().equals("DONE") && emailed.matches()) {
                reminders.merge(emailed.group(1), 1, Integer::sum);
            }
        }));
        int checked = 0;
        for (Map.Entry<String, JsonNode> org : outboxes.entrySet()) {
            JsonNode ledger = ledgers.get(org.getKey());
            Map<String, Instant> paidAt = paidInFull(ledger);
            Map<String, String> numbers = new HashMap<>();
            ledger.path("invoiceStates").forEach(i -> numbers.put(i.path("id").asText(), i.path("number").asText()));
            for (JsonNode action : org.getValue()) {
                Matcher emailed = EMAILED.matcher(action.path("ledgerReference").asText(""));
                if (!action.path("status").asText().equals("DONE") || !emailed.matches()) {
                    continue;
                }
                String messageId = emailed.group(1);
                String invoice = action.path("invoiceId").asText();
                String what = ledger.path("name").asText() + " invoice " + numbers.get(invoice) + " " + action.path("stage").asText()
                        + " <" + messageId + "> (see target/e2e-end-state.json)";
                SmtpSide.Received email = received.get(messageId);
                assertThat(email).as("the SMTP server received %s", what).isNotNull();
                int together = reminders.get(messageId);
                assertThat(accounted.add(messageId) || together > 1).as("one Message-ID per reminder: %s", what).isTrue();
                assertThat(email.copies()).as("exactly one email (one copy for each of %s): %s", email.recipients(), what)
                        .isEqualTo(email.recipients().size());
                Matcher template = TEMPLATE.matcher(action.path("what").asText());
                assertThat(template.matches()).as("a reminder: %s", action).isTrue();
                if (together > 1) {
                    Matcher subject = STATEMENT.matcher(email.subject());
                    assertThat(subject.matches()).as("statement subject '%s': %s", email.subject(), what).isTrue();
                    assertThat(subject.group(2)).as("the statement counts its invoices: %s", what).isEqualTo(Integer.toString(together));
                    assertThat(email.text()).as("the statement lists the invoice: %s", what).contains(numbers.get(invoice));
                } else {
                    Matcher subject = SUBJECTS.get(template.group(1)).matcher(email.subject());
                    assertThat(subject.matches()).as("subject '%s' of stage %s: %s", email.subject(), template.group(1), what).isTrue();
                    assertThat(subject.group(2)).as("the subject names the invoice: %s", what).isEqualTo(numbers.get(invoice));
                }
                assertThat(email.text()).as("the pay link in %s", what).contains(payLink(ledger, invoice));
                Instant paid = paidAt.get(invoice);
                if (paid != null) {
                    assertThat(email.sentAt()).as("%s reached the customer after the invoice was paid at %s", what, paid)
                            .isBefore(paid.plus(Duration.ofDays(1)));
                }
                checked++;
            }
        }
        assertThat(accounted).as("every email the server received before the outboxes were read is a reminder they mark done")
                .containsAll(receivedBeforeOutboxes);
        assertThat(checked).as("reminders sent as Arrears' own email").isGreaterThanOrEqualTo(10);
    }

    /** The pay-now link the sandbox ledger serves for an invoice (Xero's online invoice, QuickBooks' invoice link). */
    private static String payLink(JsonNode ledger, String invoice) {
        return ledger.path("provider").asText().equals("xero") ? "https://in.xero.com/sandbox" + invoice.replace("-", "")
                : "https://connect.intuit.com/portal/app/CommerceNetwork/view/sandbox-" + ledger.path("id").asText() + "-" + invoice;
    }

    /** Invoices paid in full (not the fee invoices Arrears raised), with their last payment. */
    private static Map<String, Instant> paidInFull(JsonNode ledger) {
        Map<String, Instant> paidAt = new HashMap<>();
        for (JsonNode i : ledger.path("invoiceStates")) {
            if (!i.path("createdByApp").asBoolean() && i.path("amountDue").asDouble() == 0 && !i.path("payments").isEmpty()) {
                Instant lastPayment = Instant.MIN;
                for (JsonNode p : i.path("payments")) {
                    Instant at = Instant.parse(p.path("at").asText());
                    lastPayment = at.isAfter(lastPayment) ? at : lastPayment;
                }
                paidAt.put(i.path("id").asText(), lastPayment);
            }
        }
        return paidAt;
    }

    private void checkNothingTwice(Map<String, JsonNode> ledgers) {
        for (JsonNode l : ledgers.values()) {
            assertThat(l.path("duplicateCreatedKeys")).as("late fees created twice in %s", l.path("name").asText()).isEmpty();
        }
    }

    /**
     * A week for the contact cap's rolling window, plus a weekend, plus the public holidays a
     * 60-day run can meet around Christmas and New Year (three in Australia: 25 and 28 December, 1 January).
     */
    private static final long MAX_DEFERRAL_DAYS = 12;

    /** Invoices nobody pays, whose whole chase lies inside the run: at most one reminder per stage, never early, never in a burst. */
    private void checkStages(Map<String, JsonNode> ledgers, LocalDate start, LocalDate last) {
        int checked = 0;
        for (JsonNode l : ledgers.values()) {
            Map<String, List<LocalDate>> emails = new HashMap<>();
            reminders(l).forEach(r -> emails.computeIfAbsent(r.invoiceId(), k -> new ArrayList<>()).add(r.orgDay()));
            for (JsonNode i : l.path("invoiceStates")) {
                LocalDate due = LocalDate.parse(i.path("dueDate").asText());
                if (i.path("createdByApp").asBoolean() || !i.path("behaviour").asText().equals("NEVER_PAYS")
                        || !i.path("payments").isEmpty()   // the one this test pays mid-run
                        || due.minusDays(3).isBefore(start.plusDays(1)) || due.plusDays(14 + MAX_DEFERRAL_DAYS).isAfter(last.minusDays(2))) {
                    continue;
                }
                List<LocalDate> sent = emails.getOrDefault(i.path("id").asText(), List.of()).stream().sorted().toList();
                String what = l.path("name").asText() + " invoice " + i.path("number").asText() + " (" + i.path("id").asText()
                        + ") due " + due + ", reminders " + sent + " (see target/e2e-end-state.json, target/e2e-demo.log)";
                // Exactly once per stage at most, never early, never two at once. The default send rules
                // (office hours, three days between contacts with one customer, two contacts in any seven
                // days) defer reminders when the customer's other invoices were just chased; a reminder
                // still waiting when its invoice reaches the next stage is superseded, not sent late in a
                // burst with the next one (SupersededReminderGuard), so a stage may legitimately be silent.
                assertThat(sent).as(what).isNotEmpty().hasSizeLessThanOrEqualTo(STAGES.length).doesNotHaveDuplicates();
                for (LocalDate day : sent) {
                    assertThat(day).as("no reminder before the heads-up day: %s", what).isAfterOrEqualTo(due.plusDays(STAGES[0]));
                    assertThat(ChronoUnit.DAYS.between(due.plusDays(STAGES[0]), day))
                            .as("reminders stop with the last stage (plus the send rules' deferral): %s", what)
                            .isLessThanOrEqualTo(STAGES[STAGES.length - 1] - STAGES[0] + MAX_DEFERRAL_DAYS);
                }
                checked++;
            }
        }
        assertThat(checked).as("invoices whose whole chase was watched").isGreaterThanOrEqualTo(3);
    }

    /** Every fee names its invoice, rule and period; each is raised once, and every unpaid invoice that reached day 14 got it. */
    private void checkOneFeePerDuePeriod(Map<String, JsonNode> ledgers, LocalDate start, LocalDate last) {
        int expected = 0;
        for (JsonNode l : ledgers.values()) {
            Map<String, Integer> perPeriod = new HashMap<>();
            Map<String, Integer> perInvoice = new HashMap<>();
            for (JsonNode c : l.path("createdInvoices")) {
                Matcher m = FEE_KEY.matcher(c.path("reference").asText("") + " " + c.path("privateNote").asText(""));
                assertThat(m.find()).as("fee invoice %s names its key", c).isTrue();
                perPeriod.merge(m.group(2) + "/" + m.group(3) + "/" + m.group(4), 1, Integer::sum);
                perInvoice.merge(m.group(2), 1, Integer::sum);
            }
            perPeriod.forEach((k, n) -> assertThat(n).as("fees for %s in %s", k, l.path("name").asText()).isEqualTo(1));
            for (JsonNode i : l.path("invoiceStates")) {
                LocalDate due = LocalDate.parse(i.path("dueDate").asText());
                if (i.path("createdByApp").asBoolean() || !i.path("behaviour").asText().equals("NEVER_PAYS")
                        || !FEE_CURRENCIES.contains(i.path("currency").asText())
                        || !i.path("payments").isEmpty()
                        || due.plusDays(14).isBefore(start.plusDays(1)) || due.plusDays(14).isAfter(last.minusDays(2))) {
                    continue;
                }
                assertThat(perInvoice.getOrDefault(i.path("id").asText(), 0))
                        .as("late fees on %s invoice %s (due %s)", l.path("name").asText(), i.path("number").asText(), due)
                        .isEqualTo(1);
                expected++;
            }
        }
        assertThat(expected).as("unpaid invoices that reached the late-fee stage during the run").isGreaterThanOrEqualTo(1);
    }

    /** The invoice paid mid-run, and every invoice its customer paid in full: no reminder and no fee afterwards. */
    private void checkPaymentStopsTheChase(Map<String, JsonNode> ledgers, Paid paid) {
        JsonNode l = ledgers.get(paid.org());
        Instant grace = paid.at().plus(Duration.ofDays(1));   // an action already being carried out may finish
        reminders(l).forEach(r -> {
            if (r.invoiceId().equals(paid.invoice())) {
                assertThat(r.at()).as("reminder for paid invoice %s", paid.number()).isBefore(grace);
            }
        });
        for (JsonNode c : l.path("createdInvoices")) {
            Matcher m = FEE_KEY.matcher(c.path("reference").asText("") + " " + c.path("privateNote").asText(""));
            if (m.find() && m.group(2).equals(paid.invoice())) {
                assertThat(Instant.parse(c.path("created").asText())).as("fee for paid invoice %s", paid.number()).isBefore(grace);
            }
        }
        int settled = 0;
        for (JsonNode ledger : ledgers.values()) {
            Map<String, Instant> paidAt = paidInFull(ledger);
            for (Reminder r : reminders(ledger)) {
                Instant p = paidAt.get(r.invoiceId());
                if (p != null) {
                    assertThat(r.at()).as("reminder %s after its invoice was paid at %s", r, p).isBefore(p.plus(Duration.ofDays(1)));
                }
            }
            settled += paidAt.size();
        }
        assertThat(settled).as("invoices paid in full during the run").isGreaterThan(0);
    }

    record Paid(String org, String invoice, String number, Instant at) {
    }

    /** An invoice nobody would pay, overdue by 1 to 5 days and already reminded: paid now, before its firmer stages. */
    private Paid payOneBeingChased(List<JsonNode> orgs) throws IOException, InterruptedException {
        for (JsonNode o : orgs) {
            String org = o.path("id").asText();
            JsonNode l = get(sandbox + "/_sandbox/ledger/" + org + "?invoices=true", true);
            LocalDate today = LocalDate.parse(l.path("today").asText());
            Set<String> reminded = new java.util.HashSet<>();
            reminders(l).forEach(r -> reminded.add(r.invoiceId()));
            for (JsonNode i : l.path("invoiceStates")) {
                LocalDate due = LocalDate.parse(i.path("dueDate").asText());
                long overdue = ChronoUnit.DAYS.between(due, today);
                if (!i.path("createdByApp").asBoolean() && i.path("behaviour").asText().equals("NEVER_PAYS")
                        && i.path("amountDue").asDouble() > 0 && overdue >= 1 && overdue <= 5 && reminded.contains(i.path("id").asText())) {
                    JsonNode r = post(sandbox + "/_sandbox/payments", Map.of("org", org, "invoice", i.path("id").asText()));
                    Instant at = Instant.parse(get(sandbox + "/_sandbox/clock", true).path("now").asText());
                    assertThat(r.has("error")).as("payment answer %s", r).isFalse();
                    return new Paid(org, i.path("id").asText(), i.path("number").asText(), at);
                }
            }
        }
        return null;
    }

    private List<JsonNode> sandboxOrgs(Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            assertThat(app.isAlive()).as("the application is running (see target/e2e-demo.log)").isTrue();
            try {
                JsonNode orgs = get(sandbox + "/_sandbox/orgs", true).path("orgs");
                List<JsonNode> out = new ArrayList<>();
                orgs.forEach(out::add);
                if (!out.isEmpty()) {
                    return out;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the sandbox did not come up (see target/e2e-demo.log)");
    }

    private void awaitAllLive(int count, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        String seen = "";
        while (Instant.now().isBefore(until)) {
            assertThat(app.isAlive()).as("the application is running (see target/e2e-demo.log)").isTrue();
            try {
                JsonNode list = get(admin + "/admin/organisations", false);
                int live = 0;
                for (JsonNode o : list) {
                    live += o.path("mode").asText().equals("LIVE") ? 1 : 0;
                }
                seen = live + " of " + list.size() + " live";
                if (live == count) {
                    return;
                }
            } catch (IOException e) {
                seen = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not every organisation went live: " + seen + " (see target/e2e-demo.log)");
    }

    private JsonNode get(String url, boolean sandboxCall) throws IOException, InterruptedException {
        return sandboxCall ? http.sandbox(url.substring(sandbox.length())) : http.admin(admin, url.substring(admin.length()));
    }

    private JsonNode post(String url, Object body) throws IOException, InterruptedException {
        return http.sandboxPost(url.substring(sandbox.length()), body);
    }
}
