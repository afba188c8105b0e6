package dev.arrears.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the ledgers' side says about exactly-once, for the replica and crash tests. The counts come
 * from the sandbox (its record of emails sent and invoices created, its journal of requests); the
 * daemon's outbox only says which actions it planned and considers done, so that an action done
 * twice, done but absent from the ledger, or present in the ledger but not done, shows up.
 */
final class LedgerChecks {

    /** The default policy's late fee: its key names the organisation, the invoice, the rule and the period. */
    static final Pattern FEE_KEY = Pattern.compile("([0-9a-f-]{36}):([^:\\s\\]]+):fee:([^:\\s\\]]+):p(\\d+)");
    /** Currencies the default policy's fixed late fee is defined for. */
    static final Set<String> FEE_CURRENCIES = Set.of("GBP", "EUR", "USD");

    private LedgerChecks() {
    }

    /**
     * For one organisation: no fee key created twice; for every invoice, as many emails in the
     * ledger as reminders the outbox has DONE (more = sent twice or sent for an action not done,
     * except one cancelled while in doubt, whose earlier attempt may have gone out; fewer = lost); every DONE late fee present exactly once and every fee in the ledger belongs
     * to a DONE action; nothing left claimed or waiting for a person.
     */
    static List<String> exactlyOnce(String name, JsonNode ledger, JsonNode outbox) {
        List<String> problems = new ArrayList<>();
        if (!ledger.path("duplicateCreatedKeys").isEmpty()) {
            problems.add(name + ": invoices created twice for " + ledger.path("duplicateCreatedKeys"));
        }
        Map<String, Integer> doneReminders = new TreeMap<>();
        Map<String, Integer> mayHaveSent = new TreeMap<>();
        List<String> doneFees = new ArrayList<>();
        for (JsonNode a : outbox) {
            String status = a.path("status").asText();
            String kind = a.path("kind").asText();
            if (status.equals("CLAIMED")) {
                problems.add(name + ": still claimed at the end: " + brief(a));
            } else if (status.equals("NEEDS_HUMAN") && !kind.equals("FLAG_FOR_PERSON")) {
                problems.add(name + ": waits for a person (never carried out = lost): " + brief(a));
            } else if (status.equals("DONE") && kind.equals("SEND_REMINDER")) {
                doneReminders.merge(a.path("invoiceId").asText(), 1, Integer::sum);
            } else if (status.equals("CANCELLED") && kind.equals("SEND_REMINDER") && a.path("inDoubt").asBoolean()) {
                // Cancelled (paid, or moved on) after an attempt whose outcome stayed unknown: it may have gone out.
                mayHaveSent.merge(a.path("invoiceId").asText(), 1, Integer::sum);
            } else if (status.equals("DONE") && kind.equals("CHARGE_LATE_FEE")) {
                doneFees.add(a.path("key").asText());
            }
        }
        Map<String, Integer> emails = new TreeMap<>();
        ledger.path("emails").forEach(e -> emails.merge(e.path("invoiceId").asText(), 1, Integer::sum));
        Set<String> invoices = new java.util.TreeSet<>(emails.keySet());
        invoices.addAll(doneReminders.keySet());
        for (String invoice : invoices) {
            int sent = emails.getOrDefault(invoice, 0);
            int done = doneReminders.getOrDefault(invoice, 0);
            if (sent > done + mayHaveSent.getOrDefault(invoice, 0)) {
                problems.add(name + ": invoice " + invoice + " got " + sent + " emails in the ledger for " + done
                        + " reminders done (sent twice, or sent by an action not recorded as done)");
            } else if (sent < done) {
                problems.add(name + ": invoice " + invoice + " got " + sent + " emails in the ledger for " + done
                        + " reminders done (lost)");
            }
        }
        List<String> created = new ArrayList<>();
        ledger.path("createdInvoices").forEach(c -> created.add(c.path("reference").asText("") + " " + c.path("privateNote").asText("")));
        for (String key : doneFees) {
            long n = created.stream().filter(c -> c.contains(key)).count();
            if (n != 1) {
                problems.add(name + ": late fee " + key + " is DONE and appears " + n + " times in the ledger");
            }
        }
        for (String c : created) {
            if (doneFees.stream().noneMatch(c::contains)) {
                problems.add(name + ": the ledger has a late fee no DONE action accounts for: " + c.strip());
            }
        }
        return problems;
    }

