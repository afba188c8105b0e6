package dev.arrears.sandbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * QuickBooks' query language as NOTES §2 describes it:
 * {@code SELECT * | COUNT(*) | fields FROM Entity [WHERE p op v [AND ...]] [ORDERBY p [ASC|DESC], ...]
 * [STARTPOSITION n] [MAXRESULTS n]} with {@code = < > <= >= IN LIKE}, no OR, single-quoted values
 * ({@code \'} escapes a quote), keywords case-insensitive. MAXRESULTS is at most 1000 (default 100).
 */
final class QboQuery {

    record Condition(String property, String op, List<String> values) {
    }

    record Order(String property, boolean descending) {
    }

    final String entity;
    final boolean count;
    final List<String> fields;
    final List<Condition> conditions;
    final List<Order> orders;
    final int startPosition;
    final int maxResults;

    private QboQuery(String entity, boolean count, List<String> fields, List<Condition> conditions, List<Order> orders,
            int startPosition, int maxResults) {
        this.entity = entity;
        this.count = count;
        this.fields = fields;
        this.conditions = conditions;
        this.orders = orders;
        this.startPosition = startPosition;
        this.maxResults = maxResults;
    }

    static QboQuery parse(String query) throws SandboxJson.BadRequest {
        List<String> t = tokenize(query);
        int i = 0;
        if (t.isEmpty() || !t.get(i++).equalsIgnoreCase("select")) {
            throw new SandboxJson.BadRequest("QueryParserError: Encountered \"" + (t.isEmpty() ? "" : t.get(0)) + "\" expected SELECT");
        }
        boolean count = false;
        List<String> fields = new ArrayList<>();
        if (t.get(i).equals("*")) {
            i++;
        } else if (t.get(i).equalsIgnoreCase("count")) {
            count = true;
            i += 4; // count ( * )
        } else {
            while (i < t.size() && !t.get(i).equalsIgnoreCase("from")) {
                if (!t.get(i).equals(",")) {
                    fields.add(t.get(i));
                }
                i++;
            }
        }
        if (i >= t.size() || !t.get(i++).equalsIgnoreCase("from") || i >= t.size()) {
            throw new SandboxJson.BadRequest("QueryParserError: FROM expected");
        }
        String entity = t.get(i++);
        List<Condition> conditions = new ArrayList<>();
        List<Order> orders = new ArrayList<>();
        int start = 1;
        int max = 100;
        while (i < t.size()) {
            String kw = t.get(i++).toLowerCase(Locale.ROOT);
            switch (kw) {
                case "where", "and" -> {
                    String prop = t.get(i++);
                    String op = t.get(i++).toLowerCase(Locale.ROOT);
                    if (op.equals("<") || op.equals(">") || op.equals("!")) {
                        if (i < t.size() && t.get(i).equals("=")) {
                            op = op + "=";
                            i++;
                        }
                    }
                    List<String> values = new ArrayList<>();
                    if (op.equals("in")) {
                        if (!t.get(i++).equals("(")) {
                            throw new SandboxJson.BadRequest("QueryParserError: ( expected after IN");
                        }
                        while (!t.get(i).equals(")")) {
                            if (!t.get(i).equals(",")) {
                                values.add(unquote(t.get(i)));
                            }
                            i++;
                        }
                        i++;
                    } else if (List.of("=", "<", ">", "<=", ">=", "like").contains(op)) {
                        values.add(unquote(t.get(i++)));
                    } else {
                        throw new SandboxJson.BadRequest("QueryParserError: Encountered \" " + op + "\"");
                    }
                    conditions.add(new Condition(prop, op, values));
                }
                case "or" -> throw new SandboxJson.BadRequest("QueryParserError: Encountered \" <OR> \"OR \"\" (OR is not supported)");
                case "orderby" -> {
                    do {
                        if (t.get(i).equals(",")) {
                            i++;
                        }
                        String prop = t.get(i++);
                        boolean desc = false;
                        if (i < t.size() && (t.get(i).equalsIgnoreCase("desc") || t.get(i).equalsIgnoreCase("asc"))) {
                            desc = t.get(i++).equalsIgnoreCase("desc");
                        }
                        orders.add(new Order(prop, desc));
                    } while (i < t.size() && t.get(i).equals(","));
                }
                case "startposition" -> start = Integer.parseInt(t.get(i++));
                case "maxresults" -> max = Integer.parseInt(t.get(i++));
                default -> throw new SandboxJson.BadRequest("QueryParserError: Encountered \" " + kw + "\"");
            }
        }
        if (max > 1000) {
            max = 1000;
        }
        return new QboQuery(entity, count, fields, conditions, orders, Math.max(1, start), Math.max(1, max));
    }

    private static String unquote(String v) {
        return v.startsWith("'") ? v.substring(1, v.length() - 1) : v;
    }

    static List<String> tokenize(String s) throws SandboxJson.BadRequest {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                StringBuilder sb = new StringBuilder("'");
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != '\'') {
                    if (s.charAt(j) == '\\' && j + 1 < s.length()) {
                        j++;
                    }
                    sb.append(s.charAt(j++));
                }
                if (j >= s.length()) {
                    throw new SandboxJson.BadRequest("QueryParserError: unterminated string");
                }
                out.add(sb.append('\'').toString());
                i = j + 1;
            } else if ("(),*=<>!".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else {
                int j = i;
                while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && "(),*=<>!'".indexOf(s.charAt(j)) < 0) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            }
        }
        return out;
    }

    /** Compares a property value (String, BigDecimal, LocalDate, OffsetDateTime, Boolean, Long) with a query literal. */
    static boolean test(Object actual, Condition c) throws SandboxJson.BadRequest {
        if (c.op().equals("in")) {
            for (String v : c.values()) {
                if (compare(actual, v) == 0) {
                    return true;
                }
            }
            return false;
        }
        String v = c.values().get(0);
        if (c.op().equals("like")) {
            String regex = ("\\Q" + v.replace("%", "\\E.*\\Q") + "\\E");
            return actual != null && actual.toString().toLowerCase(Locale.ROOT).matches(regex.toLowerCase(Locale.ROOT));
        }
        if (actual == null) {
            return false;
        }
        int cmp = compare(actual, v);
        return switch (c.op()) {
            case "=" -> cmp == 0;
            case "<" -> cmp < 0;
            case ">" -> cmp > 0;
            case "<=" -> cmp <= 0;
            default -> cmp >= 0;
        };
    }

    static int compare(Object actual, String literal) throws SandboxJson.BadRequest {
        try {
            if (actual instanceof BigDecimal a) {
                return a.compareTo(new BigDecimal(literal));
            }
            if (actual instanceof Long a) {
                return Long.compare(a, Long.parseLong(literal));
            }
            if (actual instanceof LocalDate a) {
                return a.compareTo(LocalDate.parse(literal.length() > 10 ? literal.substring(0, 10) : literal));
            }
            if (actual instanceof OffsetDateTime a) {
                OffsetDateTime other = literal.length() == 10
                        ? LocalDate.parse(literal).atStartOfDay(QuickBooksImitation.PACIFIC).toOffsetDateTime()
                        : OffsetDateTime.parse(literal);
                return a.toInstant().compareTo(other.toInstant());
            }
            if (actual instanceof Boolean a) {
                return a.equals(Boolean.valueOf(literal)) ? 0 : 1;
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new SandboxJson.BadRequest("QueryValidationError: value '" + literal + "' is not valid for this property");
        }
        return actual.toString().compareToIgnoreCase(literal);
    }
}
