package dev.arrears.files.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line (RFC 4180 quoting: fields in double quotes may hold commas, and "" is a
 * quote). Spreadsheets quote customer names such as "Smith, Jones & Co" and rate tables quote their
 * sources, so this is needed; quoted line breaks are not supported and are reported rather than guessed at.
 */
public final class CsvLine {

    private CsvLine() {
    }

    /** The fields of the line, or throws IllegalArgumentException describing the quoting mistake. */
    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(wasQuoted ? field.toString() : field.toString().trim());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else if (c == '"' || (wasQuoted && !Character.isWhitespace(c))) {
                throw new IllegalArgumentException("a quote in the middle of field " + (fields.size() + 1)
                        + "; put the whole field in double quotes and write a quote inside it as \"\"");
            } else if (!wasQuoted) {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quote opened in field " + (fields.size() + 1)
                    + " is not closed on this line (line breaks inside a field are not supported)");
        }
        fields.add(wasQuoted ? field.toString() : field.toString().trim());
        return fields;
    }
}
