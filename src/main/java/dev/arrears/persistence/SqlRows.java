package dev.arrears.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reading native query rows whose columns are all selected as text ({@code col::text}): one
 * conversion rule for dates, numbers and arrays, whatever JDBC type mapping the driver prefers.
 */
final class SqlRows {

    /** Separates array elements in {@code array_to_string}: a control character no id contains. */
    static final String SEPARATOR = "\u001f";

    private SqlRows() {
    }

    static String text(Object[] row, int i) {
        return (String) row[i];
    }

    static Optional<String> optionalText(Object[] row, int i) {
        return Optional.ofNullable((String) row[i]);
    }

    static LocalDate date(Object[] row, int i) {
        return LocalDate.parse((String) row[i]);
    }

    static Optional<LocalDate> optionalDate(Object[] row, int i) {
        return optionalText(row, i).map(LocalDate::parse);
    }

    static Optional<BigDecimal> optionalNumber(Object[] row, int i) {
        return optionalText(row, i).map(BigDecimal::new);
    }

    static List<String> list(Object[] row, int i) {
        String joined = (String) row[i];
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR));
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> rows(jakarta.persistence.Query query) {
        return ((List<Object>) query.getResultList()).stream()
                .map(r -> r instanceof Object[] a ? a : new Object[] {r}).toList();
    }
}
