package dev.arrears.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The QuickBooks Online imitation: Intuit OAuth (authorize, bearer token, revoke, discovery) and
 * the Accounting API v3 calls Arrears uses — query, CDC, invoice read/create/sparse update/void/
 * delete/send, payment, customer, item, account, term, attachable (notes), companyinfo,
 * preferences — in the JSON shapes of Intuit's XSD and recorded examples (src/test/resources/apis/quickbooks).
 */
final class QuickBooksImitation extends ProviderApi {

    static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final DateTimeFormatter META = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final Set<String> INVOICE_PROPERTIES = Set.of("Id", "SyncToken", "sparse", "domain", "MetaData",
            "CustomField", "DocNumber", "TxnDate", "CurrencyRef", "ExchangeRate", "PrivateNote", "LinkedTxn", "Line",
            "TxnTaxDetail", "CustomerRef", "CustomerMemo", "BillAddr", "ShipAddr", "SalesTermRef", "DueDate",
            "TotalAmt", "ApplyTaxAfterDiscount", "PrintStatus", "EmailStatus", "BillEmail", "BillEmailCc",
            "BillEmailBcc", "Balance", "Deposit", "AllowIPNPayment", "AllowOnlinePayment",
            "AllowOnlineCreditCardPayment", "AllowOnlineACHPayment", "ClassRef", "DepartmentRef", "GlobalTaxCalculation",
            "FinanceCharge", "DeliveryInfo", "TxnStatus", "AutoDocNumber", "ShipDate", "TrackingNum", "PONumber",
            "HomeTotalAmt", "HomeBalance", "ProjectRef", "SalesRepRef", "ShipMethodRef", "FOB", "Tag");
    /** Terms: Id, Name, DueDays. */
    private static final String[][] TERMS = {{"1", "Due on receipt", "0"}, {"2", "Net 14", "14"}, {"3", "Net 30", "30"}};
    /** Accounts: Id, Name, AccountType, AccountSubType, Classification. */
    private static final String[][] ACCOUNTS = {
        {"1", "Services", "Income", "ServiceFeeIncome", "Revenue"},
        {"4", "Undeposited Funds", "Other Current Asset", "UndepositedFunds", "Asset"},
        {"79", "Sales of Product Income", "Income", "SalesOfProductIncome", "Revenue"},
        {"83", "Other Income", "Other Income", "OtherMiscellaneousIncome", "Revenue"},
        {"84", "Accounts Receivable (A/R)", "Accounts Receivable", "AccountsReceivable", "Asset"}};

    QuickBooksImitation(SandboxServer sb) {
        super(sb, Provider.QUICKBOOKS);
    }

    // ---- routing ------------------------------------------------------------------------------

    @Override
    Route route(Req req) {
        String p = req.path.substring("/qbo".length());
        String m = req.method;
        if (p.equals("/appcenter/connect/oauth2") && m.equals("GET")) {
            return open("authorize", (o, g, now) -> sb.oauth.authorize(Provider.QUICKBOOKS, req));
        }
        if (p.equals("/oauth/oauth2/v1/tokens/bearer") && m.equals("POST")) {
            return open("token", (o, g, now) -> {
                Map.Entry<Integer, Map<String, Object>> r = sb.oauth.token(Provider.QUICKBOOKS, req);
                return Resp.json(r.getKey(), SandboxJson.bytes(r.getValue()))
                        .header("intuit_tid", tid());
            });
        }
        if (p.equals("/developer/v2/oauth2/tokens/revoke") && m.equals("POST")) {
            return open("revokeToken", (o, g, now) -> {
                String token = null;
                try {
                    token = XeroImitation.text(SandboxJson.MAPPER.readTree(req.body), "token");
                } catch (IOException ignored) {
                    // falls through
                }
                return sb.oauth.revoke(Provider.QUICKBOOKS, token)
                        ? Resp.json(200, "{\"statuscode\":\"200\"}".getBytes(StandardCharsets.UTF_8))
                        : Resp.json(400, "{\"error\":\"invalid_request\"}".getBytes(StandardCharsets.UTF_8));
            });
        }
        if (p.startsWith("/developer/.well-known/openid") && m.equals("GET")) {
            return open("discovery", (o, g, now) -> discovery());
        }
        String prefix = "/api/v3/company/";
        if (!p.startsWith(prefix)) {
            Route r = new Route("unknown");
            r.immediate = fault(404, "Unsupported Operation", "Operation " + req.path + " is not supported.", "500", "ValidationFault");
            return r;
        }
        List<String> seg = Arrays.asList(p.substring(prefix.length()).split("/"));
        String realm = seg.get(0);
        Org org = sb.ledger.org(realm);
        Route r = api(req, m, seg.subList(1, seg.size()), realm);
        r.org = org != null && org.provider == Provider.QUICKBOOKS ? org : null;
        r.orgHint = realm;
        String requestId = req.q("requestid");
        if (requestId != null && !requestId.isBlank() && m.equals("POST") && !r.operation.equals("sendInvoice")
                && !r.operation.equals("query")) {
            r.idemKey = requestId;
        }
        return r;
    }

    private Route api(Req req, String m, List<String> seg, String realm) {
        String res = seg.isEmpty() ? "" : seg.get(0).toLowerCase(Locale.ROOT);
        int n = seg.size();
        Route r;
        if (res.equals("query") && (m.equals("GET") || m.equals("POST"))) {
            r = new Route("query");
            r.handler = (o, g, now) -> query(o, m.equals("GET") ? req.q("query") : req.bodyText(), now);
        } else if (res.equals("cdc") && m.equals("GET")) {
            r = new Route("cdc");
            r.handler = (o, g, now) -> cdc(o, req, now);
        } else if (res.equals("invoice") && n == 1 && m.equals("POST")) {
            String op = req.q("operation");
            r = new Route(op == null ? (hasId(req) ? "updateInvoice" : "createInvoice") : op + "Invoice");
            r.handler = (o, g, now) -> writeInvoice(o, req, op, now);
        } else if (res.equals("invoice") && n == 2 && m.equals("GET") && "invoiceLink".equals(req.q("include"))) {
            r = new Route("readInvoiceWithLink");
            r.handler = (o, g, now) -> readWithLink(o, seg.get(1), now);
        } else if (res.equals("invoice") && n == 2 && m.equals("GET")) {
            r = new Route("readInvoice");
            r.handler = (o, g, now) -> read(o, "Invoice", seg.get(1), now);
        } else if (res.equals("invoice") && n == 3 && seg.get(2).equals("pdf") && m.equals("GET")) {
            r = new Route("readInvoicePdf");
            r.handler = (o, g, now) -> invoicePdf(o, seg.get(1), now);
        } else if (res.equals("invoice") && n == 3 && seg.get(2).equals("send") && m.equals("POST")) {
            r = new Route("sendInvoice");
            r.handler = (o, g, now) -> send(o, seg.get(1), req.q("sendTo"), now);
        } else if (res.equals("attachable") && n == 1 && m.equals("POST")) {
            r = new Route("createAttachable");
            r.handler = (o, g, now) -> attach(o, req, now);
        } else if (res.equals("item") && n == 1 && m.equals("POST")) {
            r = new Route("createItem");
            r.handler = (o, g, now) -> createItem(o, req, now);
        } else if (res.equals("companyinfo") && n == 2 && m.equals("GET")) {
            r = new Route("readCompanyInfo");
            r.handler = (o, g, now) -> single(o, "CompanyInfo", now);
        } else if (res.equals("preferences") && n == 1 && m.equals("GET")) {
            r = new Route("readPreferences");
            r.handler = (o, g, now) -> single(o, "Preferences", now);
        } else if (n == 2 && m.equals("GET") && entityName(res) != null) {
            String entity = entityName(res);
            r = new Route("read" + entity);
            r.handler = (o, g, now) -> read(o, entity, seg.get(1), now);
        } else {
            r = new Route("unsupported");
            r.immediate = fault(400, "Unsupported Operation", "Operation " + req.method + " " + req.path
                    + " is not supported by the sandbox.", "500", "ValidationFault");
        }
        return r;
    }

