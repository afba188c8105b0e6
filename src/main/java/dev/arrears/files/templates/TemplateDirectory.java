package dev.arrears.files.templates;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
    /** The text of each template, by name (without {@code .txt}). */
    private final Map<String, String> files;

    private TemplateDirectory(Path directory, Map<String, String> files) {
        this.directory = directory;
        this.files = Map.copyOf(files);
    }

    /**
     * The templates among {@code texts} (every text by its path under the folder, wherever it is kept):
     * the {@code <name>.txt} at the top of the folder.
     */
    public static TemplateDirectory of(Path directory, Map<String, String> texts) {
        Map<String, String> files = new TreeMap<>();
        texts.forEach((name, text) -> {
            if (!name.contains("/") && name.endsWith(EXTENSION)) {
                files.put(name.substring(0, name.length() - EXTENSION.length()), text);
            }
        });
        return new TemplateDirectory(directory, files);
    }

    /** Lists the templates; a missing folder is an error, because every policy needs its reminder wordings. */
    public static TemplateDirectory at(Path directory) {
        return of(directory, TemplateTexts.read(directory));   // which refuses a missing folder, with the same message
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
        String text = files.get(name);
        if (text == null) {
            throw new IllegalArgumentException("there is no template '" + name + "' in " + directory
                    + "; known: " + String.join(", ", new TreeSet<>(files.keySet())));
        }
        return text;
    }

    public Path file(String name) {
        read(name);
        return directory.resolve(name + EXTENSION);
    }
}
