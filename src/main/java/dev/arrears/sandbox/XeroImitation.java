package dev.arrears.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Xero imitation: identity (authorize, token, revocation, connections) and the Accounting API
 * endpoints Arrears uses, answering in Xero's JSON conventions (PascalCase, {@code /Date(ms+0000)/}
 * dates, the {@code Id/Status/ProviderName/DateTimeUTC} envelope, {@code ValidationException} errors)
 * as in Xero's OpenAPI 16.1.0 (src/test/resources/apis/xero).
 */
final class XeroImitation extends ProviderApi {

    private static final String ACCOUNTING = "/api/api.xro/2.0/";
    private static final Pattern MS_DATE = Pattern.compile("^/Date\\((-?\\d+)([+-]\\d{4})?\\)/$");
    private static final long SIX_MINUTES = 6 * 60_000L;

    XeroImitation(SandboxServer sb) {
        super(sb, Provider.XERO);
    }

    // ---- routing ------------------------------------------------------------------------------

    @Override
    Route route(Req req) {
        String p = req.path.substring("/xero".length());
        String m = req.method;
        if (p.equals("/login/identity/connect/authorize") && m.equals("GET")) {
            return open("authorize", (o, g, now) -> sb.oauth.authorize(Provider.XERO, req));
        }
        if (p.equals("/identity/connect/token") && m.equals("POST")) {
            return open("token", (o, g, now) -> {
                Map.Entry<Integer, Map<String, Object>> r = sb.oauth.token(Provider.XERO, req);
                return Resp.json(r.getKey(), SandboxJson.bytes(r.getValue()))
                        .header("Cache-Control", "no-store");
            });
        }
        if (p.equals("/identity/connect/revocation") && m.equals("POST")) {
            return open("revokeToken", (o, g, now) -> {
                String token = Req.parseForm(req.bodyText()).getOrDefault("token", List.of("")).get(0);
                return sb.oauth.revoke(Provider.XERO, token) ? Resp.empty(200)
                        : Resp.json(400, "{\"error\":\"invalid_grant\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            });
        }
        if (p.equalsIgnoreCase("/api/connections") && m.equals("GET")) {
            Route r = new Route("getConnections");
            r.limited = false;
            r.handler = (o, g, now) -> connections(req.q("authEventId"));
            return r;
        }
        if (p.regionMatches(true, 0, "/api/connections/", 0, 17) && m.equals("DELETE")) {
            Route r = new Route("deleteConnection");
            r.limited = false;
            String id = p.substring(17);
            r.handler = (o, g, now) -> sb.oauth.deleteXeroConnection(id) ? Resp.empty(204) : problem(404, "Not Found", "Connection not found");
            return r;
        }
        if (!p.startsWith(ACCOUNTING)) {
            Route r = new Route("unknown");
            r.immediate = problem(404, "Not Found", "The resource you're looking for cannot be found");
            return r;
        }
        List<String> seg = Arrays.asList(p.substring(ACCOUNTING.length()).split("/"));
        String tenant = req.header("xero-tenant-id");
        Org org = tenant == null ? null : sb.ledger.org(tenant.trim().toLowerCase(Locale.ROOT));
        Route r = accounting(req, m, seg);
        r.org = org != null && org.provider == Provider.XERO ? org : null;
        r.orgHint = tenant;
        if (r.handler != null && m.matches("PUT|POST")) {
            String key = req.header("Idempotency-Key");
            if (key != null && !key.isBlank()) {
                if (key.length() > 128) {
                    r.immediate = validation("Idempotency-Key must be at most 128 characters", null);
                }
                r.idemKey = key;
            }
        }
        return r;
    }

    private Route accounting(Req req, String m, List<String> seg) {
        String res = seg.get(0);
        int n = seg.size();
        Route r;
        if (res.equalsIgnoreCase("Invoices")) {
            if (n == 1 && m.equals("GET")) {
                r = new Route("getInvoices");
                r.handler = (o, g, now) -> getInvoices(o, req, now);
            } else if (n == 1 && m.equals("PUT")) {
                r = new Route("createInvoices");
                r.handler = (o, g, now) -> writeInvoices(o, g, req, now, false);
            } else if (n == 1 && m.equals("POST")) {
                r = new Route("updateOrCreateInvoices");
                r.handler = (o, g, now) -> writeInvoices(o, g, req, now, true);
            } else if (n == 2 && m.equals("GET") && String.valueOf(req.header("Accept")).toLowerCase(Locale.ROOT).contains("application/pdf")) {
                r = new Route("getInvoiceAsPdf");
                r.handler = (o, g, now) -> invoicePdf(o, seg.get(1), now);
            } else if (n == 2 && m.equals("GET")) {
                r = new Route("getInvoice");
                r.handler = (o, g, now) -> getInvoice(o, seg.get(1), now);
            } else if (n == 2 && m.equals("POST")) {
                r = new Route("updateInvoice");
                r.handler = (o, g, now) -> writeInvoices(o, g, req, now, true);
            } else if (n == 3 && seg.get(2).equalsIgnoreCase("Email") && m.equals("POST")) {
                r = new Route("emailInvoice");
                r.handler = (o, g, now) -> email(o, seg.get(1), now);
            } else if (n == 3 && seg.get(2).equalsIgnoreCase("History") && m.equals("GET")) {
                r = new Route("getInvoiceHistory");
                r.handler = (o, g, now) -> history(o, seg.get(1), now);
            } else if (n == 3 && seg.get(2).equalsIgnoreCase("History") && m.equals("PUT")) {
                r = new Route("createInvoiceHistory");
                r.handler = (o, g, now) -> addHistory(o, seg.get(1), req, now);
            } else if (n == 3 && seg.get(2).equalsIgnoreCase("OnlineInvoice") && m.equals("GET")) {
                r = new Route("getOnlineInvoice");
                r.handler = (o, g, now) -> onlineInvoice(o, seg.get(1), now);
            } else {
                r = unsupported(req);
            }
        } else if (res.equalsIgnoreCase("Organisation") && m.equals("GET")) {
            if (n == 1) {
                r = new Route("getOrganisations");
                r.handler = (o, g, now) -> organisation(o, now);
            } else if (n == 2 && seg.get(1).equalsIgnoreCase("Actions")) {
                r = new Route("getOrganisationActions");
                r.handler = (o, g, now) -> actions(o, now);
            } else {
                r = unsupported(req);
            }
        } else if (res.equalsIgnoreCase("InvoiceReminders") && n == 2 && m.equals("GET")) {
            r = new Route("getInvoiceReminders");
            r.handler = (o, g, now) -> envelope(now, gen -> {
                gen.writeArrayFieldStart("InvoiceReminders");
                gen.writeStartObject();
                gen.writeBooleanField("Enabled", o.invoiceRemindersEnabled);
                gen.writeEndObject();
                gen.writeEndArray();
            });
        } else if (res.equalsIgnoreCase("Accounts") && n == 1 && m.equals("GET")) {
            r = new Route("getAccounts");
            String where = req.q("where");
            r.handler = (o, g, now) -> accounts(o, now, where);
        } else if (res.equalsIgnoreCase("TaxRates") && n == 1 && m.equals("GET")) {
            r = new Route("getTaxRates");
            String where = req.q("where");
            r.handler = (o, g, now) -> taxRates(o, now, where);
        } else if (res.equalsIgnoreCase("Items") && n == 1 && m.equals("GET")) {
            r = new Route("getItems");
            String where = req.q("where");
            r.handler = (o, g, now) -> items(o, now, where);
        } else if (res.equalsIgnoreCase("Currencies") && n == 1 && m.equals("GET")) {
            r = new Route("getCurrencies");
            r.handler = (o, g, now) -> envelope(now, gen -> {
                gen.writeArrayFieldStart("Currencies");
                gen.writeStartObject();
                gen.writeStringField("Code", o.country.currency());
                gen.writeStringField("Description", o.country.currencyName());
                gen.writeEndObject();
                gen.writeEndArray();
            });
        } else if (res.equalsIgnoreCase("Contacts") && m.equals("GET") && n <= 2) {
            r = new Route(n == 1 ? "getContacts" : "getContact");
            r.handler = (o, g, now) -> contacts(o, req, n == 2 ? seg.get(1) : null, now);
        } else if (res.equalsIgnoreCase("Payments") && m.equals("GET") && n <= 2) {
            r = new Route(n == 1 ? "getPayments" : "getPayment");
            r.handler = (o, g, now) -> payments(o, req, n == 2 ? seg.get(1) : null, now);
        } else {
            r = unsupported(req);
        }
        return r;
    }

    private Route unsupported(Req req) {
        Route r = new Route("unsupported");
        r.immediate = problem(404, "Not Found", "The sandbox does not imitate " + req.method + " " + req.path);
        return r;
    }

    private static Route open(String operation, Handler h) {
        Route r = new Route(operation);
        r.auth = false;
        r.limited = false;
        r.handler = h;
        return r;
    }

    @Override
    Resp authorise(Route route, OAuth.Grant grant, Req req) {
        if (route.operation.equals("getConnections") || route.operation.equals("deleteConnection")) {
            return null;
        }
        if (route.org == null || !sb.oauth.xeroTenantAllowed(grant, route.org.id)) {
            return problem(403, "Forbidden", "AuthenticationUnsuccessful");
        }
        return null;
    }

    // ---- errors and limits ----------------------------------------------------------------------

    @Override
    Resp unauthorised(OAuth.Check check) {
        String detail = check.failure().equals("expired")
                ? "TokenExpired: token expired at " + DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss")
                        .format(Instant.ofEpochMilli(check.expiredAtMillis()).atZone(ZoneOffset.UTC))
                : "AuthenticationUnsuccessful";
        return problem(401, "Unauthorized", detail).header("WWW-Authenticate", "Bearer");
    }

    @Override
    Resp throttled(RateLimits.Permit permit) {
        Resp r = Resp.empty(429).header("X-Rate-Limit-Problem", permit.problem());
        if (permit.retryAfterSeconds() > 0) {
            r.header("Retry-After", Long.toString(permit.retryAfterSeconds()));
        }
        return r;
    }

    @Override
    Resp injectedThrottle(FaultInjection.Rule rule) {
        return Resp.empty(429).header("X-Rate-Limit-Problem", "minute")
                .header("Retry-After", Integer.toString(rule.retryAfterSeconds()))
                .header("X-MinLimit-Remaining", "0");
    }

    @Override
    void decorate(Resp resp, Route route, RateLimits.Permit permit) {
        if (permit == null) {
            return;
        }
        if (!route.operation.equals("getConnections")) {
            resp.headers.putIfAbsent("X-DayLimit-Remaining", Long.toString(Math.max(0, clip(permit.dayRemaining()))));
            resp.headers.putIfAbsent("X-MinLimit-Remaining", Long.toString(Math.max(0, clip(permit.minuteRemaining()))));
        }
        resp.headers.putIfAbsent("X-AppMinLimit-Remaining", Long.toString(Math.max(0, clip(permit.appMinuteRemaining()))));
    }

    private static long clip(long v) {
        return v == Long.MAX_VALUE ? 99_999 : v;
    }

    @Override
    Resp serverError(int status) {
        if (status == 503) {
            return Resp.text(503, "The Organisation is offline");
        }
        return problem(status, "An error occurred", "An error occurred in Xero. Check the API Status page for current service status.");
    }

    @Override
    Resp badRequest(String message) {
        return validation(message, null);
    }

    @Override
    Resp idempotencyConflict(String key) {
        return validation("Idempotency Key " + key + " is used with a different request.", null);
    }

    @Override
    RateLimits.Limits limits() {
        return RateLimits.Limits.XERO;
    }

    @Override
    String idempotencyScope(Route route, OAuth.Grant grant) {
        return "xero:" + grant.clientId;
    }

    @Override
    long idempotencyTtlMillis() {
        return SIX_MINUTES;
    }

    @Override
    boolean refusesDifferentRequest() {
        return true;
    }

    static Resp problem(int status, String title, String detail) {
        return Resp.json(status, SandboxJson.write(g -> {
            g.writeStartObject();
            g.writeNullField("Type");
            g.writeStringField("Title", title);
            g.writeNumberField("Status", status);
            g.writeStringField("Detail", detail);
            g.writeStringField("Instance", UUID.randomUUID().toString());
            g.writeObjectFieldStart("Extensions");
            g.writeEndObject();
            g.writeEndObject();
        }));
    }

    /** A 400 ValidationException; {@code elements} (may be null) are written as the Elements array. */
    static Resp validation(String message, SandboxJson.Body elements) {
        return Resp.json(400, SandboxJson.write(g -> {
            g.writeStartObject();
            g.writeNumberField("ErrorNumber", 10);
            g.writeStringField("Type", "ValidationException");
            g.writeStringField("Message", elements == null ? message : "A validation exception occurred");
            g.writeArrayFieldStart("Elements");
            if (elements != null) {
                elements.write(g);
            } else {
                g.writeStartObject();
                g.writeArrayFieldStart("ValidationErrors");
                g.writeStartObject();
                g.writeStringField("Message", message);
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    private static Resp envelope(long now, SandboxJson.Body body) {
        return Resp.json(200, SandboxJson.write(g -> {
            g.writeStartObject();
            g.writeStringField("Id", UUID.randomUUID().toString());
            g.writeStringField("Status", "OK");
            g.writeStringField("ProviderName", "Arrears Sandbox");
            g.writeStringField("DateTimeUTC", "/Date(" + now + ")/");
            body.write(g);
            g.writeEndObject();
        }));
    }

    // ---- identity -------------------------------------------------------------------------------

    private Resp connections(String authEventId) {
        List<OAuth.Connection> list = sb.oauth.xeroConnections(authEventId);
        return Resp.json(200, SandboxJson.write(g -> {
            g.writeStartArray();
            for (OAuth.Connection c : list) {
                Org o = sb.ledger.org(c.tenantId());
                g.writeStartObject();
                g.writeStringField("id", c.id());
                g.writeStringField("authEventId", c.authEventId());
                g.writeStringField("tenantId", c.tenantId());
                g.writeStringField("tenantType", "ORGANISATION");
                g.writeStringField("tenantName", o == null ? "?" : o.name);
                g.writeStringField("createdDateUtc", connectionTime(c.createdMillis()));
                g.writeStringField("updatedDateUtc", connectionTime(c.updatedMillis()));
                g.writeEndObject();
            }
            g.writeEndArray();
        }));
    }

    private static String connectionTime(long millis) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS")
                .format(LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
    }

    // ---- invoices: reads ------------------------------------------------------------------------

    private Resp getInvoices(Org o, Req req, long now) throws SandboxJson.BadRequest {
        List<Predicate<Invoice>> filters = new ArrayList<>();
        filters.add(inv -> inv.createdMillis <= now && inv.status != Invoice.DELETED);
        String statuses = req.q("Statuses");
        if (statuses != null) {
            Set<String> wanted = csv(statuses, true);
            filters.add(inv -> wanted.contains(Invoice.STATUS_NAMES[inv.status]));
        }
        String ids = req.q("IDs");
        if (ids != null) {
            Set<String> wanted = csv(ids, false);
            filters.add(inv -> wanted.contains(inv.id()));
        }
        String numbers = req.q("InvoiceNumbers");
        if (numbers != null) {
            Set<String> wanted = csv(numbers, true);
            filters.add(inv -> wanted.contains(o.number(inv).toUpperCase(Locale.ROOT)));
        }
        String contacts = req.q("ContactIDs");
        if (contacts != null) {
            Set<String> wanted = csv(contacts, false);
            filters.add(inv -> wanted.contains(inv.customer.id()));
        }
        if (req.q("where") != null && !req.q("where").isBlank()) {
            filters.add(XeroWhere.parse(req.q("where"), invoiceFields(o)));
        }
        Long since = ifModifiedSince(req);
        if (since != null) {
            filters.add(inv -> inv.updatedMillis >= since);
        }
        if ("true".equalsIgnoreCase(req.q("createdByMyApp"))) {
            filters.add(inv -> inv.createdByApp);
        }
        String term = req.q("searchTerm");
        if (term != null) {
            String t = term.toLowerCase(Locale.ROOT);
            filters.add(inv -> o.number(inv).toLowerCase(Locale.ROOT).contains(t)
                    || (inv.reference != null && inv.reference.toLowerCase(Locale.ROOT).contains(t)));
        }
        List<Invoice> list = new ArrayList<>();
        outer:
        for (Invoice inv : o.invoices) {
            for (Predicate<Invoice> f : filters) {
                if (!f.test(inv)) {
                    continue outer;
                }
            }
            list.add(inv);
        }
        list.sort(order(o, req.q("order")));
        boolean summary = "true".equalsIgnoreCase(req.q("summaryOnly"));
        boolean paged = req.q("page") != null || statuses != null || summary;
        int page = 1;
        int size = list.size();
        if (paged) {
            page = Math.max(1, intParam(req, "page", 1));
            size = Math.min(1000, Math.max(1, intParam(req, "pageSize", 100)));
        }
        int from = Math.min(list.size(), (page - 1) * size);
        List<Invoice> slice = list.subList(from, Math.min(list.size(), from + size));
        int pageSize = size;
        int pageNo = page;
        int dp = intParam(req, "unitdp", 2);
        return envelope(now, g -> {
            if (paged) {
                writePagination(g, pageNo, pageSize, list.size());
            }
            g.writeArrayFieldStart("Invoices");
            for (Invoice inv : slice) {
                writeInvoice(g, o, inv, summary ? Detail.SUMMARY : Detail.LIST, dp);
            }
            g.writeEndArray();
        });
    }

    private Resp getInvoice(Org o, String id, long now) {
        Invoice inv = o.invoice(id, now);
        if (inv == null) {
            inv = o.invoiceByNumber(id, now);
        }
        if (inv == null || inv.status == Invoice.DELETED) {
            return problem(404, "Not Found", "The resource you're looking for cannot be found");
        }
        Invoice found = inv;
        return entity(envelope(now, g -> {
            g.writeArrayFieldStart("Invoices");
            writeInvoice(g, o, found, Detail.FULL, 2);
            g.writeEndArray();
        }), found.id());
    }

    enum Detail { SUMMARY, LIST, FULL }

    private static XeroWhere.Fields<Invoice> invoiceFields(Org o) {
        Set<String> known = Set.of("Type", "Status", "Reference", "InvoiceNumber", "InvoiceID", "InvoiceId",
                "Contact.ContactID", "Contact.Name", "AmountDue", "AmountPaid", "Total", "Date", "DueDate",
                "CurrencyCode", "SentToContact");
        int digits = o.country.currencyDigits();
        return new XeroWhere.Fields<>() {
            @Override
            public boolean knows(String field) {
                return known.stream().anyMatch(k -> k.equalsIgnoreCase(field));
            }

            @Override
            public Object value(Invoice inv, String field) {
                return switch (field.toLowerCase(Locale.ROOT)) {
                    case "type" -> "ACCREC";
                    case "status" -> Invoice.STATUS_NAMES[inv.status];
                    case "reference" -> inv.reference == null ? "" : inv.reference;
                    case "invoicenumber" -> o.number(inv);
                    case "invoiceid" -> inv.id();
                    case "contact.contactid" -> inv.customer.id();
                    case "contact.name" -> inv.customer.name;
                    case "amountdue" -> SandboxJson.money(inv.dueMinor(), digits);
                    case "amountpaid" -> SandboxJson.money(inv.paidMinor, digits);
                    case "total" -> SandboxJson.money(inv.totalMinor, digits);
                    case "date" -> LocalDate.ofEpochDay(inv.issueDay);
                    case "duedate" -> LocalDate.ofEpochDay(inv.dueDay);
                    case "currencycode" -> inv.currency;
                    case "senttocontact" -> inv.sentToContact;
                    default -> null;
                };
            }
        };
    }

    private static Comparator<Invoice> order(Org o, String order) throws SandboxJson.BadRequest {
        Comparator<Invoice> byUpdated = Comparator.comparingLong((Invoice i) -> i.updatedMillis)
                .thenComparing(i -> i.id());
        if (order == null || order.isBlank()) {
            return byUpdated;
        }
        Comparator<Invoice> result = null;
        for (String part : order.split(",")) {
            String[] words = part.trim().split("\\s+");
            Comparator<Invoice> c = switch (words[0].toLowerCase(Locale.ROOT)) {
                case "updateddateutc" -> Comparator.comparingLong(i -> i.updatedMillis);
                case "invoiceid" -> Comparator.comparing(Invoice::id);
                case "date" -> Comparator.comparingInt(i -> i.issueDay);
                case "duedate" -> Comparator.comparingInt(i -> i.dueDay);
                case "invoicenumber" -> Comparator.comparing(o::number);
                case "amountdue" -> Comparator.comparingLong(Invoice::dueMinor);
                case "total" -> Comparator.comparingLong(i -> i.totalMinor);
                case "reference" -> Comparator.comparing(i -> i.reference == null ? "" : i.reference);
                default -> throw new SandboxJson.BadRequest("the sandbox cannot order by '" + words[0] + "'");
            };
            if (words.length > 1 && words[1].equalsIgnoreCase("DESC")) {
                c = c.reversed();
            }
            result = result == null ? c : result.thenComparing(c);
        }
        return result.thenComparing(Invoice::id);
    }

    /** Xero's paging block of a list answer ({@code ?page=}): where this page sits in the whole list. */
    private static void writePagination(JsonGenerator g, int page, int pageSize, int itemCount) throws IOException {
        g.writeObjectFieldStart("pagination");
        g.writeNumberField("page", page);
        g.writeNumberField("pageSize", pageSize);
        g.writeNumberField("pageCount", (itemCount + pageSize - 1) / pageSize);
        g.writeNumberField("itemCount", itemCount);
        g.writeEndObject();
    }

    private void writeInvoice(JsonGenerator g, Org o, Invoice inv, Detail detail, int unitdp) throws IOException {
        int d = o.country.currencyDigits();
        g.writeStartObject();
        g.writeStringField("Type", "ACCREC");
        g.writeStringField("InvoiceID", inv.id());
        g.writeStringField("InvoiceNumber", o.number(inv));
        g.writeStringField("Reference", inv.reference == null ? "" : inv.reference);
        if (detail != Detail.SUMMARY) {
            g.writeArrayFieldStart("Payments");
            if (inv.paymentIdx != null) {
                for (int pi : inv.paymentIdx) {
                    Payment p = o.payments.get(pi);
                    g.writeStartObject();
                    g.writeStringField("PaymentID", p.id());
                    g.writeStringField("Date", msDate(p.day));
                    g.writeNumberField("Amount", SandboxJson.money(p.amountMinor, d));
                    g.writeStringField("Reference", p.reference);
                    g.writeNumberField("CurrencyRate", 1.0);
                    g.writeBooleanField("HasAccount", false);
                    g.writeBooleanField("HasValidationErrors", false);
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("CreditNotes");
            g.writeEndArray();
        }
        g.writeArrayFieldStart("Prepayments");
        g.writeEndArray();
        g.writeArrayFieldStart("Overpayments");
        g.writeEndArray();
        g.writeNumberField("AmountDue", SandboxJson.money(inv.dueMinor(), d));
        g.writeNumberField("AmountPaid", SandboxJson.money(inv.paidMinor, d));
        g.writeNumberField("AmountCredited", SandboxJson.money(0, d));
        g.writeBooleanField("SentToContact", inv.sentToContact);
        g.writeNumberField("CurrencyRate", 1.0);
        g.writeBooleanField("HasErrors", false);
        g.writeBooleanField("IsDiscounted", false);
        if (detail != Detail.SUMMARY) {
            g.writeBooleanField("HasAttachments", false);
        }
        g.writeObjectFieldStart("Contact");
        g.writeStringField("ContactID", inv.customer.id());
        g.writeStringField("Name", inv.customer.name);
        if (detail == Detail.FULL) {
            g.writeStringField("ContactStatus", "ACTIVE");
            g.writeStringField("FirstName", inv.customer.firstName);
            g.writeStringField("LastName", inv.customer.lastName);
            g.writeStringField("EmailAddress", inv.customer.email);
            g.writeBooleanField("IsSupplier", false);
            g.writeBooleanField("IsCustomer", true);
        }
        g.writeArrayFieldStart("Addresses");
        g.writeEndArray();
        g.writeArrayFieldStart("Phones");
        g.writeEndArray();
        g.writeArrayFieldStart("ContactGroups");
        g.writeEndArray();
        g.writeArrayFieldStart("ContactPersons");
        g.writeEndArray();
        g.writeBooleanField("HasValidationErrors", false);
        g.writeEndObject();
        g.writeStringField("DateString", dateString(inv.issueDay));
        g.writeStringField("Date", msDate(inv.issueDay));
        g.writeStringField("DueDateString", dateString(inv.dueDay));
        g.writeStringField("DueDate", msDate(inv.dueDay));
        g.writeStringField("Status", Invoice.STATUS_NAMES[inv.status]);
        g.writeStringField("LineAmountTypes", "Exclusive");
        if (detail != Detail.SUMMARY) {
            g.writeArrayFieldStart("LineItems");
            if (inv.lines == null) {
                writeLine(g, lineId(inv, 0), o.description(inv), BigDecimal.ONE, SandboxJson.money(inv.subTotalMinor, d),
                        inv.taxMinor, inv.subTotalMinor, "SERVICES", "200", o.country.taxType(), d, unitdp);
            } else {
                int k = 0;
                for (Invoice.Line l : inv.lines) {
                    writeLine(g, lineId(inv, k++), l.description(), l.quantity(), SandboxJson.money(l.unitMinor(), unitdp > d ? unitdp : d),
                            l.taxMinor(), l.amountMinor(), l.itemCode(), l.accountCode(), l.taxType(), d, unitdp);
                }
            }
            g.writeEndArray();
        }
        g.writeNumberField("SubTotal", SandboxJson.money(inv.subTotalMinor, d));
        g.writeNumberField("TotalTax", SandboxJson.money(inv.taxMinor, d));
        g.writeNumberField("Total", SandboxJson.money(inv.totalMinor, d));
        g.writeStringField("UpdatedDateUTC", msDateTime(inv.updatedMillis));
        g.writeStringField("UpdatedDateUTCString", utcString(inv.updatedMillis));
        g.writeStringField("CurrencyCode", inv.currency);
        if (inv.status == Invoice.PAID) {
            g.writeStringField("FullyPaidOnDate", msDate(inv.fullyPaidDay));
        }
        g.writeEndObject();
    }

    private static void writeLine(JsonGenerator g, UUID id, String description, BigDecimal qty, BigDecimal unit,
            long taxMinor, long amountMinor, String itemCode, String accountCode, String taxType, int d, int unitdp)
            throws IOException {
        g.writeStartObject();
        if (itemCode != null) {
            g.writeStringField("ItemCode", itemCode);
        }
        g.writeStringField("Description", description);
        g.writeNumberField("UnitAmount", unitdp == 4 ? unit.setScale(4, RoundingMode.HALF_UP) : unit);
        g.writeStringField("TaxType", taxType);
        g.writeNumberField("TaxAmount", SandboxJson.money(taxMinor, d));
        g.writeNumberField("LineAmount", SandboxJson.money(amountMinor, d));
        if (accountCode != null) {
            g.writeStringField("AccountCode", accountCode);
        }
        g.writeArrayFieldStart("Tracking");
        g.writeEndArray();
        g.writeNumberField("Quantity", qty);
        g.writeStringField("LineItemID", id.toString());
        g.writeEndObject();
    }

    private static UUID lineId(Invoice inv, int k) {
        return new UUID(inv.uuid.getMostSignificantBits() ^ 0x5A5A5A5AL, inv.uuid.getLeastSignificantBits() + k + 1);
    }

    // ---- invoices: writes -----------------------------------------------------------------------

    private Resp writeInvoices(Org o, OAuth.Grant grant, Req req, long now, boolean updateAllowed) throws SandboxJson.BadRequest {
        JsonNode body = SandboxJson.parse(req.body);
        List<JsonNode> elements = new ArrayList<>();
        if (body.has("Invoices") && body.get("Invoices").isArray()) {
            body.get("Invoices").forEach(elements::add);
        } else if (body.isObject()) {
            elements.add(body);
        } else {
            throw new SandboxJson.BadRequest("expected {\"Invoices\":[...]}");
        }
        String pathId = req.path.replaceAll(".*/Invoices/?", "");
        boolean summarize = !"false".equalsIgnoreCase(req.q("summarizeErrors"));
        List<Object[]> results = new ArrayList<>();
        boolean anyError = false;
        String lastId = null;
        for (JsonNode e : elements) {
            List<String> errors = new ArrayList<>();
            Invoice existing = null;
            if (updateAllowed) {
                String id = !pathId.isEmpty() ? pathId : text(e, "InvoiceID");
                if (id != null) {
                    existing = o.invoice(id, now);
                    if (existing == null) {
                        existing = o.invoiceByNumber(id, now);
                    }
                    if (existing == null) {
                        errors.add("The document with the supplied id was not found for this endpoint.");
                    }
                } else if (text(e, "InvoiceNumber") != null) {
                    existing = o.invoiceByNumber(text(e, "InvoiceNumber"), now);
                }
            }
            Invoice inv = null;
            if (errors.isEmpty()) {
                inv = existing != null ? update(o, existing, e, errors, now) : create(o, e, errors, now);
            }
            if (!errors.isEmpty()) {
                anyError = true;
                results.add(new Object[] {e, errors});
            } else {
                results.add(new Object[] {inv, null});
                lastId = inv.id();
            }
        }
        if (anyError && summarize) {
            return validation(null, g -> {
                for (Object[] r : results) {
                    if (r[1] != null) {
                        writeRejected(g, (JsonNode) r[0], castList(r[1]));
                    }
                }
            });
        }
        Resp resp = envelope(now, g -> {
            g.writeArrayFieldStart("Invoices");
            for (Object[] r : results) {
                if (r[1] != null) {
                    writeRejected(g, (JsonNode) r[0], castList(r[1]));
                } else {
                    writeCreated(g, o, (Invoice) r[0]);
                }
            }
            g.writeEndArray();
        });
        return lastId == null ? resp : entity(resp, lastId);
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object o) {
        return (List<String>) o;
    }

    private void writeCreated(JsonGenerator g, Org o, Invoice inv) throws IOException {
        byte[] one = SandboxJson.write(gen -> writeInvoice(gen, o, inv, Detail.FULL, 2));
        ObjectNode node;
        try {
            node = (ObjectNode) SandboxJson.MAPPER.readTree(one);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        node.put("StatusAttributeString", "OK");
        g.writeTree(node);
    }

    private static void writeRejected(JsonGenerator g, JsonNode element, List<String> errors) throws IOException {
        ObjectNode node = element.isObject() ? ((ObjectNode) element).deepCopy() : SandboxJson.MAPPER.createObjectNode();
        node.put("HasErrors", true);
        node.put("StatusAttributeString", "ERROR");
        ArrayNode list = node.putArray("ValidationErrors");
        for (String m : errors) {
            list.addObject().put("Message", m);
        }
        g.writeTree(node);
    }

    private Invoice create(Org o, JsonNode e, List<String> errors, long now) {
        String type = text(e, "Type");
        if (type == null) {
            errors.add("Type is required.");
        } else if (!type.equals("ACCREC")) {
            errors.add("The sandbox only imitates sales invoices (Type ACCREC), not " + type + ".");
        }
        Customer customer = null;
        JsonNode contact = e.get("Contact");
        if (contact == null || !contact.isObject()) {
            errors.add("A Contact must be specified for this type of transaction");
        } else if (text(contact, "ContactID") != null) {
            customer = o.customer(text(contact, "ContactID"));
            if (customer == null) {
                errors.add("Contact with ContactID " + text(contact, "ContactID") + " could not be found.");
            }
        } else if (text(contact, "Name") != null) {
            customer = o.customerByName(text(contact, "Name"));
            if (customer == null) {
                errors.add("The sandbox does not create contacts: no contact named " + text(contact, "Name") + ".");
            }
        } else {
            errors.add("A Contact must be specified for this type of transaction");
        }
        String status = text(e, "Status") == null ? "DRAFT" : text(e, "Status");
        byte st = switch (status) {
            case "DRAFT" -> Invoice.DRAFT;
            case "SUBMITTED" -> Invoice.SUBMITTED;
            case "AUTHORISED" -> Invoice.AUTHORISED;
            default -> {
                errors.add("Invoice Status '" + status + "' cannot be used when creating an invoice.");
                yield Invoice.DRAFT;
            }
        };
        LocalDate today = o.today(now);
        LocalDate date = parseDate(e, "Date", errors, today);
        LocalDate due = parseDate(e, "DueDate", errors, null);
        if (due == null && st != Invoice.DRAFT) {
            errors.add("Due Date is required.");
        }
        String currency = text(e, "CurrencyCode") == null ? o.country.currency() : text(e, "CurrencyCode");
        if (!currency.equals(o.country.currency())) {
            errors.add("The currency " + currency + " is not enabled for this organisation.");
        }
        String number = text(e, "InvoiceNumber");
        if (number != null && (number.length() > 255 || o.invoiceByNumber(number, Long.MAX_VALUE) != null)) {
            errors.add("Invoice # must be unique.");
        }
        String reference = text(e, "Reference");
        if (reference != null && reference.length() > 255) {
            errors.add("Reference must not be more than 255 characters.");
        }
        String lineAmountTypes = text(e, "LineAmountTypes") == null ? "Exclusive" : text(e, "LineAmountTypes");
        if (!List.of("Exclusive", "Inclusive", "NoTax").contains(lineAmountTypes)) {
            errors.add("LineAmountTypes must be Exclusive, Inclusive or NoTax.");
        }
        List<Invoice.Line> lines = lines(o, e.get("LineItems"), lineAmountTypes, errors);
        if (!errors.isEmpty()) {
            return null;
        }
        long sub = lines.stream().mapToLong(Invoice.Line::amountMinor).sum();
        long tax = lines.stream().mapToLong(Invoice.Line::taxMinor).sum();
        if (lineAmountTypes.equals("Inclusive")) {
            sub -= tax;
        }
        Invoice inv = new Invoice(o.invoices.size(), o.newUuid(), 0, o.nextSeq++, customer, (int) date.toEpochDay(),
                due == null ? (int) date.plusDays(customer.termDays).toEpochDay() : (int) due.toEpochDay(), sub, tax,
                now, st, (byte) 0);
        inv.customNumber = number;
        inv.reference = reference;
        inv.lines = lines;
        inv.currency = currency;
        inv.createdByApp = true;
        inv.sentToContact = e.path("SentToContact").asBoolean(false) && st == Invoice.AUTHORISED;
        o.addInvoice(inv);
        if (st == Invoice.AUTHORISED) {
            Ledger.schedule(o, inv, new java.util.Random(inv.uuid.getLeastSignificantBits()), now);
        }
        return inv;
    }

    private List<Invoice.Line> lines(Org o, JsonNode items, String lineAmountTypes, List<String> errors) {
        List<Invoice.Line> lines = new ArrayList<>();
        if (items == null || !items.isArray() || items.isEmpty()) {
            errors.add("Invoices must have at least one line item.");
            return lines;
        }
        int d = o.country.currencyDigits();
        for (JsonNode li : items) {
            String description = text(li, "Description");
            String itemCode = text(li, "ItemCode");
            if (itemCode != null && !itemCodes(o).contains(itemCode)) {
                errors.add("Item code '" + itemCode + "' is not valid");
            }
            if ((description == null || description.isEmpty()) && itemCode == null) {
                errors.add("Description is required for a line item.");
                continue;
            }
            if (description != null && description.length() > 4000) {
                errors.add("Description must not be more than 4000 characters.");
            }
            BigDecimal qty = li.has("Quantity") ? li.get("Quantity").decimalValue() : BigDecimal.ONE;
            BigDecimal unit = li.has("UnitAmount") ? li.get("UnitAmount").decimalValue() : null;
            if (unit == null && li.has("LineAmount")) {
                unit = li.get("LineAmount").decimalValue().divide(qty, 4, RoundingMode.HALF_UP);
            }
            if (unit == null) {
                unit = itemCode != null ? BigDecimal.ZERO : null;
            }
            if (unit == null) {
                errors.add("UnitAmount is required for a line item.");
                continue;
            }
            String account = text(li, "AccountCode") == null ? "200" : text(li, "AccountCode");
            if (accounts(o).stream().noneMatch(a -> a[0].equals(account))) {
                errors.add("Account code '" + account + "' is not a valid code for this document.");
            }
            String taxType = text(li, "TaxType") == null
                    ? (lineAmountTypes.equals("NoTax") ? "NONE" : o.country.taxType()) : text(li, "TaxType");
            int bp;
            if (taxType.equals("NONE")) {
                bp = 0;
            } else if (taxType.equals(o.country.taxType())) {
                bp = o.country.taxBasisPoints();
            } else {
                errors.add("The TaxType code '" + taxType + "' does not exist or cannot be used for this type of transaction.");
                continue;
            }
            long amount = SandboxJson.minor(qty.multiply(unit), d);
            long tax;
            if (lineAmountTypes.equals("NoTax")) {
                tax = 0;
            } else if (lineAmountTypes.equals("Inclusive")) {
                tax = amount - Math.round(amount * 10_000.0 / (10_000 + bp));
            } else {
                tax = Math.round(amount * bp / 10_000.0);
            }
            lines.add(new Invoice.Line(description == null ? itemCode : description, qty,
                    SandboxJson.minor(unit, Math.max(d, 2)), amount, tax, itemCode, account, taxType));
        }
        return lines;
    }

    private Invoice update(Org o, Invoice inv, JsonNode e, List<String> errors, long now) {
        if (e.has("LineItems")) {
            errors.add("The sandbox does not update line items of an existing invoice.");
            return null;
        }
        if (e.has("Reference")) {
            inv.reference = text(e, "Reference");
        }
        if (e.has("DueDate")) {
            LocalDate due = parseDate(e, "DueDate", errors, null);
            if (due != null) {
                inv.dueDay = (int) due.toEpochDay();
            }
        }
        if (e.has("SentToContact")) {
            if (inv.status == Invoice.DRAFT) {
                errors.add("SentToContact can only be set on approved invoices.");
            } else {
                inv.sentToContact = e.get("SentToContact").asBoolean();
            }
        }
        String status = text(e, "Status");
        if (status != null && !status.equals(Invoice.STATUS_NAMES[inv.status])) {
            switch (status) {
                case "VOIDED" -> {
                    if (inv.status != Invoice.AUTHORISED || inv.paidMinor > 0) {
                        errors.add("Invoice not of valid status for modification");
                    } else {
                        inv.status = Invoice.VOIDED;
                    }
                }
                case "DELETED" -> {
                    if (inv.status != Invoice.DRAFT && inv.status != Invoice.SUBMITTED) {
                        errors.add("Invoice not of valid status for modification");
                    } else {
                        inv.status = Invoice.DELETED;
                    }
                }
                case "AUTHORISED", "SUBMITTED" -> {
                    if (inv.status != Invoice.DRAFT && inv.status != Invoice.SUBMITTED) {
                        errors.add("Invoice not of valid status for modification");
                    } else {
                        inv.status = status.equals("AUTHORISED") ? Invoice.AUTHORISED : Invoice.SUBMITTED;
                    }
                }
                default -> errors.add("Invoice not of valid status for modification");
            }
        }
        if (errors.isEmpty()) {
            inv.updatedMillis = Math.max(inv.updatedMillis, now);
        }
        return errors.isEmpty() ? inv : null;
    }

    // ---- email, history, online invoice ----------------------------------------------------------

    private Resp email(Org o, String id, long now) {
        Invoice inv = o.invoice(id, now);
        if (inv == null) {
            return problem(404, "Not Found", "The resource you're looking for cannot be found");
        }
        if (inv.status != Invoice.SUBMITTED && inv.status != Invoice.AUTHORISED && inv.status != Invoice.PAID) {
            return validation("Invoice not of valid status for sending by email", null);
        }
        if (inv.customer.email == null || inv.customer.email.isBlank()) {
            return validation("The contact does not have an email address.", null);
        }
        LocalDate day = o.today(now);
        int cap = o.orgClass.equals("DEMO") ? 0 : o.orgClass.equals("TRIAL") ? 20 : o.emailDailyCap;
        if (o.emailsSentOn(day) >= cap) {
            return validation("The daily limit of invoice emails for this organisation has been reached.", null);
        }
        o.emails.add(new Email(inv, inv.customer.email, now, day));
        return entity(Resp.empty(204), inv.id());
    }

    private Resp history(Org o, String id, long now) {
        Invoice inv = o.invoice(id, now);
        if (inv == null) {
            return problem(404, "Not Found", "The resource you're looking for cannot be found");
        }
        int d = o.country.currencyDigits();
        return envelope(now, g -> {
            g.writeArrayFieldStart("HistoryRecords");
            historyRecord(g, "Approved", "INV " + o.number(inv) + " to " + inv.customer.name + " for "
                    + SandboxJson.money(inv.totalMinor, d) + ".", "System Generated", inv.createdMillis);
            for (Note n : o.notes) {
                if (n.invoice() == inv) {
                    historyRecord(g, "Note", n.text(), "System Generated", n.createdMillis());
                }
            }
            g.writeEndArray();
        });
    }

    private static void historyRecord(JsonGenerator g, String changes, String details, String user, long millis)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("Changes", changes);
        g.writeStringField("DateUTCString", utcLocalString(millis));
        g.writeStringField("DateUTC", "/Date(" + millis + ")/");
        g.writeStringField("User", user);
        g.writeStringField("Details", details);
        g.writeEndObject();
    }

    private Resp addHistory(Org o, String id, Req req, long now) throws SandboxJson.BadRequest {
        Invoice inv = o.invoice(id, now);
        if (inv == null) {
            return validation(null, g -> {
                g.writeStartObject();
                g.writeArrayFieldStart("ValidationErrors");
                g.writeStartObject();
                g.writeStringField("Message", "The document with the supplied id was not found for this endpoint.");
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            });
        }
        JsonNode records = SandboxJson.parse(req.body).get("HistoryRecords");
        if (records == null || !records.isArray() || records.isEmpty()) {
            throw new SandboxJson.BadRequest("expected {\"HistoryRecords\":[{\"Details\":\"...\"}]}");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode r : records) {
            String details = text(r, "Details");
            if (details == null || details.isEmpty()) {
                return validation("Details is required for a history record.", null);
            }
            if (details.length() > 2500) {
                return validation("Details must not be more than 2500 characters.", null);
            }
            texts.add(details);
        }
        for (String t : texts) {
            o.notes.add(new Note(0, inv, t, now));
        }
        return entity(envelope(now, g -> {
            g.writeArrayFieldStart("HistoryRecords");
            for (String t : texts) {
                g.writeStartObject();
                g.writeStringField("DateUTCString", utcLocalString(now));
                g.writeStringField("DateUTC", "/Date(" + now + ")/");
                g.writeStringField("Details", t);
                g.writeArrayFieldStart("ValidationErrors");
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }), inv.id());
    }

    /** {@code GET /Invoices/{id}} with {@code Accept: application/pdf}: the invoice as Xero's PDF. */
    private Resp invoicePdf(Org o, String id, long now) {
        Invoice inv = o.invoice(id, now);
        if (inv == null || inv.status == Invoice.DELETED) {
            return problem(404, "Not Found", "The resource you're looking for cannot be found");
        }
        return new Resp(200, "application/pdf", InvoicePdf.of(o, inv));
    }

    private Resp onlineInvoice(Org o, String id, long now) {
        Invoice inv = o.invoice(id, now);
        if (inv == null) {
            return problem(404, "Not Found", "The resource you're looking for cannot be found");
        }
        if (inv.status == Invoice.DRAFT) {
            return validation("An online invoice cannot be created for a draft invoice.", null);
        }
        return envelope(now, g -> {
            g.writeArrayFieldStart("OnlineInvoices");
            g.writeStartObject();
            g.writeStringField("OnlineInvoiceUrl", "https://in.xero.com/sandbox" + inv.id().replace("-", ""));
            g.writeEndObject();
            g.writeEndArray();
        });
    }

    // ---- settings ---------------------------------------------------------------------------------

    private Resp organisation(Org o, long now) {
        Country c = o.country;
        return envelope(now, g -> {
            g.writeArrayFieldStart("Organisations");
            g.writeStartObject();
            g.writeStringField("APIKey", "");
            g.writeStringField("Name", o.name);
            g.writeStringField("LegalName", o.name);
            g.writeBooleanField("PaysTax", c.taxBasisPoints() > 0);
            g.writeStringField("Version", c.xeroVersion());
            g.writeStringField("OrganisationType", "COMPANY");
            g.writeStringField("BaseCurrency", c.currency());
            g.writeStringField("CountryCode", c.code());
            g.writeBooleanField("IsDemoCompany", o.orgClass.equals("DEMO"));
            g.writeStringField("OrganisationStatus", "ACTIVE");
            g.writeNumberField("FinancialYearEndDay", 31);
            g.writeNumberField("FinancialYearEndMonth", c.code().equals("NZ") ? 3 : 12);
            g.writeStringField("SalesTaxBasis", "ACCRUALS");
            g.writeStringField("SalesTaxPeriod", "QUARTERLY");
            g.writeStringField("DefaultSalesTax", "Tax Exclusive");
            g.writeStringField("DefaultPurchasesTax", "Tax Exclusive");
            g.writeStringField("CreatedDateUTC", "/Date(" + o.createdMillis + ")/");
            g.writeStringField("OrganisationEntityType", "COMPANY");
            g.writeStringField("Timezone", c.xeroTimezone());
            g.writeStringField("ShortCode", o.shortCode);
            g.writeStringField("OrganisationID", o.id);
            g.writeStringField("Edition", "BUSINESS");
            g.writeStringField("Class", o.orgClass);
            g.writeArrayFieldStart("Addresses");
            g.writeEndArray();
            g.writeArrayFieldStart("Phones");
            g.writeEndArray();
            g.writeArrayFieldStart("ExternalLinks");
            g.writeEndArray();
            g.writeObjectFieldStart("PaymentTerms");
            g.writeObjectFieldStart("Sales");
            g.writeNumberField("Day", 30);
            g.writeStringField("Type", "DAYSAFTERBILLDATE");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
        });
    }

    private Resp actions(Org o, long now) {
        return envelope(now, g -> {
            g.writeArrayFieldStart("Actions");
            for (String a : new String[] {"UseMulticurrency", "CreateApprovedInvoice", "CreateDraftInvoice",
                "CreateInvoicePayment", "AttachFilesIntoInvoice", "EmailInvoice"}) {
                g.writeStartObject();
                g.writeStringField("Name", a);
                g.writeStringField("Status", a.equals("EmailInvoice") && o.orgClass.equals("DEMO") ? "NOT-ALLOWED" : "ALLOWED");
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** Code, Name, Type, Class, TaxType. */
    static List<String[]> accounts(Org o) {
        return List.of(
                new String[] {"090", "Business Bank Account", "BANK", "ASSET", "NONE"},
                new String[] {"200", "Sales", "REVENUE", "REVENUE", o.country.taxType()},
                new String[] {"260", "Other Revenue", "REVENUE", "REVENUE", o.country.taxType()},
                new String[] {"270", "Interest Income", "OTHERINCOME", "REVENUE", "NONE"},
                new String[] {"610", "Accounts Receivable", "CURRENT", "ASSET", "NONE"});
    }

    private static List<String> itemCodes(Org o) {
        return List.of("SERVICES", "LATEFEE");
    }

    /** GET /Accounts, with {@code where} on Code, Name, Type, Class, Status and TaxType. */
    private Resp accounts(Org o, long now, String where) throws SandboxJson.BadRequest {
        Predicate<String[]> filter = a -> true;
        if (where != null && !where.isBlank()) {
            List<String> known = List.of("code", "name", "type", "class", "status", "taxtype");
            filter = XeroWhere.parse(where, new XeroWhere.Fields<>() {
                @Override
                public Object value(String[] a, String field) {
                    return switch (field.toLowerCase(Locale.ROOT)) {
                        case "code" -> a[0];
                        case "name" -> a[1];
                        case "type" -> a[2];
                        case "class" -> a[3];
                        case "status" -> "ACTIVE";
                        case "taxtype" -> a[4];
                        default -> null;
                    };
                }

                @Override
                public boolean knows(String field) {
                    return known.contains(field.toLowerCase(Locale.ROOT));
                }
            });
        }
        Predicate<String[]> chosen = filter;
        return envelope(now, g -> {
            g.writeArrayFieldStart("Accounts");
            int k = 0;
            for (String[] a : accounts(o)) {
                if (!chosen.test(a)) {
                    k++;
                    continue;
                }
                g.writeStartObject();
                g.writeStringField("AccountID", derived(o, "account", k++).toString());
                g.writeStringField("Code", a[0]);
                g.writeStringField("Name", a[1]);
                g.writeStringField("Status", "ACTIVE");
                g.writeStringField("Type", a[2]);
                g.writeStringField("TaxType", a[4]);
                g.writeStringField("Class", a[3]);
                if (a[0].equals("610")) {
                    g.writeStringField("SystemAccount", "DEBTORS");
                }
                if (a[2].equals("BANK")) {
                    g.writeStringField("BankAccountType", "BANK");
                    g.writeStringField("CurrencyCode", o.country.currency());
                }
                g.writeBooleanField("EnablePaymentsToAccount", false);
                g.writeBooleanField("ShowInExpenseClaims", false);
                g.writeBooleanField("HasAttachments", false);
                g.writeStringField("UpdatedDateUTC", msDateTime(o.createdMillis));
                g.writeBooleanField("AddToWatchlist", false);
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private Resp taxRates(Org o, long now, String where) throws SandboxJson.BadRequest {
        Country c = o.country;
        // Name, TaxType, Status: enough for the connector's "TaxType==..." check.
        Predicate<String[]> chosen = simpleWhere(where, List.of("name", "taxtype", "status"), (t, f) -> switch (f) {
            case "name" -> t[0];
            case "taxtype" -> t[1];
            default -> "ACTIVE";
        });
        return envelope(now, g -> {
            g.writeArrayFieldStart("TaxRates");
            if (c.taxBasisPoints() > 0 && chosen.test(new String[] {c.taxName(), c.taxType()})) {
                taxRate(g, c.taxName(), c.taxType(), "OUTPUT", BigDecimal.valueOf(c.taxBasisPoints(), 2));
            }
            if (chosen.test(new String[] {"No Tax", "NONE"})) {
                taxRate(g, "No Tax", "NONE", "NONE", BigDecimal.ZERO);
            }
            g.writeEndArray();
        });
    }

    private static void taxRate(JsonGenerator g, String name, String type, String report, BigDecimal rate) throws IOException {
        g.writeStartObject();
        g.writeStringField("Name", name);
        g.writeStringField("TaxType", type);
        g.writeStringField("ReportTaxType", report);
        g.writeBooleanField("CanApplyToAssets", true);
        g.writeBooleanField("CanApplyToEquity", true);
        g.writeBooleanField("CanApplyToExpenses", true);
        g.writeBooleanField("CanApplyToLiabilities", true);
        g.writeBooleanField("CanApplyToRevenue", true);
        g.writeNumberField("DisplayTaxRate", rate);
        g.writeNumberField("EffectiveRate", rate);
        g.writeStringField("Status", "ACTIVE");
        g.writeArrayFieldStart("TaxComponents");
        g.writeStartObject();
        g.writeStringField("Name", name);
        g.writeNumberField("Rate", rate);
        g.writeBooleanField("IsCompound", false);
        g.writeBooleanField("IsNonRecoverable", false);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    private Resp items(Org o, long now, String where) throws SandboxJson.BadRequest {
        Predicate<String[]> chosen = simpleWhere(where, List.of("code", "name", "description"), (it, f) -> switch (f) {
            case "code" -> it[0];
            case "name" -> it[1];
            default -> it[2];
        });
        return envelope(now, g -> {
            g.writeArrayFieldStart("Items");
            String[][] items = {{"SERVICES", "Services", "Professional services", "200", o.country.taxType()},
                {"LATEFEE", "Late payment fee", "Late payment fee", "260", "NONE"}};
            int k = 0;
            for (String[] it : items) {
                if (!chosen.test(it)) {
                    k++;
                    continue;
                }
                g.writeStartObject();
                g.writeStringField("ItemID", derived(o, "item", k++).toString());
                g.writeStringField("Code", it[0]);
                g.writeStringField("Name", it[1]);
                g.writeStringField("Description", it[2]);
                g.writeBooleanField("IsSold", true);
                g.writeBooleanField("IsPurchased", false);
                g.writeBooleanField("IsTrackedAsInventory", false);
                g.writeObjectFieldStart("SalesDetails");
                g.writeNumberField("UnitPrice", 0);
                g.writeStringField("AccountCode", it[3]);
                g.writeStringField("TaxType", it[4]);
                g.writeEndObject();
                g.writeStringField("UpdatedDateUTC", msDateTime(o.createdMillis));
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** A {@code where} over a few string fields of a fixed list (accounts, tax rates, items); null: all. */
    private static Predicate<String[]> simpleWhere(String where, List<String> known,
                                                   java.util.function.BiFunction<String[], String, Object> field)
            throws SandboxJson.BadRequest {
        if (where == null || where.isBlank()) {
            return a -> true;
        }
        return XeroWhere.parse(where, new XeroWhere.Fields<>() {
            @Override
            public Object value(String[] a, String f) {
                String lower = f.toLowerCase(Locale.ROOT);
                return known.contains(lower) ? field.apply(a, lower) : null;
            }

            @Override
            public boolean knows(String f) {
                return known.contains(f.toLowerCase(Locale.ROOT));
            }
        });
    }

    private static UUID derived(Org o, String what, int k) {
        return UUID.nameUUIDFromBytes((o.id + "/" + what + "/" + k).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    // ---- contacts and payments --------------------------------------------------------------------

    private Resp contacts(Org o, Req req, String id, long now) throws SandboxJson.BadRequest {
        List<Customer> list;
        if (id != null) {
            Customer c = o.customer(id);
            if (c == null) {
                return problem(404, "Not Found", "The resource you're looking for cannot be found");
            }
            list = List.of(c);
        } else {
            list = new ArrayList<>(o.customers);
            if (req.q("IDs") != null) {
                Set<String> wanted = csv(req.q("IDs"), false);
                list.removeIf(c -> !wanted.contains(c.id()));
            }
            Long since = ifModifiedSince(req);
            if (since != null) {
                list.removeIf(c -> c.createdMillis < since);
            }
            if (req.q("where") != null && !req.q("where").isBlank()) {
                Predicate<Customer> where = XeroWhere.parse(req.q("where"), new XeroWhere.Fields<>() {
                    @Override
                    public Object value(Customer c, String field) {
                        return switch (field.toLowerCase(Locale.ROOT)) {
                            case "name" -> c.name;
                            case "emailaddress" -> c.email;
                            case "contactid" -> c.id();
                            case "contactstatus" -> "ACTIVE";
                            case "iscustomer" -> Boolean.TRUE;
                            default -> null;
                        };
                    }

                    @Override
                    public boolean knows(String field) {
                        return List.of("name", "emailaddress", "contactid", "contactstatus", "iscustomer")
                                .contains(field.toLowerCase(Locale.ROOT));
                    }
                });
                list.removeIf(where.negate());
            }
        }
        boolean paged = id == null && req.q("page") != null;
        int page = paged ? Math.max(1, intParam(req, "page", 1)) : 1;
        int size = paged ? Math.min(1000, Math.max(1, intParam(req, "pageSize", 100))) : Math.max(1, list.size());
        int from = Math.min(list.size(), (page - 1) * size);
        List<Customer> slice = list.subList(from, Math.min(list.size(), from + size));
        int total = list.size();
        int pageNo = page;
        return envelope(now, g -> {
            if (paged) {
                writePagination(g, pageNo, size, total);
            }
            g.writeArrayFieldStart("Contacts");
            for (Customer c : slice) {
                g.writeStartObject();
                g.writeStringField("ContactID", c.id());
                g.writeStringField("ContactStatus", "ACTIVE");
                g.writeStringField("Name", c.name);
                g.writeStringField("FirstName", c.firstName);
                g.writeStringField("LastName", c.lastName);
                g.writeStringField("EmailAddress", c.email);
                g.writeStringField("BankAccountDetails", "");
                g.writeArrayFieldStart("Addresses");
                g.writeEndArray();
                g.writeArrayFieldStart("Phones");
                g.writeEndArray();
                g.writeStringField("UpdatedDateUTC", msDateTime(c.createdMillis));
                g.writeArrayFieldStart("ContactGroups");
                g.writeEndArray();
                g.writeBooleanField("IsSupplier", false);
                g.writeBooleanField("IsCustomer", true);
                g.writeStringField("DefaultCurrency", o.country.currency());
                g.writeArrayFieldStart("ContactPersons");
                g.writeEndArray();
                g.writeBooleanField("HasAttachments", false);
                g.writeBooleanField("HasValidationErrors", false);
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private Resp payments(Org o, Req req, String id, long now) throws SandboxJson.BadRequest {
        List<Payment> list = new ArrayList<>();
        Long since = ifModifiedSince(req);
        Predicate<Payment> where = p -> true;
        if (req.q("where") != null && !req.q("where").isBlank()) {
            where = XeroWhere.parse(req.q("where"), new XeroWhere.Fields<>() {
                @Override
                public Object value(Payment p, String field) {
                    return switch (field.toLowerCase(Locale.ROOT)) {
                        case "status" -> "AUTHORISED";
                        case "paymenttype" -> "ACCRECPAYMENT";
                        case "invoice.invoiceid" -> p.invoice.id();
                        case "date" -> LocalDate.ofEpochDay(p.day);
                        case "amount" -> SandboxJson.money(p.amountMinor, o.country.currencyDigits());
                        default -> null;
                    };
                }

                @Override
                public boolean knows(String field) {
                    return List.of("status", "paymenttype", "invoice.invoiceid", "date", "amount")
                            .contains(field.toLowerCase(Locale.ROOT));
                }
            });
        }
        for (Payment p : o.payments) {
            if ((id == null || p.id().equalsIgnoreCase(id)) && (since == null || p.updatedMillis >= since) && where.test(p)) {
                list.add(p);
            }
        }
        if (id != null && list.isEmpty()) {
            return problem(404, "Not Found", "The resource you're looking for cannot be found");
        }
        list.sort(Comparator.comparingLong((Payment p) -> p.updatedMillis).thenComparing(Payment::id));
        boolean paged = id == null && req.q("page") != null;
        int page = paged ? Math.max(1, intParam(req, "page", 1)) : 1;
        int size = paged ? Math.min(1000, Math.max(1, intParam(req, "pageSize", 100))) : Math.max(1, list.size());
        int from = Math.min(list.size(), (page - 1) * size);
        List<Payment> slice = list.subList(from, Math.min(list.size(), from + size));
        int total = list.size();
        int pageNo = page;
        int d = o.country.currencyDigits();
        return envelope(now, g -> {
            if (paged) {
                writePagination(g, pageNo, size, total);
            }
            g.writeArrayFieldStart("Payments");
            for (Payment p : slice) {
                g.writeStartObject();
                g.writeStringField("PaymentID", p.id());
                g.writeStringField("Date", msDate(p.day));
                g.writeNumberField("BankAmount", SandboxJson.money(p.amountMinor, d));
                g.writeNumberField("Amount", SandboxJson.money(p.amountMinor, d));
                g.writeStringField("Reference", p.reference);
                g.writeNumberField("CurrencyRate", 1.0);
                g.writeStringField("PaymentType", "ACCRECPAYMENT");
                g.writeStringField("Status", "AUTHORISED");
                g.writeStringField("UpdatedDateUTC", msDateTime(p.updatedMillis));
                g.writeStringField("UpdatedDateUTCString", utcString(p.updatedMillis));
                g.writeBooleanField("HasAccount", true);
                g.writeBooleanField("IsReconciled", false);
                g.writeObjectFieldStart("Account");
                g.writeStringField("AccountID", derived(o, "account", 0).toString());
                g.writeStringField("Code", "090");
                g.writeEndObject();
                g.writeObjectFieldStart("Invoice");
                g.writeStringField("Type", "ACCREC");
                g.writeStringField("InvoiceID", p.invoice.id());
                g.writeStringField("InvoiceNumber", o.number(p.invoice));
                g.writeObjectFieldStart("Contact");
                g.writeStringField("ContactID", p.invoice.customer.id());
                g.writeStringField("Name", p.invoice.customer.name);
                g.writeEndObject();
                g.writeStringField("CurrencyCode", p.invoice.currency);
                g.writeEndObject();
                g.writeBooleanField("HasValidationErrors", false);
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    // ---- helpers ----------------------------------------------------------------------------------

    static String msDate(int epochDay) {
        return "/Date(" + epochDay * 86_400_000L + "+0000)/";
    }

    static String msDateTime(long millis) {
        return "/Date(" + millis + "+0000)/";
    }

    static String dateString(int epochDay) {
        return LocalDate.ofEpochDay(epochDay) + "T00:00:00";
    }

    static String utcString(long millis) {
        return Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String utcLocalString(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    /** Parses If-Modified-Since: ISO-8601 with or without offset (UTC when absent), or RFC 1123. */
    static Long ifModifiedSince(Req req) throws SandboxJson.BadRequest {
        String v = req.header("If-Modified-Since");
        if (v == null || v.isBlank()) {
            return null;
        }
        v = v.trim();
        try {
            return OffsetDateTime.parse(v).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new SandboxJson.BadRequest("If-Modified-Since is not a date-time: " + v);
        }
    }

    private static LocalDate parseDate(JsonNode e, String field, List<String> errors, LocalDate fallback) {
        String v = text(e, field);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        Matcher m = MS_DATE.matcher(v);
        if (m.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(m.group(1))).atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
        } catch (DateTimeParseException ex) {
            errors.add(field + " is not a valid date: " + v);
            return fallback;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Set<String> csv(String v, boolean upper) {
        Set<String> out = new java.util.HashSet<>();
        for (String s : v.split(",")) {
            String t = s.trim().replace("\"", "");
            if (!t.isEmpty()) {
                out.add(upper ? t.toUpperCase(Locale.ROOT) : t.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static int intParam(Req req, String name, int fallback) throws SandboxJson.BadRequest {
        String v = req.q(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new SandboxJson.BadRequest(name + " must be a whole number");
        }
    }
}
