package dev.arrears.cli.forecast;

import java.util.Objects;

/**
 * One thing wrong in an invoices CSV file.
 *
 * @param line   1-based line number in the file (1 is the header); 0 for the file as a whole
 * @param column the column's header name, or empty when the whole line is wrong
 */
public record CsvProblem(String file, int line, String column, String message) {

    public CsvProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(message, "message");
    }

    /** "file:line: column 'due_date': message", the way compilers point at a spot in a file. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : file;
        return where + ": " + (column.isEmpty() ? "" : "column '" + column + "': ") + message;
    }
}
