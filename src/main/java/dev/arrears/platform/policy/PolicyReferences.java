package dev.arrears.platform.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a policy file may refer to outside itself: the reminder templates in config/templates and,
 * for stages that produce a document, the document templates. Empty means "not checked here"
 * (the forecast command reads one policy file on its own); the daemon always checks.
 *
 * @param reminderTemplates names usable in {@code - reminder: <name>}
 * @param documentTemplates names usable in a stage's {@code document: <name>}
 * @param templatesDir      where those names were found, for the error message
 */
public record PolicyReferences(Optional<Set<String>> reminderTemplates, Optional<Set<String>> documentTemplates,
                               String templatesDir) {

    public PolicyReferences {
        Objects.requireNonNull(templatesDir, "templatesDir");
        reminderTemplates = reminderTemplates.map(names -> Set.copyOf(new TreeSet<>(names)));
        documentTemplates = documentTemplates.map(names -> Set.copyOf(new TreeSet<>(names)));
    }

    /** Nothing outside the file is checked. */
    public static PolicyReferences unchecked() {
        return new PolicyReferences(Optional.empty(), Optional.empty(), "");
    }

    public static PolicyReferences templates(Set<String> reminders, Set<String> documents, String templatesDir) {
        return new PolicyReferences(Optional.of(reminders), Optional.of(documents), templatesDir);
    }
}
