package dev.arrears.files.templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The accountants' templates in {@code config/templates/}: one {@code <name>.txt} per template. The
 * document templates (demand letter, case file) have reserved names and a model of their own; every
 * other file is a reminder wording a policy may name in {@code - reminder: <name>}.
 */
public final class TemplateDirectory {

    public static final String EXTENSION = ".txt";
    public static final String DEMAND_LETTER = "demand-letter";
    public static final String CASE_FILE = "case-file";
    public static final Set<String> DOCUMENTS = Set.of(DEMAND_LETTER, CASE_FILE);

    private final Path directory;
    private final Map<String, Path> files;

    private TemplateDirectory(Path directory, Map<String, Path> files) {
        this.directory = directory;
        this.files = Map.copyOf(files);
    }

    /** Lists the templates; a missing folder is an error, because every policy needs its reminder wordings. */
    public static TemplateDirectory at(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a directory (looked in "
                    + directory.toAbsolutePath().normalize() + "); expected the folder of message templates, set with arrears.templates.dir");
        }
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(directory)) {
            entries.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(EXTENSION))
                    .sorted(Comparator.comparing(Path::toString))
                    .forEach(p -> {
                        String file = p.getFileName().toString();
                        files.put(file.substring(0, file.length() - EXTENSION.length()), p);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return new TemplateDirectory(directory, files);
    }

    public Path directory() {
        return directory;
    }

    /** Names a policy may use in {@code - reminder: <name>}, sorted. */
    public Set<String> reminderNames() {
        Set<String> names = new TreeSet<>(files.keySet());
        names.removeAll(DOCUMENTS);
        return names;
    }

    /** Document templates present (demand-letter, case-file), sorted. */
    public Set<String> documentNames() {
        Set<String> names = new TreeSet<>(files.keySet());
        names.retainAll(DOCUMENTS);
        return names;
    }

    public String read(String name) {
        Path file = files.get(name);
        if (file == null) {
            throw new IllegalArgumentException("there is no template '" + name + "' in " + directory
                    + "; known: " + String.join(", ", new TreeSet<>(files.keySet())));
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + file, e);
        }
    }

    public Path file(String name) {
        read(name);
        return files.get(name);
    }
}
