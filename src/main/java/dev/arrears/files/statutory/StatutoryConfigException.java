package dev.arrears.files.statutory;

import java.nio.file.Path;

/**
 * Bad statutory configuration: says which file, line and field, and what is allowed there, so an
 * operator can fix it without reading code. Thrown at start-up; Arrears does not run on bad rates.
 */
public final class StatutoryConfigException extends RuntimeException {

    private final Path file;
    private final int line;
    private final String field;

    public StatutoryConfigException(Path file, int line, String field, String problem) {
        super(file + (line > 0 ? " line " + line : "") + ", field " + field + ": " + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public Path file() {
        return file;
    }

    /** 1-based; 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
