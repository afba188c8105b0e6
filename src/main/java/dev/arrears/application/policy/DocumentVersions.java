package dev.arrears.application.policy;

import java.util.List;
import java.util.Optional;

/**
 * What every kind of text people edit and the daemon reads is kept as (policies, organisation settings,
 * message templates): named documents and all their versions, in the database, never changed once
 * saved. Each kind is a port of its own ({@link PolicyDocuments}, {@link OrganisationSettingsDocuments},
 * {@link TemplateDocuments}); names and versions are per kind.
 */
public interface DocumentVersions {

    /** What a new version is made of. */
    record NewVersion(String name, String content, String contentHash, PolicyDocument.Origin origin, String savedBy) {
    }

    /** The latest version of every document, by name. */
    List<PolicyDocument> current();

    /**
     * Grows with every version saved anywhere (any replica): the cycle reads the documents again only
     * when it changed.
     */
    long revision();

    /** Every version of one document, newest first. */
    List<PolicyDocument> history(String name);

    Optional<PolicyDocument> find(String name, int version);

    /**
     * Saves {@code next} as the next version of its document, unless the latest version has the same
     * text. With {@code expectedLatest} (0: the document must not exist yet), refuses when someone
     * else saved in between.
     *
     * @return the version saved, or empty when the text is the latest version's already
     * @throws IllegalStateException when the latest version is not {@code expectedLatest}
     */
    Optional<PolicyDocument> save(NewVersion next, Optional<Integer> expectedLatest);

    /**
     * A file's text at start-up: a new version only when the file differs from what it held the last
     * time it was read (an unchanged file does not undo what people saved since).
     *
     * @return the version saved, or empty when the file is unchanged
     */
    Optional<PolicyDocument> seed(NewVersion fromFile);

    /** The latest text of every document by name, with {@code name} replaced by (or added as) {@code content}: what a save would make. */
    default java.util.Map<String, String> latestWith(String name, String content) {
        java.util.Map<String, String> texts = new java.util.TreeMap<>();
        current().forEach(d -> texts.put(d.name(), d.content()));
        texts.put(name, content == null ? "" : content);
        return texts;
    }

    /**
     * The text of one version.
     *
     * @param file how messages name the document
     * @throws IllegalArgumentException when there is no such version
     */
    default String text(String name, int version, String file) {
        return find(name, version).map(PolicyDocument::content)
                .orElseThrow(() -> new IllegalArgumentException(file + " has no version " + version));
    }
}
