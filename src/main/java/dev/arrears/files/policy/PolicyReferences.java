package dev.arrears.files.policy;

import dev.arrears.domain.statutory.StatutoryPresets;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a policy file may refer to outside itself: the reminder templates in config/templates, the
 * document templates, and the statutory presets. An empty template set means "not checked here"
 * (the forecast command reads one policy file on its own); the daemon always checks. Without
 * presets, a policy naming one has them read from {@link #DEFAULT_STATUTORY_DIR} when first needed.
 *
 * @param reminderTemplates names usable in {@code - reminder: <name>}
 * @param documentTemplates names usable in a stage's {@code document: <name>}
 * @param templatesDir      where those names were found, for the error message
 * @param presets           the statutory presets loaded at start-up
 */
public record PolicyReferences(Optional<Set<String>> reminderTemplates, Optional<Set<String>> documentTemplates,
                               String templatesDir, Optional<StatutoryPresets> presets) {

    public static final String DEFAULT_STATUTORY_DIR = "config/statutory";

    public PolicyReferences {
        Objects.requireNonNull(templatesDir, "templatesDir");
        Objects.requireNonNull(presets, "presets");
        // Sorted, so that "expected one of" lists read alphabetically.
        reminderTemplates = reminderTemplates.map(names -> java.util.Collections.unmodifiableSortedSet(new TreeSet<>(names)));
        documentTemplates = documentTemplates.map(names -> java.util.Collections.unmodifiableSortedSet(new TreeSet<>(names)));
    }

    /** Nothing outside the file is checked. */
    public static PolicyReferences unchecked() {
        return new PolicyReferences(Optional.empty(), Optional.empty(), "", Optional.empty());
    }

    public static PolicyReferences of(Set<String> reminders, Set<String> documents, String templatesDir, StatutoryPresets presets) {
        return new PolicyReferences(Optional.of(reminders), Optional.of(documents), templatesDir, Optional.of(presets));
    }

    /** Templates unchecked, presets given: for tools that read one policy file with the daemon's presets. */
    public static PolicyReferences presetsOnly(StatutoryPresets presets) {
        return new PolicyReferences(Optional.empty(), Optional.empty(), "", Optional.of(presets));
    }
}