    /**
     * Every invoice nobody pays, in a currency the default fee is defined for, that reached its fee day
     * ({@code due + 14}) between {@code from} and {@code to}: once the outbox shows the final notice that
     * announces the fee done, the ledger has exactly one late fee; until then none, and the fee waits for
     * that notice (held by the send rules) or was cancelled with it (issue 17 item 10: a fee is never
     * raised before the reminder that announces it). Returns how many were checked, adding to {@code problems}.
     */
    static int feePerUnpaidInvoice(String name, JsonNode ledger, JsonNode outbox, LocalDate from, LocalDate to,
                                   List<String> problems) {
        Map<String, Integer> perInvoice = new HashMap<>();
        for (JsonNode c : ledger.path("createdInvoices")) {
            Matcher m = FEE_KEY.matcher(c.path("reference").asText("") + " " + c.path("privateNote").asText(""));
            if (m.find()) {
                perInvoice.merge(m.group(2), 1, Integer::sum);
            } else {
                problems.add(name + ": a created invoice names no fee key: " + c);
            }
        }
        int checked = 0;
        for (JsonNode i : ledger.path("invoiceStates")) {
            LocalDate feeDay = LocalDate.parse(i.path("dueDate").asText()).plusDays(14);
            if (i.path("createdByApp").asBoolean() || !i.path("behaviour").asText().equals("NEVER_PAYS")
                    || !FEE_CURRENCIES.contains(i.path("currency").asText()) || !i.path("payments").isEmpty()
                    || feeDay.isBefore(from) || feeDay.isAfter(to)) {
                continue;
            }
            String id = i.path("id").asText();
            int n = perInvoice.getOrDefault(id, 0);
            String invoice = name + ": invoice " + i.path("number").asText() + " (" + id + ", fee day " + feeDay + ")";
            List<JsonNode> fee = ofInvoice(outbox, id, "CHARGE_LATE_FEE");
            List<JsonNode> reminders = ofInvoice(outbox, id, "SEND_REMINDER");
            boolean noticeDone = fee.stream().anyMatch(f -> reminders.stream()
                    .anyMatch(r -> r.path("stage").asText().equals(f.path("stage").asText())
                            && r.path("status").asText().equals("DONE")));
            if (noticeDone && n != 1) {
                problems.add(invoice + " has " + n + " late fees");
            } else if (!noticeDone && n != 0) {
                problems.add(invoice + " has " + n + " late fees before the final notice that announces it was sent");
            } else if (!noticeDone && fee.stream().noneMatch(f -> f.path("lastError").asText("").contains("waits for its stage's reminder")
                    || f.path("statusReason").asText("").contains("its stage's reminder was cancelled"))) {
                problems.add(invoice + " has no late fee, and none waits for its final notice: " + fee);
            }
            checked++;
        }
        return checked;
    }

    /** Who called the ledger, per organisation: calls, writes that were applied, and replicas seen. */
    record ReplicaReport(Map<String, Integer> callsPerReplica, Map<String, Integer> writesPerReplica,
                         Map<String, Integer> handOvers, List<String> overlaps) {
    }

    /**
     * From the sandbox's journal: for each organisation, no request of one replica arrived while a
     * request of another replica for the same organisation was still being answered (two replicas
     * working on one organisation at once), counting hand-overs (one replica's run of calls followed
     * by another's) and each replica's calls and applied writes.
     */
    static ReplicaReport replicas(List<JsonNode> journal) {
        Map<String, List<JsonNode>> perOrg = new TreeMap<>();
        Map<String, Integer> calls = new TreeMap<>();
        Map<String, Integer> writes = new TreeMap<>();
        for (JsonNode e : journal) {
            String org = e.path("org").asText(null);
            String replica = e.path("headers").path("X-Arrears-Replica").asText(null);
            if (org == null || org.isEmpty() || replica == null) {
                continue;
            }
            perOrg.computeIfAbsent(org, k -> new ArrayList<>()).add(e);
            calls.merge(replica, 1, Integer::sum);
            if (!e.path("method").asText().equals("GET") && e.path("outcome").asText().contains("ok")) {
                writes.merge(replica, 1, Integer::sum);
            }
        }
        Map<String, Integer> handOvers = new TreeMap<>();
        List<String> overlaps = new ArrayList<>();
        perOrg.forEach((org, entries) -> {
            entries.sort((a, b) -> a.path("received").asText().compareTo(b.path("received").asText()));
            Map<String, Instant> busyUntil = new HashMap<>();
            Map<String, JsonNode> lastOf = new HashMap<>();
            String previous = null;
            int switches = 0;
            for (JsonNode e : entries) {
                String replica = e.path("headers").path("X-Arrears-Replica").asText();
                Instant received = Instant.parse(e.path("received").asText());
                for (Map.Entry<String, Instant> other : busyUntil.entrySet()) {
                    if (!other.getKey().equals(replica) && received.isBefore(other.getValue())) {
                        JsonNode o = lastOf.get(other.getKey());
                        overlaps.add("org " + org + ": " + replica + " #" + e.path("seq").asLong() + " " + e.path("method").asText()
                                + " " + e.path("path").asText() + " arrived at " + received + " while " + other.getKey() + " #"
                                + o.path("seq").asLong() + " " + o.path("method").asText() + " " + o.path("path").asText()
                                + " was being answered (until " + other.getValue() + ")");
                    }
                }
                Instant answered = Instant.parse(e.path("answered").asText());
                busyUntil.merge(replica, answered, (a, b) -> a.isAfter(b) ? a : b);
                lastOf.put(replica, e);
                if (previous != null && !previous.equals(replica)) {
                    switches++;
                }
                previous = replica;
            }
            handOvers.put(org, switches);
        });
        return new ReplicaReport(calls, writes, handOvers, overlaps);
    }

    static String brief(JsonNode action) {
        return action.path("kind").asText() + " " + action.path("key").asText() + " " + action.path("status").asText()
                + (action.path("statusReason").isNull() ? "" : " (" + action.path("statusReason").asText() + ")")
                + (action.path("lastError").isNull() ? "" : " last error: " + action.path("lastError").asText())
                + (action.path("inDoubt").asBoolean() ? " in doubt" : "");
    }

    private static List<JsonNode> ofInvoice(JsonNode outbox, String invoiceId, String kind) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode a : outbox) {
            if (a.path("invoiceId").asText().equals(invoiceId) && a.path("kind").asText().equals(kind)) {
                found.add(a);
            }
        }
        return found;
    }
}
