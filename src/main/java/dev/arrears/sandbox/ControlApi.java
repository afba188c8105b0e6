package dev.arrears.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /_sandbox/...}: what tests, the demo and the benchmark use to look inside the sandbox and
 * steer it. Every call needs the {@code X-Sandbox-Token} header (checked by the server).
 * See docs/sandbox.md for the list.
 */
final class ControlApi {

    private final SandboxServer sb;

    ControlApi(SandboxServer sb) {
        this.sb = sb;
    }

    Resp handle(Req req) {
        try {
            String p = req.path.substring("/_sandbox".length());
            String m = req.method;
            if (p.equals("/orgs") && m.equals("GET")) {
                return ok(Map.of("orgs", orgs()));
            }
            if (p.startsWith("/ledger/") && m.equals("GET")) {
                return ledger(p.substring("/ledger/".length()), "true".equals(req.q("invoices")));
            }
            if (p.equals("/journal/summary") && m.equals("GET")) {
                return journalSummary(req);
            }
            if (p.equals("/journal") && m.equals("GET")) {
                return journal(req);
            }
            if (p.equals("/journal") && m.equals("DELETE")) {
                sb.journal.clear();
                return ok(Map.of("cleared", true));
            }
            if (p.equals("/faults")) {
                return faults(req);
            }
            if (p.equals("/payments") && m.equals("POST")) {
                return payment(SandboxJson.parse(req.body));
            }
            if (p.equals("/clock") && m.equals("GET")) {
                return ok(Map.of("now", sb.clock.instant().toString()));
            }
            if (p.equals("/clock") && m.equals("POST")) {
                JsonNode body = SandboxJson.parse(req.body);
                if (body.has("advance")) {
                    sb.clock.advance(Duration.parse(body.get("advance").asText()));
                } else if (body.has("to")) {
                    Instant to = Instant.parse(body.get("to").asText());
                    Duration by = Duration.between(sb.clock.instant(), to);
                    if (by.isNegative()) {
                        return error(400, "the sandbox clock only moves forward");
                    }
                    sb.clock.advance(by);
                } else {
                    return error(400, "give {\"advance\":\"P1D\"} or {\"to\":\"2026-03-01T00:00:00Z\"}");
                }
                return ok(Map.of("now", sb.clock.instant().toString()));
            }
            if (p.equals("/grants") && m.equals("POST")) {
                return grant(SandboxJson.parse(req.body));
            }
            if (p.startsWith("/orgs/") && p.endsWith("/settings") && m.equals("POST")) {
                return settings(p.substring("/orgs/".length(), p.length() - "/settings".length()), SandboxJson.parse(req.body));
            }
            if (p.equals("/limits/reset") && m.equals("POST")) {
                sb.limits.reset();
                return ok(Map.of("reset", true));
            }
            if (p.equals("/config") && m.equals("GET")) {
                Map<String, Object> c = new LinkedHashMap<>(sb.connectorSettings());
                c.put("seed", sb.ledger.seed());
                c.put("now", sb.clock.instant().toString());
                return ok(c);
            }
            return error(404, "no control endpoint " + m + " " + req.path);
        } catch (SandboxJson.BadRequest | IllegalArgumentException | DateTimeParseException e) {
            return error(400, e.getMessage());
        }
    }

    private List<Map<String, Object>> orgs() {
        List<Map<String, Object>> out = new ArrayList<>();
        long now = sb.clock.millis();
        for (Org o : sb.ledger.orgs()) {
            synchronized (o) {
                o.settle(now);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("provider", o.provider.key());
                m.put("id", o.id);
                m.put("name", o.name);
                m.put("country", o.country.code());
                m.put("currency", o.country.currency());
                m.put("timeZone", o.country.zone().getId());
                if (o.provider == Provider.XERO) {
                    m.put("xeroTimezone", o.country.xeroTimezone());
                }
                m.put("invoices", o.invoices.stream().filter(i -> i.createdMillis <= now).count());
                m.put("open", o.invoices.stream().filter(i -> i.createdMillis <= now && i.open()).count());
                m.put("notYetIssued", o.invoices.stream().filter(i -> i.createdMillis > now).count());
                m.put("scheduledPayments", o.pendingPayments());
                List<Map<String, Object>> customers = new ArrayList<>();
                if (o.customers.size() <= 20) {
                    for (Customer c : o.customers) {
                        customers.add(Map.of("id", c.id(), "name", c.name, "behaviour", c.behaviour.name(),
                                "lateDays", c.lateDays, "email", c.email));
                    }
                    m.put("customers", customers);
                }
                out.add(m);
            }
        }
        return out;
    }