    private static boolean hasId(Req req) {
        try {
            return SandboxJson.MAPPER.readTree(req.body).has("Id");
        } catch (IOException e) {
            return false;
        }
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
        if (route.org == null || !grant.orgs.contains(route.org.id)) {
            return fault(403, "message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403", "",
                    "3100", "SERVICE");
        }
        return null;
    }

    // ---- errors -------------------------------------------------------------------------------

    @Override
    Resp unauthorised(OAuth.Check check) {
        String detail = check.failure().equals("expired") ? "Token expired: " + check.expiredAtMillis()
                : "Token invalid";
        byte[] body = SandboxJson.write(g -> {
            g.writeStartObject();
            g.writeNullField("warnings");
            g.writeNullField("intuitObject");
            g.writeObjectFieldStart("fault");
            g.writeArrayFieldStart("error");
            g.writeStartObject();
            g.writeStringField("message", "message=AuthenticationFailed; errorCode=003200; statusCode=401");
            g.writeStringField("detail", detail);
            g.writeStringField("code", "3200");
            g.writeNullField("element");
            g.writeEndObject();
            g.writeEndArray();
            g.writeStringField("type", "AUTHENTICATION");
            g.writeEndObject();
            g.writeNullField("report");
            g.writeNullField("queryResponse");
            g.writeArrayFieldStart("batchItemResponse");
            g.writeEndArray();
            g.writeArrayFieldStart("attachableResponse");
            g.writeEndArray();
            g.writeNullField("syncErrorResponse");
            g.writeNullField("requestId");
            g.writeNumberField("time", sb.clock.millis());
            g.writeNullField("status");
            g.writeArrayFieldStart("cdcresponse");
            g.writeEndArray();
            g.writeEndObject();
        });
        return Resp.json(401, body).header("WWW-Authenticate", "Bearer realm=\"Intuit\", error=\"invalid_token\"");
    }

    @Override
    Resp throttled(RateLimits.Permit permit) {
        return throttleFault(false);
    }

    @Override
    Resp injectedThrottle(FaultInjection.Rule rule) {
        return throttleFault(rule.xml());
    }

    private Resp throttleFault(boolean xml) {
        String message = "message=ThrottleExceeded; errorCode=003001; statusCode=429";
        String detail = "The request limit was reached.  Try again later";
        if (xml) {
            String body = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<IntuitResponse xmlns=\"http://schema.intuit.com/finance/v3\" time=\"" + time(sb.clock.millis()) + "\">"
                    + "<Fault type=\"SERVICE\"><Error code=\"3001\"><Message>" + message + "</Message><Detail>" + detail
                    + "</Detail></Error></Fault></IntuitResponse>";
            return new Resp(429, "application/xml", body.getBytes(StandardCharsets.UTF_8));
        }
        return fault(429, message, detail, "3001", "SERVICE");
    }

    @Override
    Resp serverError(int status) {
        return fault(status, "An application error has occurred while processing your request",
                "System Failure Error: An unexpected error occurred while accessing or saving your data.", "10000",
                "SystemFault");
    }

    @Override
    Resp badRequest(String message) {
        if (message.startsWith("Query")) {
            return fault(400, "Invalid query", message, "4001", "ValidationFault");
        }
        return fault(400, "Request has invalid or unsupported property", message, "2010", "ValidationFault");
    }

    @Override
    Resp idempotencyConflict(String key) {
        return fault(400, "Duplicate Request ID", key, "600", "ValidationFault");
    }

    @Override
    RateLimits.Limits limits() {
        return RateLimits.Limits.QUICKBOOKS;
    }

    @Override
    String idempotencyScope(Route route, OAuth.Grant grant) {
        return "qbo:" + route.org.id;
    }

    @Override
    long idempotencyTtlMillis() {
        return 0;
    }

    @Override
    boolean refusesDifferentRequest() {
        return false;
    }

    @Override
    void decorate(Resp resp, Route route, RateLimits.Permit permit) {
        resp.headers.putIfAbsent("intuit_tid", tid());
        resp.headers.putIfAbsent("QBO-Version", "1988.128");
    }

