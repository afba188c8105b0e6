package dev.arrears.files.templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every file of the templates folder, by its path under the folder ({@code friendly.txt},
 * {@code email/en/friendly.subject.txt}): what the database is seeded with and what the renderers are
 * built from. Every file is taken, whatever its name, so a template added to the folder is kept and
 * editable without anyone listing it here.
 */
public final class TemplateTexts {

    /** A name a template may have: up to two folders, then a file (no "..", no hidden files). */
    static final Pattern NAME = Pattern.compile("([A-Za-z0-9][A-Za-z0-9_-]{0,39}/){0,2}[A-Za-z0-9_][A-Za-z0-9._-]{0,99}");

    private TemplateTexts() {
    }

    /** Whether a template may have this name. */
    public static boolean usableName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("..");
    }

    /**
     * Reads the folder; a missing folder is an error, because every policy needs its reminder wordings.
     *
     * @throws IllegalArgumentException when the folder is not there
     */
    public static Map<String, String> read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a directory (looked in "
                    + directory.toAbsolutePath().normalize() + "); expected the folder of message templates, set with arrears.templates.dir");
        }
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(directory, 3)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = directory.relativize(file).toString().replace('\\', '/');
                if (usableName(name)) {
                    texts.put(name, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the templates in " + directory, e);
        }
        return texts;
    }
}