    private Resp ledger(String orgId, boolean invoices) {
        Org o = sb.ledger.org(orgId);
        if (o == null) {
            return error(404, "no organisation " + orgId);
        }
        long now = sb.clock.millis();
        synchronized (o) {
            o.settle(now);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("provider", o.provider.key());
            m.put("id", o.id);
            m.put("name", o.name);
            m.put("now", Instant.ofEpochMilli(now).toString());
            m.put("today", o.today(now).toString());
            m.put("invoices", o.invoices.stream().filter(i -> i.createdMillis <= now).count());
            m.put("open", o.invoices.stream().filter(i -> i.createdMillis <= now && i.open()).count());
            m.put("payments", o.payments.size());
            List<Map<String, Object>> created = new ArrayList<>();
            Map<String, Integer> keys = new HashMap<>();
            for (Invoice i : o.invoices) {
                if (!i.createdByApp) {
                    continue;
                }
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("id", i.id());
                c.put("number", o.number(i));
                c.put("reference", i.reference);
                c.put("privateNote", i.privateNote);
                c.put("customer", i.customer.id());
                c.put("total", SandboxJson.money(i.totalMinor, o.country.currencyDigits()));
                c.put("status", Invoice.STATUS_NAMES[i.status]);
                c.put("created", Instant.ofEpochMilli(i.createdMillis).toString());
                created.add(c);
                String key = i.reference != null ? i.reference : i.privateNote != null ? i.privateNote : o.number(i);
                keys.merge(key, 1, Integer::sum);
            }
            m.put("createdInvoices", created);
            m.put("lateFeeInvoices", created.size());
            m.put("duplicateCreatedKeys", keys.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList());
            List<Map<String, Object>> emails = new ArrayList<>();
            Map<String, Integer> perInvoice = new LinkedHashMap<>();
            for (Email e : o.emails) {
                emails.add(Map.of("invoiceId", e.invoice().id(), "number", o.number(e.invoice()), "to", e.to(),
                        "at", Instant.ofEpochMilli(e.sentMillis()).toString(), "orgDay", e.orgDay().toString()));
                perInvoice.merge(e.invoice().id(), 1, Integer::sum);
            }
            m.put("remindersSent", o.emails.size());
            m.put("emails", emails);
            m.put("emailsPerInvoice", perInvoice);
            List<Map<String, Object>> notes = new ArrayList<>();
            for (Note n : o.notes) {
                notes.add(Map.of("invoiceId", n.invoice().id(), "text", n.text(),
                        "at", Instant.ofEpochMilli(n.createdMillis()).toString()));
            }
            m.put("notes", notes);
            if (invoices) {
                // ?invoices=true: every issued invoice with its dates and payments, for end-to-end checks.
                List<Map<String, Object>> list = new ArrayList<>();
                Map<Invoice, List<Map<String, Object>>> paid = new HashMap<>();
                for (Payment pay : o.payments) {
                    paid.computeIfAbsent(pay.invoice, k -> new ArrayList<>()).add(Map.of(
                            "amount", SandboxJson.money(pay.amountMinor, o.country.currencyDigits()),
                            "at", Instant.ofEpochMilli(pay.createdMillis).toString()));
                }
                for (Invoice i : o.invoices) {
                    if (i.createdMillis > now) {
                        continue;
                    }
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("id", i.id());
                    v.put("number", o.number(i));
                    v.put("customer", i.customer.id());
                    v.put("behaviour", i.customer.behaviour.toString());
                    v.put("createdByApp", i.createdByApp);
                    v.put("currency", o.country.currency());
                    v.put("issueDate", java.time.LocalDate.ofEpochDay(i.issueDay).toString());
                    v.put("dueDate", java.time.LocalDate.ofEpochDay(i.dueDay).toString());
                    v.put("total", SandboxJson.money(i.totalMinor, o.country.currencyDigits()));
                    v.put("amountDue", SandboxJson.money(i.totalMinor - i.paidMinor, o.country.currencyDigits()));
                    v.put("status", Invoice.STATUS_NAMES[i.status]);
                    v.put("payments", paid.getOrDefault(i, List.of()));
                    list.add(v);
                }
                m.put("invoiceStates", list);
            }
            return ok(m);
        }
    }