    private static String tid() {
        return "1-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    Resp fault(int status, String message, String detail, String code, String type) {
        return Resp.json(status, SandboxJson.write(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("Fault");
            g.writeArrayFieldStart("Error");
            g.writeStartObject();
            g.writeStringField("Message", message);
            g.writeStringField("Detail", detail);
            g.writeStringField("code", code);
            g.writeEndObject();
            g.writeEndArray();
            g.writeStringField("type", type);
            g.writeEndObject();
            g.writeStringField("time", time(sb.clock.millis()));
            g.writeEndObject();
        }));
    }

    private Resp discovery() {
        String b = sb.baseUrl() + "/qbo";
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", "https://oauth.platform.intuit.com/op/v1");
        d.put("authorization_endpoint", b + "/appcenter/connect/oauth2");
        d.put("token_endpoint", b + "/oauth/oauth2/v1/tokens/bearer");
        d.put("revocation_endpoint", b + "/developer/v2/oauth2/tokens/revoke");
        d.put("response_types_supported", List.of("code"));
        d.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "client_secret_basic"));
        d.put("claims_supported", List.of("aud", "exp", "iat", "iss", "realmid", "sub"));
        return Resp.json(200, SandboxJson.bytes(d));
    }

    // ---- query and CDC -------------------------------------------------------------------------

    private static String entityName(String lower) {
        return switch (lower) {
            case "invoice" -> "Invoice";
            case "payment" -> "Payment";
            case "customer" -> "Customer";
            case "item" -> "Item";
            case "account" -> "Account";
            case "term" -> "Term";
            case "attachable" -> "Attachable";
            case "companyinfo" -> "CompanyInfo";
            case "preferences" -> "Preferences";
            case "creditmemo" -> "CreditMemo";
            case "taxcode" -> "TaxCode";
            default -> null;
        };
    }

    private static final Map<String, Set<String>> QUERYABLE = Map.ofEntries(
            Map.entry("Invoice", Set.of("id", "docnumber", "txndate", "duedate", "customerref", "balance", "totalamt",
                    "metadata.createtime", "metadata.lastupdatedtime", "salestermref")),
            Map.entry("Payment", Set.of("id", "totalamt", "customerref", "txndate", "metadata.createtime",
                    "metadata.lastupdatedtime", "paymentrefnum")),
            Map.entry("Customer", Set.of("id", "displayname", "companyname", "givenname", "familyname", "active", "balance",
                    "primaryemailaddr", "metadata.createtime", "metadata.lastupdatedtime")),
            Map.entry("Item", Set.of("id", "name", "type", "active", "metadata.createtime", "metadata.lastupdatedtime")),
            Map.entry("Account", Set.of("id", "name", "accounttype", "accountsubtype", "classification", "active",
                    "metadata.createtime", "metadata.lastupdatedtime")),
            Map.entry("Term", Set.of("id", "name", "active", "duedays")),
            Map.entry("Attachable", Set.of("id", "attachableref.entityref.type", "attachableref.entityref.value",
                    "metadata.createtime", "metadata.lastupdatedtime")),
            Map.entry("CompanyInfo", Set.of("id")),
            Map.entry("Preferences", Set.of("id")),
            Map.entry("CreditMemo", Set.of("id", "txndate", "customerref", "balance", "metadata.lastupdatedtime")),
            Map.entry("TaxCode", Set.of("id", "name", "active", "taxable", "taxgroup")));

    /** Every entity of a type in the company, as the sandbox knows it now. */
    private List<Object> all(Org o, String entity, long now) {
        List<Object> out = new ArrayList<>();
        switch (entity) {
            case "Invoice" -> o.invoices.stream().filter(i -> i.createdMillis <= now).forEach(out::add);
            case "Payment" -> out.addAll(o.payments);
            case "Customer" -> out.addAll(o.customers);
            case "Item" -> out.addAll(o.items);
            case "Account" -> out.addAll(Arrays.asList(ACCOUNTS));
            case "Term" -> out.addAll(Arrays.asList(TERMS));
            case "Attachable" -> out.addAll(o.notes);
            case "CompanyInfo" -> out.add(new CompanyInfoOf(o));
            case "Preferences" -> out.add(new PreferencesOf(o));
            case "TaxCode" -> out.addAll(taxCodes(o));
            default -> {
            }
        }
        return out;
    }

    private Object property(Org o, Object e, String prop) {
        int d = o.country.currencyDigits();
        switch (e) {
            case Invoice i -> {
                return switch (prop) {
                    case "id" -> (long) i.qboId;
                    case "docnumber" -> o.number(i);
                    case "txndate" -> LocalDate.ofEpochDay(i.issueDay);
                    case "duedate" -> LocalDate.ofEpochDay(i.dueDay);
                    case "customerref" -> (long) i.customer.qboId;
                    case "balance" -> SandboxJson.money(i.dueMinor(), d);
                    case "totalamt" -> SandboxJson.money(i.status == Invoice.VOIDED ? 0 : i.totalMinor, d);
                    case "metadata.createtime" -> odt(i.createdMillis);
                    case "metadata.lastupdatedtime" -> odt(i.updatedMillis);
                    case "salestermref" -> termFor(i.customer)[0];
                    default -> null;
                };
            }
            case Payment p -> {
                return switch (prop) {
                    case "id" -> (long) p.qboId;
                    case "totalamt" -> SandboxJson.money(p.amountMinor, d);
                    case "customerref" -> (long) p.invoice.customer.qboId;
                    case "txndate" -> LocalDate.ofEpochDay(p.day);
                    case "metadata.createtime" -> odt(p.createdMillis);
                    case "metadata.lastupdatedtime" -> odt(p.updatedMillis);
                    case "paymentrefnum" -> p.reference;
                    default -> null;
                };
            }
            case Customer c -> {
                return switch (prop) {
                    case "id" -> (long) c.qboId;
                    case "displayname", "companyname" -> c.name;
                    case "givenname" -> c.firstName;
                    case "familyname" -> c.lastName;
                    case "active" -> Boolean.TRUE;
                    case "balance" -> SandboxJson.money(customerBalance(o, c), d);
                    case "primaryemailaddr" -> c.email;
                    case "metadata.createtime", "metadata.lastupdatedtime" -> odt(c.createdMillis);
                    default -> null;
                };
            }
            case Org.Item it -> {
                return switch (prop) {
                    case "id" -> (long) it.id();
                    case "name" -> it.name();
                    case "type" -> it.type();
                    case "active" -> Boolean.TRUE;
                    case "metadata.createtime", "metadata.lastupdatedtime" -> odt(it.createdMillis());
                    default -> null;
                };
            }
            case Note n -> {
                return switch (prop) {
                    case "id" -> (long) n.qboId();
                    case "attachableref.entityref.type" -> "Invoice";
                    case "attachableref.entityref.value" -> Integer.toString(n.invoice().qboId);
                    case "metadata.createtime", "metadata.lastupdatedtime" -> odt(n.createdMillis());
                    default -> null;
                };
            }
            case String[] row -> {
                boolean term = row.length == 3;
                return switch (prop) {
                    case "id" -> Long.parseLong(row[0]);
                    case "name" -> row[1];
                    case "duedays" -> term ? new BigDecimal(row[2]) : null;
                    case "accounttype" -> term ? null : row[2];
                    case "accountsubtype" -> term ? null : row[3];
                    case "classification" -> term ? null : row[4];
                    case "active" -> Boolean.TRUE;
                    case "metadata.createtime", "metadata.lastupdatedtime" -> odt(o.createdMillis);
                    default -> null;
                };
            }
            case CompanyInfoOf c -> {
                return prop.equals("id") ? 1L : null;
            }
            case PreferencesOf p -> {
                return prop.equals("id") ? 1L : null;
            }
            case TaxCodeOf t -> {
                return switch (prop) {
                    case "id" -> t.id();
                    case "name" -> t.name();
                    case "active" -> Boolean.TRUE;
                    case "taxable" -> t.taxable();
                    case "taxgroup" -> t.group();
                    default -> null;
                };
            }
            default -> {
                return null;
            }
        }
    }

    private long updated(Object e) {
        return switch (e) {
            case Invoice i -> i.updatedMillis;
            case Payment p -> p.updatedMillis;
            case Customer c -> c.createdMillis;
            case Org.Item it -> it.createdMillis();
            case Note n -> n.createdMillis();
            default -> 0;
        };
    }

    private Resp query(Org o, String text, long now) throws SandboxJson.BadRequest {
        if (text == null || text.isBlank()) {
            throw new SandboxJson.BadRequest("QueryParserError: the query parameter is missing");
        }
        QboQuery q;
        try {
            q = QboQuery.parse(text.trim());
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            throw new SandboxJson.BadRequest("QueryParserError: Encountered unexpected end of query: " + text);
        }
        String entity = entityName(q.entity.toLowerCase(Locale.ROOT));
        if (entity == null) {
            throw new SandboxJson.BadRequest("QueryValidationError: invalid context declaration: " + q.entity);
        }
        Set<String> queryable = QUERYABLE.get(entity);
        for (QboQuery.Condition c : q.conditions) {
            if (!queryable.contains(c.property().toLowerCase(Locale.ROOT))) {
                throw new SandboxJson.BadRequest("QueryValidationError: property '" + c.property() + "' is not queryable");
            }
        }
        List<Object> rows = new ArrayList<>();
        for (Object e : all(o, entity, now)) {
            boolean keep = true;
            for (QboQuery.Condition c : q.conditions) {
                if (!QboQuery.test(property(o, e, c.property().toLowerCase(Locale.ROOT)), c)) {
                    keep = false;
                    break;
                }
            }
            if (keep) {
                rows.add(e);
            }
        }
        if (q.count) {
            int total = rows.size();
            return Resp.json(200, SandboxJson.write(g -> {
                g.writeStartObject();
                g.writeObjectFieldStart("QueryResponse");
                g.writeNumberField("totalCount", total);
                g.writeEndObject();
                g.writeStringField("time", time(now));
                g.writeEndObject();
            }));
        }
        Comparator<Object> order = null;
        List<QboQuery.Order> orders = q.orders.isEmpty() ? List.of(new QboQuery.Order("Id", false)) : q.orders;
        for (QboQuery.Order ord : orders) {
            String prop = ord.property().toLowerCase(Locale.ROOT);
            if (!queryable.contains(prop)) {
                throw new SandboxJson.BadRequest("QueryValidationError: property '" + ord.property() + "' is not sortable");
            }
            Comparator<Object> c = Comparator.comparing(e -> sortKey(property(o, e, prop)));
            if (ord.descending()) {
                c = c.reversed();
            }
            order = order == null ? c : order.thenComparing(c);
        }
        rows.sort(order.thenComparing(e -> sortKey(property(o, e, "id"))));
        int from = Math.min(rows.size(), q.startPosition - 1);
        List<Object> slice = rows.subList(from, Math.min(rows.size(), from + q.maxResults));
        return Resp.json(200, SandboxJson.write(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("QueryResponse");
            if (!slice.isEmpty()) {
                g.writeArrayFieldStart(entity);
                for (Object e : slice) {
                    writeProjected(g, o, e, q.fields);
                }
                g.writeEndArray();
                g.writeNumberField("startPosition", q.startPosition);
                g.writeNumberField("maxResults", slice.size());
            }
            g.writeEndObject();
            g.writeStringField("time", time(now));
            g.writeEndObject();
        }));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparable sortKey(Object v) {
        if (v instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (v instanceof Comparable c) {
            return c instanceof String s ? s.toLowerCase(Locale.ROOT) : c;
        }
        return "";
    }

    private void writeProjected(JsonGenerator g, Org o, Object e, List<String> fields) throws IOException {
        if (fields.isEmpty()) {
            writeEntity(g, o, e);
            return;
        }
        ObjectNode full = (ObjectNode) SandboxJson.MAPPER.readTree(SandboxJson.write(gen -> writeEntity(gen, o, e)));
        ObjectNode sparse = SandboxJson.MAPPER.createObjectNode();
        sparse.put("domain", "QBO");
        sparse.put("sparse", true);
        for (Iterator<String> it = full.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (name.equals("domain") || name.equals("sparse")) {
                continue;
            }
            if (fields.stream().anyMatch(f -> f.equalsIgnoreCase(name)) || name.equals("Id")) {
                sparse.set(name, full.get(name));
            }
        }
        g.writeTree(sparse);
    }

    private Resp cdc(Org o, Req req, long now) throws SandboxJson.BadRequest {
        String entities = req.q("entities");
        String changedSince = req.q("changedSince");
        if (entities == null || entities.isBlank() || changedSince == null || changedSince.isBlank()) {
            return fault(400, "Required param missing, need to supply the required value for the API",
                    "Required parameter " + (entities == null ? "entities" : "changedSince") + " is missing in the request",
                    "2020", "ValidationFault");
        }
        long since;
        try {
            since = changedSince.length() == 10 ? LocalDate.parse(changedSince).atStartOfDay(PACIFIC).toInstant().toEpochMilli()
                    : OffsetDateTime.parse(changedSince).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return fault(400, "Invalid date format", "changedSince is not a valid date-time: " + changedSince, "2080",
                    "ValidationFault");
        }
        if (since < now - Duration.ofDays(30).toMillis()) {
            return fault(400, "Invalid changedSince", "changedSince must be within the last 30 days", "2080",
                    "ValidationFault");
        }
        List<String> names = new ArrayList<>();
        for (String n : entities.split(",")) {
            String e = entityName(n.trim().toLowerCase(Locale.ROOT));
            if (e == null || e.equals("CompanyInfo") || e.equals("Preferences")) {
                return fault(400, "Invalid entity", "CDC does not support entity " + n.trim(), "2030", "ValidationFault");
            }
            names.add(e);
        }
        Map<String, List<Object>> changed = new LinkedHashMap<>();
        List<Object[]> everything = new ArrayList<>();
        for (String n : names) {
            for (Object e : all(o, n, now)) {
                long u = updated(e);
                if (u >= since && u <= now) {
                    everything.add(new Object[] {n, e});
                }
            }
        }
        everything.sort(Comparator.comparingLong(a -> updated(a[1])));
        for (Object[] a : everything.subList(0, Math.min(1000, everything.size()))) {
            changed.computeIfAbsent((String) a[0], k -> new ArrayList<>()).add(a[1]);
        }
        return Resp.json(200, SandboxJson.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("CDCResponse");
            g.writeStartObject();
            g.writeArrayFieldStart("QueryResponse");
            if (changed.isEmpty()) {
                g.writeStartObject();
                g.writeEndObject();
            }
            for (Map.Entry<String, List<Object>> en : changed.entrySet()) {
                List<Object> live = en.getValue().stream().filter(e -> !(e instanceof Invoice i) || i.status != Invoice.DELETED).toList();
                List<Object> deleted = en.getValue().stream().filter(e -> e instanceof Invoice i && i.status == Invoice.DELETED).toList();
                g.writeStartObject();
                g.writeArrayFieldStart(en.getKey());
                for (Object e : live) {
                    writeEntity(g, o, e);
                }
                for (Object e : deleted) {
                    Invoice i = (Invoice) e;
                    g.writeStartObject();
                    g.writeStringField("domain", "QBO");
                    g.writeStringField("status", "Deleted");
                    g.writeStringField("Id", Integer.toString(i.qboId));
                    g.writeObjectFieldStart("MetaData");
                    g.writeStringField("LastUpdatedTime", meta(i.updatedMillis));
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeNumberField("startPosition", 1);
                g.writeNumberField("maxResults", en.getValue().size());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeStringField("time", time(now));
            g.writeEndObject();
        }));
    }

    // ---- reads ----------------------------------------------------------------------------------

    private Resp read(Org o, String entity, String id, long now) {
        for (Object e : all(o, entity, now)) {
            Object eid = property(o, e, "id");
            if (eid != null && eid.toString().equals(id) && !(e instanceof Invoice i && i.status == Invoice.DELETED)) {
                return entity(one(o, entity, e, now), id);
            }
        }
        return fault(400, "Object Not Found", "Object Not Found : Something you're trying to use has been made inactive. "
                + "Check the fields with accounts, customers, items, vendors or employees.", "610", "ValidationFault");
    }

    /**
     * {@code GET /invoice/{id}?include=invoiceLink}: the invoice with its customer link. QuickBooks makes
     * one only when online payments are on and the invoice has an email address; the sandbox's
     * companies take online payments, so every sent-to-someone invoice has one.
     */
    private Resp readWithLink(Org o, String id, long now) {
        Resp plain = read(o, "Invoice", id, now);
        if (plain.status != 200) {
            return plain;
        }
        try {
            ObjectNode body = (ObjectNode) SandboxJson.MAPPER.readTree(plain.body);
            ObjectNode invoice = (ObjectNode) body.path("Invoice");
            if (!invoice.path("BillEmail").path("Address").asText("").isBlank()) {
                invoice.put("InvoiceLink", invoiceLink(o, id));
            }
            Resp withLink = Resp.json(200, SandboxJson.MAPPER.writeValueAsBytes(body));
            plain.headers.forEach(withLink::header);
            return withLink;
        } catch (IOException e) {
            throw new IllegalStateException("the sandbox's own invoice JSON could not be read", e);
        }
    }

    /** The link a customer opens to see and pay the invoice (QuickBooks' is on connect.intuit.com). */
    static String invoiceLink(Org o, String id) {
        return "https://connect.intuit.com/portal/app/CommerceNetwork/view/sandbox-" + o.id + "-" + id;
    }

    /** {@code GET /invoice/{id}/pdf}: the invoice as QuickBooks' PDF. */
    private Resp invoicePdf(Org o, String id, long now) {
        for (Object e : all(o, "Invoice", now)) {
            if (e instanceof Invoice i && Integer.toString(i.qboId).equals(id) && i.status != Invoice.DELETED) {
                return new Resp(200, "application/pdf", InvoicePdf.of(o, i));
            }
        }
        return fault(400, "Object Not Found", "Object Not Found : Something you're trying to use has been made inactive. "
                + "Check the fields with accounts, customers, items, vendors or employees.", "610", "ValidationFault");
    }

    private Resp single(Org o, String entity, long now) {
        return one(o, entity, entity.equals("CompanyInfo") ? new CompanyInfoOf(o) : new PreferencesOf(o), now);
    }

    /** The company's single CompanyInfo and Preferences objects. */
    private record CompanyInfoOf(Org org) {
    }

    private record PreferencesOf(Org org) {
    }

    /** One of the company's tax codes (TaxCode entity: Id, Name, Description, Taxable, TaxGroup). */
    private record TaxCodeOf(String id, String name, String description, boolean taxable, boolean group) {
    }

    /**
     * A US company's TaxCode list holds the line pseudo-codes TAX and NON beside its combined
     * rates (tax groups, for the transaction); elsewhere the codes are numbered, one per rate.
     */
    private static List<TaxCodeOf> taxCodes(Org o) {
        if (o.country.code().equals("US")) {
            return List.of(new TaxCodeOf("TAX", "TAX", "TAX", true, false), new TaxCodeOf("NON", "NON", "NON", false, false),
                    new TaxCodeOf("2", "California", "California sales tax", true, true));
        }
        return List.of(new TaxCodeOf("3", o.country.taxName(), o.country.taxName(), true, false),
                new TaxCodeOf("4", "Exempt", "Exempt", false, false),
                new TaxCodeOf("5", "Zero-rated", "Zero-rated", false, false),
                new TaxCodeOf("6", "Out of Scope", "Out of scope of tax", false, false));
    }

    private Resp one(Org o, String entity, Object e, long now) {
        return Resp.json(200, SandboxJson.write(g -> {
            g.writeStartObject();
            g.writeFieldName(entity);
            writeEntity(g, o, e);
            g.writeStringField("time", time(now));
            g.writeEndObject();
        }));
    }

    // ---- rendering ------------------------------------------------------------------------------

    private void writeEntity(JsonGenerator g, Org o, Object e) throws IOException {
        switch (e) {
            case Invoice i -> writeInvoice(g, o, i);
            case Payment p -> writePayment(g, o, p);
            case Customer c -> writeCustomer(g, o, c);
            case Org.Item it -> writeItem(g, it);
            case Note n -> writeAttachable(g, n);
            case String[] row when row.length == 3 -> writeTerm(g, o, row);
            case String[] row -> writeAccount(g, o, row);
            case CompanyInfoOf c -> writeCompanyInfo(g, c.org());
            case PreferencesOf p -> writePreferences(g, p.org());
            case TaxCodeOf t -> writeTaxCode(g, o, t);
            default -> throw new IllegalStateException("cannot render " + e);
        }
    }

    private void entityHeader(JsonGenerator g, String id, int syncToken, long created, long updated) throws IOException {
        g.writeStringField("domain", "QBO");
        g.writeBooleanField("sparse", false);
        g.writeStringField("Id", id);
        g.writeStringField("SyncToken", Integer.toString(syncToken));
        g.writeObjectFieldStart("MetaData");
        g.writeStringField("CreateTime", meta(created));
        g.writeStringField("LastUpdatedTime", meta(updated));
        g.writeEndObject();
    }

    private static void ref(JsonGenerator g, String field, String value, String name) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("value", value);
        if (name != null) {
            g.writeStringField("name", name);
        }
        g.writeEndObject();
    }

    private void writeInvoice(JsonGenerator g, Org o, Invoice i) throws IOException {
        int d = o.country.currencyDigits();
        boolean voided = i.status == Invoice.VOIDED;
        g.writeStartObject();
        g.writeBooleanField("AllowIPNPayment", false);
        g.writeBooleanField("AllowOnlinePayment", false);
        g.writeBooleanField("AllowOnlineCreditCardPayment", false);
        g.writeBooleanField("AllowOnlineACHPayment", false);
        entityHeader(g, Integer.toString(i.qboId), i.syncToken, i.createdMillis, i.updatedMillis);
        g.writeArrayFieldStart("CustomField");
        g.writeEndArray();
        g.writeStringField("DocNumber", o.number(i));
        g.writeStringField("TxnDate", LocalDate.ofEpochDay(i.issueDay).toString());
        ref(g, "CurrencyRef", i.currency, o.country.currencyName());
        if (i.privateNote != null || voided) {
            g.writeStringField("PrivateNote", voided ? "Voided" + (i.privateNote == null ? "" : " " + i.privateNote) : i.privateNote);
        }
        g.writeArrayFieldStart("LinkedTxn");
        if (i.paymentIdx != null) {
            for (int pi : i.paymentIdx) {
                g.writeStartObject();
                g.writeStringField("TxnId", Integer.toString(o.payments.get(pi).qboId));
                g.writeStringField("TxnType", "Payment");
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("Line");
        if (i.lines == null) {
            line(g, 1, o.description(i), voided ? 0 : i.subTotalMinor, "1", "Services", BigDecimal.ONE,
                    SandboxJson.money(voided ? 0 : i.subTotalMinor, d), d);
        } else {
            int k = 1;
            for (Invoice.Line l : i.lines) {
                Org.Item item = o.items.stream().filter(it -> Integer.toString(it.id()).equals(l.itemCode())).findFirst().orElse(null);
                line(g, k++, l.description(), voided ? 0 : l.amountMinor(), l.itemCode(), item == null ? null : item.name(),
                        l.quantity(), SandboxJson.money(voided ? 0 : l.unitMinor(), d), d);
            }
        }
        g.writeStartObject();
        g.writeNumberField("Amount", SandboxJson.money(voided ? 0 : i.subTotalMinor, d));
        g.writeStringField("DetailType", "SubTotalLineDetail");
        g.writeObjectFieldStart("SubTotalLineDetail");
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("TxnTaxDetail");
        g.writeNumberField("TotalTax", SandboxJson.money(voided ? 0 : i.taxMinor, d));
        g.writeEndObject();
        ref(g, "CustomerRef", Integer.toString(i.customer.qboId), i.customer.name);
        if (i.customerMemo != null) {
            g.writeObjectFieldStart("CustomerMemo");
            g.writeStringField("value", i.customerMemo);
            g.writeEndObject();
        }
        String[] term = termFor(i.customer);
        ref(g, "SalesTermRef", term[0], term[1]);
        g.writeStringField("DueDate", LocalDate.ofEpochDay(i.dueDay).toString());
        g.writeNumberField("TotalAmt", SandboxJson.money(voided ? 0 : i.totalMinor, d));
        g.writeBooleanField("ApplyTaxAfterDiscount", false);
        g.writeStringField("PrintStatus", "NotSet");
        g.writeStringField("EmailStatus", i.emailed ? "EmailSent" : "NotSet");
        g.writeObjectFieldStart("BillEmail");
        g.writeStringField("Address", i.billEmail != null ? i.billEmail : i.customer.email);
        g.writeEndObject();
        if (i.deliveryMillis > 0) {
            g.writeObjectFieldStart("DeliveryInfo");
            g.writeStringField("DeliveryType", "Email");
            g.writeStringField("DeliveryTime", meta(i.deliveryMillis));
            g.writeEndObject();
        }
        g.writeNumberField("Balance", SandboxJson.money(i.dueMinor(), d));
        g.writeEndObject();
    }

    private static void line(JsonGenerator g, int n, String description, long amountMinor, String itemId, String itemName,
            BigDecimal qty, BigDecimal unit, int d) throws IOException {
        g.writeStartObject();
        g.writeStringField("Id", Integer.toString(n));
        g.writeNumberField("LineNum", n);
        g.writeStringField("Description", description);
        g.writeNumberField("Amount", SandboxJson.money(amountMinor, d));
        g.writeStringField("DetailType", "SalesItemLineDetail");
        g.writeObjectFieldStart("SalesItemLineDetail");
        ref(g, "ItemRef", itemId, itemName);
        g.writeNumberField("UnitPrice", unit);
        g.writeNumberField("Qty", qty);
        ref(g, "TaxCodeRef", "NON", null);
        g.writeEndObject();
        g.writeEndObject();
    }

    private void writePayment(JsonGenerator g, Org o, Payment p) throws IOException {
        int d = o.country.currencyDigits();
        g.writeStartObject();
        ref(g, "CustomerRef", Integer.toString(p.invoice.customer.qboId), p.invoice.customer.name);
        ref(g, "DepositToAccountRef", "4", "Undeposited Funds");
        g.writeStringField("PaymentRefNum", p.reference);
        g.writeNumberField("TotalAmt", SandboxJson.money(p.amountMinor, d));
        g.writeNumberField("UnappliedAmt", 0);
        g.writeBooleanField("ProcessPayment", false);
        entityHeader(g, Integer.toString(p.qboId), 0, p.createdMillis, p.updatedMillis);
        g.writeStringField("TxnDate", LocalDate.ofEpochDay(p.day).toString());
        ref(g, "CurrencyRef", p.invoice.currency, o.country.currencyName());
        g.writeArrayFieldStart("LinkedTxn");
        g.writeEndArray();
        g.writeArrayFieldStart("Line");
        g.writeStartObject();
        g.writeNumberField("Amount", SandboxJson.money(p.amountMinor, d));
        g.writeArrayFieldStart("LinkedTxn");
        g.writeStartObject();
        g.writeStringField("TxnId", Integer.toString(p.invoice.qboId));
        g.writeStringField("TxnType", "Invoice");
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    private static long customerBalance(Org o, Customer c) {
        long sum = 0;
        for (Invoice i : o.invoices) {
            if (i.customer == c && i.status == Invoice.AUTHORISED) {
                sum += i.dueMinor();
            }
        }
        return sum;
    }

    private void writeCustomer(JsonGenerator g, Org o, Customer c) throws IOException {
        int d = o.country.currencyDigits();
        long balance = customerBalance(o, c);
        g.writeStartObject();
        g.writeBooleanField("Taxable", false);
        g.writeBooleanField("Job", false);
        g.writeBooleanField("BillWithParent", false);
        g.writeNumberField("Balance", SandboxJson.money(balance, d));
        g.writeNumberField("BalanceWithJobs", SandboxJson.money(balance, d));
        ref(g, "CurrencyRef", o.country.currency(), o.country.currencyName());
        g.writeStringField("PreferredDeliveryMethod", "Email");
        entityHeader(g, Integer.toString(c.qboId), 0, c.createdMillis, c.createdMillis);
        g.writeStringField("GivenName", c.firstName);
        g.writeStringField("FamilyName", c.lastName);
        g.writeStringField("FullyQualifiedName", c.name);
        g.writeStringField("CompanyName", c.name);
        g.writeStringField("DisplayName", c.name);
        g.writeStringField("PrintOnCheckName", c.name);
        g.writeBooleanField("Active", true);
        g.writeObjectFieldStart("PrimaryEmailAddr");
        g.writeStringField("Address", c.email);
        g.writeEndObject();
        String[] term = termFor(c);
        ref(g, "SalesTermRef", term[0], term[1]);
        g.writeEndObject();
    }

    private static String[] termFor(Customer c) {
        return c.termDays == 14 ? TERMS[1] : c.termDays == 0 ? TERMS[0] : TERMS[2];
    }

    private void writeItem(JsonGenerator g, Org.Item it) throws IOException {
        g.writeStartObject();
        g.writeStringField("Name", it.name());
        g.writeStringField("Description", it.description());
        g.writeBooleanField("Active", true);
        g.writeStringField("FullyQualifiedName", it.name());
        g.writeBooleanField("Taxable", false);
        g.writeNumberField("UnitPrice", it.unitPrice());
        g.writeStringField("Type", it.type());
        String[] account = Arrays.stream(ACCOUNTS).filter(a -> a[0].equals(it.incomeAccountId())).findFirst().orElse(ACCOUNTS[0]);
        ref(g, "IncomeAccountRef", account[0], account[1]);
        g.writeBooleanField("TrackQtyOnHand", false);
        entityHeader(g, Integer.toString(it.id()), 0, it.createdMillis(), it.createdMillis());
        g.writeEndObject();
    }

    private void writeAccount(JsonGenerator g, Org o, String[] a) throws IOException {
        g.writeStartObject();
        g.writeStringField("Name", a[1]);
        g.writeBooleanField("SubAccount", false);
        g.writeStringField("FullyQualifiedName", a[1]);
        g.writeBooleanField("Active", true);
        g.writeStringField("Classification", a[4]);
        g.writeStringField("AccountType", a[2]);
        g.writeStringField("AccountSubType", a[3]);
        g.writeNumberField("CurrentBalance", 0);
        g.writeNumberField("CurrentBalanceWithSubAccounts", 0);
        ref(g, "CurrencyRef", o.country.currency(), o.country.currencyName());
        entityHeader(g, a[0], 0, o.createdMillis, o.createdMillis);
        g.writeEndObject();
    }

    private void writeTaxCode(JsonGenerator g, Org o, TaxCodeOf t) throws IOException {
        g.writeStartObject();
        g.writeStringField("Name", t.name());
        g.writeStringField("Description", t.description());
        g.writeBooleanField("Active", true);
        g.writeBooleanField("Hidden", false);
        g.writeBooleanField("Taxable", t.taxable());
        g.writeBooleanField("TaxGroup", t.group());
        entityHeader(g, t.id(), 0, o.createdMillis, o.createdMillis);
        g.writeEndObject();
    }

    private void writeTerm(JsonGenerator g, Org o, String[] t) throws IOException {
        g.writeStartObject();
        g.writeStringField("Name", t[1]);
        g.writeBooleanField("Active", true);
        g.writeStringField("Type", "STANDARD");
        g.writeNumberField("DiscountPercent", 0);
        g.writeNumberField("DueDays", Integer.parseInt(t[2]));
        g.writeNumberField("DiscountDays", 0);
        entityHeader(g, t[0], 0, o.createdMillis, o.createdMillis);
        g.writeEndObject();
    }

    private void writeAttachable(JsonGenerator g, Note n) throws IOException {
        g.writeStartObject();
        g.writeStringField("Note", n.text());
        g.writeArrayFieldStart("AttachableRef");
        g.writeStartObject();
        g.writeObjectFieldStart("EntityRef");
        g.writeStringField("type", "Invoice");
        g.writeStringField("value", Integer.toString(n.invoice().qboId));
        g.writeEndObject();
        g.writeBooleanField("IncludeOnSend", false);
        g.writeEndObject();
        g.writeEndArray();
        entityHeader(g, Integer.toString(n.qboId()), 0, n.createdMillis(), n.createdMillis());
        g.writeEndObject();
    }

    private void writeCompanyInfo(JsonGenerator g, Org o) throws IOException {
        Country c = o.country;
        g.writeStartObject();
        g.writeStringField("CompanyName", o.name);
        g.writeStringField("LegalName", o.name);
        g.writeObjectFieldStart("CompanyAddr");
        g.writeStringField("Id", "1");
        g.writeStringField("Line1", "1 Sandbox Way");
        g.writeStringField("Country", c.code());
        g.writeEndObject();
        g.writeObjectFieldStart("CustomerCommunicationAddr");
        g.writeStringField("Id", "1");
        g.writeStringField("Line1", "1 Sandbox Way");
        g.writeStringField("Country", c.code());
        g.writeEndObject();
        g.writeObjectFieldStart("CompanyEmailAddr");
        g.writeStringField("Address", "accounts@" + o.shortCode.substring(1) + ".example");
        g.writeEndObject();
        g.writeObjectFieldStart("CustomerCommunicationEmailAddr");
        g.writeStringField("Address", "accounts@" + o.shortCode.substring(1) + ".example");
        g.writeEndObject();
        g.writeStringField("CompanyStartDate", LocalDate.ofEpochDay(o.createdMillis / 86_400_000L).toString());
        g.writeStringField("FiscalYearStartMonth", "January");
        g.writeStringField("Country", c.code());
        g.writeStringField("SupportedLanguages", "en");
        g.writeStringField("DefaultTimeZone", c.zone().getId());
        g.writeArrayFieldStart("NameValue");
        for (String[] nv : new String[][] {{"SubscriptionStatus", "PAID"}, {"OfferingSku", "QuickBooks Online Plus"},
            {"NeoEnabled", "true"}, {"IsQbdtMigrated", "false"}}) {
            g.writeStartObject();
            g.writeStringField("Name", nv[0]);
            g.writeStringField("Value", nv[1]);
            g.writeEndObject();
        }
        g.writeEndArray();
        entityHeader(g, "1", 0, o.createdMillis, o.createdMillis);
        g.writeEndObject();
    }

    private void writePreferences(JsonGenerator g, Org o) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("AccountingInfoPrefs");
        g.writeBooleanField("TrackDepartments", false);
        g.writeBooleanField("ClassTrackingPerTxn", false);
        g.writeEndObject();
        g.writeObjectFieldStart("SalesFormsPrefs");
        g.writeBooleanField("CustomTxnNumbers", false);
        g.writeBooleanField("AllowDeposit", false);
        g.writeBooleanField("AllowDiscount", false);
        g.writeBooleanField("AllowShipping", false);
        g.writeBooleanField("ETransactionPaymentEnabled", false);
        g.writeBooleanField("AutoApplyCredit", true);
        g.writeBooleanField("AutoApplyPayments", true);
        ref(g, "DefaultTerms", TERMS[2][0], null);
        g.writeEndObject();
        g.writeObjectFieldStart("EmailMessagesPrefs");
        g.writeObjectFieldStart("InvoiceMessage");
        g.writeStringField("Subject", "Invoice from " + o.name);
        g.writeStringField("Message", "Your invoice is attached. We appreciate your prompt payment.");
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("CurrencyPrefs");
        g.writeBooleanField("MultiCurrencyEnabled", false);
        ref(g, "HomeCurrency", o.country.currency(), null);
        g.writeEndObject();
        entityHeader(g, "1", 0, o.createdMillis, o.createdMillis);
        g.writeEndObject();
    }

    // ---- writes ---------------------------------------------------------------------------------

    private Resp writeInvoice(Org o, Req req, String operation, long now) throws SandboxJson.BadRequest {
        JsonNode body = SandboxJson.parse(req.body);
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!INVOICE_PROPERTIES.contains(name)) {
                return fault(400, "Request has invalid or unsupported property", "Property Name:Unrecognized field \""
                        + name + "\" (class com.intuit.schema.finance.v3.Invoice), not marked as ignorable", "2010",
                        "ValidationFault");
            }
        }
        if (operation != null || body.has("Id")) {
            return changeInvoice(o, body, operation, now);
        }
        JsonNode customerRef = body.path("CustomerRef").path("value");
        if (customerRef.isMissingNode() || customerRef.asText().isEmpty()) {
            return required("CustomerRef");
        }
        Customer customer = o.customer(customerRef.asText());
        if (customer == null) {
            return fault(400, "Invalid Reference Id", "Invalid Reference Id : Customer assigned to this transaction has been deleted. "
                    + "Before you can modify this transaction, you must restore " + customerRef.asText() + " (deleted).", "2500",
                    "ValidationFault");
        }
        JsonNode lines = body.get("Line");
        if (lines == null || !lines.isArray() || lines.isEmpty()) {
            return required("Line");
        }
        int d = o.country.currencyDigits();
        List<Invoice.Line> parsed = new ArrayList<>();
        for (JsonNode l : lines) {
            String type = XeroImitation.text(l, "DetailType");
            if ("SubTotalLineDetail".equals(type)) {
                continue;
            }
            if (!l.has("Amount")) {
                return required("Amount");
            }
            BigDecimal amount = l.get("Amount").decimalValue();
            JsonNode detail = l.path("SalesItemLineDetail");
            String itemId = detail.path("ItemRef").path("value").asText("1");
            if (o.items.stream().noneMatch(it -> Integer.toString(it.id()).equals(itemId))) {
                return fault(400, "Invalid Reference Id", "Invalid Reference Id : Item assigned to this transaction has been deleted. "
                        + "Before you can modify this transaction, you must restore " + itemId + " (deleted).", "2500",
                        "ValidationFault");
            }
            BigDecimal qty = detail.has("Qty") ? detail.get("Qty").decimalValue() : BigDecimal.ONE;
            BigDecimal unit = detail.has("UnitPrice") ? detail.get("UnitPrice").decimalValue() : amount.divide(qty, 4, java.math.RoundingMode.HALF_UP);
            if (detail.has("Qty") && detail.has("UnitPrice") && qty.multiply(unit).compareTo(amount) != 0) {
                return fault(400, "A business validation error has occurred while processing your request",
                        "Business Validation Error: Amount is not equal to UnitPrice * Qty. Supplied value:" + amount, "6070",
                        "ValidationFault");
            }
            String description = XeroImitation.text(l, "Description");
            parsed.add(new Invoice.Line(description == null ? "" : description, qty, SandboxJson.minor(unit, d),
                    SandboxJson.minor(amount, d), 0, itemId, null, "NON"));
        }
        if (parsed.isEmpty()) {
            return required("Line");
        }
        String docNumber = XeroImitation.text(body, "DocNumber");
        if (docNumber != null && docNumber.length() > 21) {
            return fault(400, "String length is either shorter or longer than supported by specification",
                    "String length specified does not match the supported length. Min:0 Max:21 supplied length:"
                            + docNumber.length(), "2050", "ValidationFault");
        }
        if (docNumber != null && !docNumber.equals("AUTO_GENERATE")) {
            Invoice dup = o.invoiceByNumber(docNumber, Long.MAX_VALUE);
            if (dup != null) {
                return fault(400, "Duplicate Document Number Error", "Duplicate Document Number Error : You must specify a different number. "
                        + "This number has already been used. DocNumber=" + docNumber + " is assigned to TxnType=Invoice with TxnId="
                        + dup.qboId, "6140", "ValidationFault");
            }
        }
        String currency = body.path("CurrencyRef").path("value").asText(o.country.currency());
        if (!currency.equals(o.country.currency())) {
            return fault(400, "A business validation error has occurred while processing your request",
                    "Business Validation Error: Multicurrency is not enabled; the currency must be " + o.country.currency(),
                    "6000", "ValidationFault");
        }
        String privateNote = XeroImitation.text(body, "PrivateNote");
        if (privateNote != null && privateNote.length() > 4000) {
            return fault(400, "String length is either shorter or longer than supported by specification",
                    "String length specified does not match the supported length. Min:0 Max:4000 supplied length:"
                            + privateNote.length(), "2050", "ValidationFault");
        }
        LocalDate txnDate;
        LocalDate due;
        try {
            txnDate = body.has("TxnDate") ? LocalDate.parse(body.get("TxnDate").asText()) : o.today(now);
            int termDays = termFor(customer)[2].equals("14") ? 14 : termFor(customer)[2].equals("0") ? 0 : 30;
            String termRef = body.path("SalesTermRef").path("value").asText(null);
            if (termRef != null) {
                for (String[] t : TERMS) {
                    if (t[0].equals(termRef)) {
                        termDays = Integer.parseInt(t[2]);
                    }
                }
            }
            due = body.has("DueDate") ? LocalDate.parse(body.get("DueDate").asText()) : txnDate.plusDays(termDays);
        } catch (DateTimeParseException e) {
            return fault(400, "Invalid date", "Dates must be YYYY-MM-DD: " + e.getParsedString(), "2080", "ValidationFault");
        }
        long sub = parsed.stream().mapToLong(Invoice.Line::amountMinor).sum();
        Invoice inv = new Invoice(o.invoices.size(), null, o.newQboId(), o.nextSeq++, customer, (int) txnDate.toEpochDay(),
                (int) due.toEpochDay(), sub, 0, now, Invoice.AUTHORISED, (byte) 0);
        inv.customNumber = docNumber == null || docNumber.equals("AUTO_GENERATE") ? null : docNumber;
        inv.privateNote = privateNote;
        inv.customerMemo = body.path("CustomerMemo").path("value").asText(null);
        inv.billEmail = body.path("BillEmail").path("Address").asText(null);
        inv.lines = parsed;
        inv.currency = currency;
        inv.createdByApp = true;
        o.addInvoice(inv);
        Ledger.schedule(o, inv, new java.util.Random(inv.qboId * 31L + o.id.hashCode()), now);
        return entity(one(o, "Invoice", inv, now), Integer.toString(inv.qboId));
    }

    private Resp required(String what) {
        return fault(400, "Required param missing, need to supply the required value for the API",
                "Required parameter " + what + " is missing in the request", "2020", "ValidationFault");
    }

    private Resp changeInvoice(Org o, JsonNode body, String operation, long now) {
        String id = XeroImitation.text(body, "Id");
        Invoice inv = id == null ? null : o.invoice(id, now);
        if (inv == null || inv.status == Invoice.DELETED) {
            return fault(400, "Object Not Found", "Object Not Found : Something you're trying to use has been made inactive. "
                    + "Check the fields with accounts, customers, items, vendors or employees.", "610", "ValidationFault");
        }
        String sync = XeroImitation.text(body, "SyncToken");
        if (sync == null) {
            return required("SyncToken");
        }
        if (!sync.equals(Integer.toString(inv.syncToken))) {
            return fault(400, "Stale Object Error", "Stale Object Error : You and Arrears Sandbox were working on this at the same time. "
                    + "Arrears Sandbox finished before you did, so your work was not saved.", "5010", "ValidationFault");
        }
        if ("void".equals(operation)) {
            inv.status = Invoice.VOIDED;
        } else if ("delete".equals(operation)) {
            inv.status = Invoice.DELETED;
            inv.syncToken++;
            inv.updatedMillis = Math.max(inv.updatedMillis, now);
            return Resp.json(200, SandboxJson.write(g -> {
                g.writeStartObject();
                g.writeObjectFieldStart("Invoice");
                g.writeStringField("domain", "QBO");
                g.writeStringField("status", "Deleted");
                g.writeStringField("Id", id);
                g.writeEndObject();
                g.writeStringField("time", time(now));
                g.writeEndObject();
            }));
        } else if (operation != null) {
            return fault(400, "Unsupported Operation", "Operation " + operation + " is not supported.", "500", "ValidationFault");
        } else {
            if (body.has("Line")) {
                return fault(400, "Unsupported Operation", "The sandbox does not replace the lines of an existing invoice.", "500",
                        "ValidationFault");
            }
            if (body.has("PrivateNote")) {
                inv.privateNote = XeroImitation.text(body, "PrivateNote");
            }
            if (body.has("CustomerMemo")) {
                inv.customerMemo = body.path("CustomerMemo").path("value").asText(null);
            }
            if (body.has("BillEmail")) {
                inv.billEmail = body.path("BillEmail").path("Address").asText(null);
            }
            if (body.has("DueDate")) {
                try {
                    inv.dueDay = (int) LocalDate.parse(body.get("DueDate").asText()).toEpochDay();
                } catch (DateTimeParseException e) {
                    return fault(400, "Invalid date", "Dates must be YYYY-MM-DD", "2080", "ValidationFault");
                }
            }
            if (body.has("DocNumber")) {
                inv.customNumber = XeroImitation.text(body, "DocNumber");
            }
        }
        inv.syncToken++;
        inv.updatedMillis = Math.max(inv.updatedMillis, now);
        return entity(one(o, "Invoice", inv, now), id);
    }

    private Resp send(Org o, String id, String sendTo, long now) {
        Invoice inv = o.invoice(id, now);
        if (inv == null || inv.status == Invoice.DELETED) {
            return fault(400, "Object Not Found", "Object Not Found : Something you're trying to use has been made inactive.",
                    "610", "ValidationFault");
        }
        if (sendTo != null && !sendTo.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return fault(400, "Invalid Email Address format", "Email Address does not conform to the syntax rules of RFC 822. Supplied value:"
                    + sendTo, "2210", "ValidationFault");
        }
        String to = sendTo != null ? sendTo : inv.billEmail != null ? inv.billEmail : inv.customer.email;
        if (to == null) {
            return fault(400, "A business validation error has occurred while processing your request",
                    "Business Validation Error: Please provide an email address to send this invoice to.", "6000",
                    "ValidationFault");
        }
        if (sendTo != null) {
            inv.billEmail = sendTo;
        }
        inv.emailed = true;
        inv.deliveryMillis = now;
        inv.syncToken++;
        inv.updatedMillis = Math.max(inv.updatedMillis, now);
        o.emails.add(new Email(inv, to, now, o.today(now)));
        return entity(one(o, "Invoice", inv, now), id);
    }

    private Resp attach(Org o, Req req, long now) throws SandboxJson.BadRequest {
        JsonNode body = SandboxJson.parse(req.body);
        String note = XeroImitation.text(body, "Note");
        if (note == null || note.isEmpty()) {
            return required("Note");
        }
        if (note.length() > 4000) {
            return fault(400, "String length is either shorter or longer than supported by specification",
                    "String length specified does not match the supported length. Min:0 Max:4000 supplied length:" + note.length(),
                    "2050", "ValidationFault");
        }
        JsonNode ref = body.path("AttachableRef").path(0).path("EntityRef");
        if (!"Invoice".equalsIgnoreCase(ref.path("type").asText())) {
            return fault(400, "Unsupported Operation", "The sandbox only attaches notes to invoices (EntityRef type Invoice).",
                    "500", "ValidationFault");
        }
        Invoice inv = o.invoice(ref.path("value").asText(), now);
        if (inv == null) {
            return fault(400, "Object Not Found", "Object Not Found : Something you're trying to use has been made inactive.",
                    "610", "ValidationFault");
        }
        Note n = new Note(o.newQboId(), inv, note, now);
        o.notes.add(n);
        return entity(one(o, "Attachable", n, now), Integer.toString(n.qboId()));
    }

    private Resp createItem(Org o, Req req, long now) throws SandboxJson.BadRequest {
        JsonNode body = SandboxJson.parse(req.body);
        String name = XeroImitation.text(body, "Name");
        if (name == null || name.isBlank()) {
            return required("Name");
        }
        if (o.items.stream().anyMatch(it -> it.name().equalsIgnoreCase(name))) {
            return fault(400, "Duplicate Name Exists Error", "The name supplied already exists. : null", "6240",
                    "ValidationFault");
        }
        String type = body.path("Type").asText("Service");
        String account = body.path("IncomeAccountRef").path("value").asText(null);
        if (account == null && !type.equals("Category")) {
            return required("IncomeAccountRef");
        }
        if (account != null && Arrays.stream(ACCOUNTS).noneMatch(a -> a[0].equals(account))) {
            return fault(400, "Invalid Reference Id", "Invalid Reference Id : Accounts element id " + account + " not found",
                    "2500", "ValidationFault");
        }
        Org.Item item = new Org.Item(o.newQboId(), name, type, body.path("Description").asText(""), account,
                body.has("UnitPrice") ? body.get("UnitPrice").decimalValue() : BigDecimal.ZERO, now);
        o.items.add(item);
        return entity(one(o, "Item", item, now), Integer.toString(item.id()));
    }

    // ---- times ----------------------------------------------------------------------------------

    /** MetaData times: second precision, US-Pacific offset whatever the company's location (NOTES §1). */
    static String meta(long millis) {
        return META.format(Instant.ofEpochMilli(millis).atZone(PACIFIC));
    }

    static String time(long millis) {
        return TIME.format(Instant.ofEpochMilli(millis).atZone(PACIFIC));
    }

    private static OffsetDateTime odt(long millis) {
        return Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS).atZone(PACIFIC).toOffsetDateTime();
    }

}
