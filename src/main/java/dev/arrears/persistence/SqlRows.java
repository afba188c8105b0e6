package dev.arrears.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading native query rows: text, numbers and arrays selected as text ({@code col::text}, arrays as
 * {@code array_to_json(col)::text}), dates selected as dates. Dates are not read through text because
 * PostgreSQL prints a year past 9999 without the sign ISO 8601 wants, and a year before 1 with "BC".
 */
final class SqlRows {

    private SqlRows() {
    }

    static String text(Object[] row, int i) {
        return (String) row[i];
    }

    static Optional<String> optionalText(Object[] row, int i) {
        return Optional.ofNullable((String) row[i]);
    }

    static LocalDate date(Object[] row, int i) {
        return switch (row[i]) {
            case LocalDate date -> date;
            case java.sql.Date date -> date.toLocalDate();
            case null -> throw new IllegalStateException("column " + i + " is null");
            default -> throw new IllegalStateException("column " + i + " is not a date but " + row[i].getClass().getSimpleName());
        };
    }

    static Optional<LocalDate> optionalDate(Object[] row, int i) {
        return row[i] == null ? Optional.empty() : Optional.of(date(row, i));
    }

    static Optional<BigDecimal> optionalNumber(Object[] row, int i) {
        return optionalText(row, i).map(BigDecimal::new);
    }

    /** A {@code text[]} selected as {@code array_to_json(col)::text}: every element as it was stored. */
    static List<String> list(Object[] row, int i) {
        String json = (String) row[i];
        if (json == null) {
            return List.of();
        }
        List<String> elements = new ArrayList<>();
        JsonbCodec.read(json).forEach(node -> elements.add(node.asText()));
        return List.copyOf(elements);
    }

    /** A list bound as one JSON parameter, to become a {@code text[]} with {@code json_array_elements_text}. */
    static String jsonArray(List<String> elements) {
        var array = JsonbCodec.array();
        elements.forEach(array::add);
        return JsonbCodec.write(array);
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> rows(jakarta.persistence.Query query) {
        return ((List<Object>) query.getResultList()).stream()
                .map(r -> r instanceof Object[] a ? a : new Object[] {r}).toList();
    }
}