    /** Counts of the requests after {@code since}: by organisation, by provider and operation, by status. */
    private Resp journalSummary(Req req) {
        long since = req.q("since") == null ? 0 : Long.parseLong(req.q("since"));
        Map<String, Integer> byOrg = new java.util.TreeMap<>();
        Map<String, Integer> byOperation = new java.util.TreeMap<>();
        Map<String, Integer> byStatus = new java.util.TreeMap<>();
        List<Journal.Entry> entries = sb.journal.entries(e -> e.seq() > since);
        for (Journal.Entry e : entries) {
            byOrg.merge(e.org() == null ? "" : e.org(), 1, Integer::sum);
            byOperation.merge(e.provider() + " " + e.operation(), 1, Integer::sum);
            byStatus.merge(Integer.toString(e.status()), 1, Integer::sum);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lastSeq", sb.journal.lastSeq());
        body.put("count", entries.size());
        body.put("byOrg", byOrg);
        body.put("byOperation", byOperation);
        body.put("byStatus", byStatus);
        return ok(body);
    }

    private Resp journal(Req req) {
        String org = req.q("org");
        String provider = req.q("provider");
        String operation = req.q("operation");
        long since = req.q("since") == null ? 0 : Long.parseLong(req.q("since"));
        int limit = req.q("limit") == null ? 10_000 : Integer.parseInt(req.q("limit"));
        List<Journal.Entry> entries = sb.journal.entries(e -> e.seq() > since
                && (org == null || org.equals(e.org()))
                && (provider == null || provider.equalsIgnoreCase(e.provider()))
                && (operation == null || operation.equalsIgnoreCase(e.operation())));
        if (entries.size() > limit) {
            entries = entries.subList(0, limit);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lastSeq", sb.journal.lastSeq());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Journal.Entry e : entries) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seq", e.seq());
            row.put("at", e.at().toString());
            row.put("provider", e.provider());
            row.put("org", e.org());
            row.put("operation", e.operation());
            row.put("method", e.method());
            row.put("path", e.path());
            row.put("query", e.query());
            row.put("headers", e.headers());
            row.put("body", e.body());
            row.put("status", e.status());
            row.put("outcome", e.outcome());
            row.put("entityId", e.entityId());
            row.put("received", e.received() == null ? null : e.received().toString());
            row.put("answered", e.answered() == null ? null : e.answered().toString());
            rows.add(row);
        }
        body.put("entries", rows);
        return ok(body);
    }

    private Resp faults(Req req) throws SandboxJson.BadRequest {
        switch (req.method) {
            case "GET" -> {
                return ok(Map.of("rules", sb.faults.rules()));
            }
            case "DELETE" -> {
                sb.faults.clear();
                return ok(Map.of("rules", List.of()));
            }
            case "POST" -> {
                JsonNode b = SandboxJson.parse(req.body);
                List<JsonNode> rules = new ArrayList<>();
                if (b.has("rules")) {
                    b.get("rules").forEach(rules::add);
                } else {
                    rules.add(b);
                }
                List<FaultInjection.Rule> added = new ArrayList<>();
                for (JsonNode r : rules) {
                    if (!r.has("kind")) {
                        throw new SandboxJson.BadRequest("a fault rule needs a kind: 5xx, 5xxAfterApply, timeoutAfterApply, timeout or 429");
                    }
                    added.add(sb.faults.add(
                            r.hasNonNull("provider") && !r.get("provider").asText().equals("*") ? Provider.fromKey(r.get("provider").asText()) : null,
                            r.hasNonNull("org") ? r.get("org").asText() : null,
                            r.hasNonNull("operation") ? r.get("operation").asText() : null,
                            FaultInjection.Kind.fromKey(r.get("kind").asText()),
                            r.path("rate").asDouble(1.0),
                            r.path("count").asInt(-1),
                            r.path("status").asInt(500),
                            r.path("delayMillis").asLong(0),
                            r.path("retryAfterSeconds").asInt(60),
                            r.path("xml").asBoolean(false)));
                }
                return ok(Map.of("rules", added));
            }
            default -> {
                return error(405, "GET, POST or DELETE");
            }
        }
    }

