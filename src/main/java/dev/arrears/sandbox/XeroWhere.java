package dev.arrears.sandbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The part of Xero's {@code where} filter language the sandbox understands:
 * {@code Field == value} (also {@code != > >= < <=}), {@code AND}/{@code &&}, {@code OR}/{@code ||},
 * parentheses, string literals in double quotes, numbers, {@code true/false/null},
 * {@code guid("...")}, {@code DateTime(y, m, d)}, and {@code Field.Contains/StartsWith/EndsWith("...")}.
 * Anything else is refused with a message, never silently ignored.
 */
final class XeroWhere {

    /** Gives a field's value for one record: String, BigDecimal, LocalDate, Boolean or null. */
    interface Fields<T> {
        Object value(T record, String field);

        boolean knows(String field);
    }

    private final List<String> tokens;
    private int pos;

    private XeroWhere(List<String> tokens) {
        this.tokens = tokens;
    }

    static <T> Predicate<T> parse(String where, Fields<T> fields) throws SandboxJson.BadRequest {
        XeroWhere p = new XeroWhere(tokenize(where));
        Predicate<T> result = p.or(fields);
        if (p.pos != p.tokens.size()) {
            throw new SandboxJson.BadRequest("unexpected '" + p.tokens.get(p.pos) + "' in where clause: " + where);
        }
        return result;
    }

    private <T> Predicate<T> or(Fields<T> f) throws SandboxJson.BadRequest {
        Predicate<T> left = and(f);
        while (peekIs("OR") || peekIs("||")) {
            pos++;
            Predicate<T> right = and(f);
            Predicate<T> l = left;
            left = r -> l.test(r) || right.test(r);
        }
        return left;
    }

    private <T> Predicate<T> and(Fields<T> f) throws SandboxJson.BadRequest {
        Predicate<T> left = term(f);
        while (peekIs("AND") || peekIs("&&")) {
            pos++;
            Predicate<T> right = term(f);
            Predicate<T> l = left;
            left = r -> l.test(r) && right.test(r);
        }
        return left;
    }

    private <T> Predicate<T> term(Fields<T> f) throws SandboxJson.BadRequest {
        String t = next();
        if (t.equals("(")) {
            Predicate<T> inner = or(f);
            expect(")");
            return inner;
        }
        if (!Character.isLetter(t.charAt(0))) {
            throw new SandboxJson.BadRequest("expected a field name in where clause, found '" + t + "'");
        }
        for (String method : new String[] {".Contains", ".StartsWith", ".EndsWith"}) {
            if (t.endsWith(method)) {
                String field = t.substring(0, t.length() - method.length());
                checkField(f, field);
                expect("(");
                String arg = String.valueOf(literal());
                expect(")");
                String lower = arg.toLowerCase(Locale.ROOT);
                return r -> {
                    Object v = f.value(r, field);
                    if (v == null) {
                        return false;
                    }
                    String s = v.toString().toLowerCase(Locale.ROOT);
                    return switch (method) {
                        case ".Contains" -> s.contains(lower);
                        case ".StartsWith" -> s.startsWith(lower);
                        default -> s.endsWith(lower);
                    };
                };
            }
        }
        checkField(f, t);
        String op = next();
        if (!List.of("==", "!=", ">", ">=", "<", "<=").contains(op)) {
            throw new SandboxJson.BadRequest("unsupported operator '" + op + "' in where clause");
        }
        Object expected = literal();
        String field = t;
        return r -> compare(f.value(r, field), op, expected);
    }

    private static <T> void checkField(Fields<T> f, String field) throws SandboxJson.BadRequest {
        if (!f.knows(field)) {
            throw new SandboxJson.BadRequest("the sandbox cannot filter on '" + field + "' in a where clause");
        }
    }

    private Object literal() throws SandboxJson.BadRequest {
        String t = next();
        if (t.startsWith("\"")) {
            return t.substring(1, t.length() - 1);
        }
        if (t.equalsIgnoreCase("null")) {
            return null;
        }
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.valueOf(t.toLowerCase(Locale.ROOT));
        }
        if (t.equalsIgnoreCase("guid") || t.equalsIgnoreCase("Guid")) {
            expect("(");
            Object v = literal();
            expect(")");
            return String.valueOf(v).toLowerCase(Locale.ROOT);
        }
        if (t.equalsIgnoreCase("DateTime")) {
            expect("(");
            List<Integer> parts = new ArrayList<>();
            parts.add(Integer.parseInt(next()));
            while (peekIs(",")) {
                pos++;
                parts.add(Integer.parseInt(next()));
            }
            expect(")");
            if (parts.size() < 3) {
                throw new SandboxJson.BadRequest("DateTime needs year, month and day");
            }
            return LocalDate.of(parts.get(0), parts.get(1), parts.get(2));
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new SandboxJson.BadRequest("cannot read '" + t + "' as a value in where clause");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static boolean compare(Object actual, String op, Object expected) {
        if (expected == null || actual == null) {
            boolean same = expected == actual || (expected == null && "".equals(actual));
            return op.equals("==") ? same : op.equals("!=") && !same;
        }
        int c;
        if (actual instanceof BigDecimal a && expected instanceof BigDecimal e) {
            c = a.compareTo(e);
        } else if (actual instanceof LocalDate a && expected instanceof LocalDate e) {
            c = a.compareTo(e);
        } else if (actual instanceof Boolean a && expected instanceof Boolean e) {
            c = a.equals(e) ? 0 : 1;
        } else {
            c = actual.toString().compareToIgnoreCase(expected.toString());
        }
        return switch (op) {
            case "==" -> c == 0;
            case "!=" -> c != 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "<" -> c < 0;
            default -> c <= 0;
        };
    }

    private boolean peekIs(String s) {
        return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(s);
    }

    private String next() throws SandboxJson.BadRequest {
        if (pos >= tokens.size()) {
            throw new SandboxJson.BadRequest("where clause ends too early");
        }
        return tokens.get(pos++);
    }

    private void expect(String s) throws SandboxJson.BadRequest {
        String t = next();
        if (!t.equals(s)) {
            throw new SandboxJson.BadRequest("expected '" + s + "' in where clause, found '" + t + "'");
        }
    }

    static List<String> tokenize(String s) throws SandboxJson.BadRequest {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int j = i + 1;
                StringBuilder sb = new StringBuilder("\"");
                while (j < s.length() && s.charAt(j) != '"') {
                    if (s.charAt(j) == '\\' && j + 1 < s.length()) {
                        j++;
                    }
                    sb.append(s.charAt(j++));
                }
                if (j >= s.length()) {
                    throw new SandboxJson.BadRequest("unterminated string in where clause");
                }
                out.add(sb.append('"').toString());
                i = j + 1;
            } else if ("()," .indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else if ("=!<>&|".indexOf(c) >= 0) {
                int j = i + 1;
                while (j < s.length() && "=&|".indexOf(s.charAt(j)) >= 0 && j - i < 2) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else if (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_') {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || ".-_".indexOf(s.charAt(j)) >= 0)) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else {
                throw new SandboxJson.BadRequest("unexpected character '" + c + "' in where clause");
            }
        }
        return out;
    }

    static <T> Function<T, Object> none() {
        return r -> null;
    }
}
