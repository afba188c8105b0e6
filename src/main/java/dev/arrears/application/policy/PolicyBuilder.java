package dev.arrears.application.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Port: builds a set of policies from the texts of its documents, checked exactly as start-up checks
 * the files (every problem named by file and field).
 */
public interface PolicyBuilder {

    /** Either a usable set, or every problem found. */
    sealed interface Result {
    }

    record Usable(PolicySet set) implements Result {
        public Usable {
            Objects.requireNonNull(set, "set");
        }
    }

    record Refused(List<ConfigProblem> problems) implements Result {
        public Refused {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a refusal names at least one problem");
            }
        }
    }

    /** @param texts every document's text by name ({@code default.yaml}, {@code organisations/northwind.yaml}) */
    Result build(Map<String, String> texts);

    /** How problems name a document: the policies folder and its name ({@code config/policies/default.yaml}). */
    String fileOf(String name);

    /** Whether a document may have this name (a YAML file at the top, or under organisations/ or customers/). */
    boolean usableName(String name);

    /** The hash decisions record for a policy made of this text alone. */
    String hashOf(String content);
}