    private Resp payment(JsonNode b) {
        Org o = sb.ledger.org(b.path("org").asText());
        if (o == null) {
            return error(404, "no organisation " + b.path("org").asText());
        }
        long now = sb.clock.millis();
        synchronized (o) {
            o.settle(now);
            String ref = b.path("invoice").asText();
            Invoice inv = o.invoice(ref, now);
            if (inv == null) {
                inv = o.invoiceByNumber(ref, now);
            }
            if (inv == null) {
                return error(404, "no issued invoice " + ref + " in " + o.id);
            }
            if (inv.status != Invoice.AUTHORISED || inv.dueMinor() <= 0) {
                return error(409, "invoice " + ref + " is " + Invoice.STATUS_NAMES[inv.status] + " with nothing due");
            }
            int d = o.country.currencyDigits();
            long amount = b.hasNonNull("amount") ? SandboxJson.minor(new BigDecimal(b.get("amount").asText()), d) : inv.dueMinor();
            if (amount <= 0 || amount > inv.dueMinor()) {
                return error(400, "amount must be positive and at most the amount due " + SandboxJson.money(inv.dueMinor(), d));
            }
            Payment p = o.applyPayment(inv, amount, now, b.path("reference").asText("Sandbox payment"));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("paymentId", p.id());
            m.put("invoiceId", inv.id());
            m.put("amount", SandboxJson.money(amount, d));
            m.put("amountDue", SandboxJson.money(inv.dueMinor(), d));
            m.put("status", Invoice.STATUS_NAMES[inv.status]);
            return ok(m);
        }
    }

    private Resp grant(JsonNode b) {
        Set<String> orgs = new LinkedHashSet<>();
        if (b.has("org")) {
            orgs.add(b.get("org").asText());
        }
        b.path("orgs").forEach(n -> orgs.add(n.asText()));
        Provider p = null;
        for (String id : orgs) {
            Org o = sb.ledger.org(id);
            if (o == null) {
                return error(404, "no organisation " + id);
            }
            if (p != null && p != o.provider) {
                return error(400, "one grant covers organisations of one provider");
            }
            p = o.provider;
        }
        if (p == null) {
            return error(400, "give {\"org\":\"...\"} or {\"orgs\":[...]}");
        }
        if (p == Provider.QUICKBOOKS && orgs.size() > 1) {
            return error(400, "a QuickBooks grant covers one realm");
        }
        return ok(sb.oauth.grantDirectly(p, orgs));
    }

    private Resp settings(String orgId, JsonNode b) {
        Org o = sb.ledger.org(orgId);
        if (o == null) {
            return error(404, "no organisation " + orgId);
        }
        synchronized (o) {
            if (b.has("invoiceRemindersEnabled")) {
                o.invoiceRemindersEnabled = b.get("invoiceRemindersEnabled").asBoolean();
            }
            if (b.has("emailDailyCap")) {
                o.emailDailyCap = b.get("emailDailyCap").asInt();
            }
            if (b.has("orgClass")) {
                o.orgClass = b.get("orgClass").asText();
            }
            return ok(Map.of("invoiceRemindersEnabled", o.invoiceRemindersEnabled, "emailDailyCap", o.emailDailyCap,
                    "orgClass", o.orgClass));
        }
    }

    private static Resp ok(Object body) {
        return Resp.json(200, SandboxJson.bytes(body));
    }

    private static Resp error(int status, String message) {
        return Resp.json(status, SandboxJson.bytes(Map.of("error", message == null ? "bad request" : message)));
    }
}
