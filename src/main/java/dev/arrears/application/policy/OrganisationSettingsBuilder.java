package dev.arrears.application.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: checks organisation settings texts exactly as start-up checks the files of
 * {@code config/organisations} (every problem named by file and field), and says which organisation
 * a text is about.
 */
public interface OrganisationSettingsBuilder {

    /**
     * Every problem of the whole set (one text per organisation), as start-up names them; empty when usable.
     *
     * @param texts every document's text by name ({@code northwind.yaml})
     */
    List<ConfigProblem> problems(Map<String, String> texts);

    /** The organisation a usable text names ({@code organisation:}, or {@code provider:} and {@code tenant_id:}). */
    Optional<PolicySet.OrganisationMatch> scopeOf(String name, String content);

    /** How problems name a document: the settings folder and its name ({@code config/organisations/northwind.yaml}). */
    String fileOf(String name);

    /** Whether a document may have this name (a YAML file in the folder, no sub-folders). */
    boolean usableName(String name);

    /** The hash a version is known by (as for policies). */
    String hashOf(String content);
}
