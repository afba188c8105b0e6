package dev.arrears.files.policy;

import dev.arrears.application.policy.DocumentVersions;
import dev.arrears.application.policy.PolicyDocument;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Texts of one kind kept as versions in the database ({@link DocumentVersions}), seeded from their
 * files at start-up and built into what the daemon uses ({@code T}) again whenever a version was saved
 * since (one cheap read per use), so that a save in the console, by the admin API or on another
 * replica applies from the next cycle without a restart. As {@link LivePolicies} does for policies:
 * a file that changed since it was last read becomes the next version; an unchanged file does not undo
 * what people saved since.
 *
 * <p>Every version was checked before it was saved, so the saved set builds; if it does not, what is
 * in force stays and the problem is logged, rather than working under half a configuration.
 *
 * @param <T> what the texts are built into (the settings catalog, the templates)
 */
public final class LiveDocuments<T> {

    private static final Logger LOG = Logger.getLogger(LiveDocuments.class);

    private final String what;
    private final DocumentVersions documents;
    private final Function<Map<String, String>, T> build;
    private volatile Loaded<T> loaded;

    private record Loaded<T>(long revision, T built) {
    }

    /**
     * @param what  how the log names these texts ("organisation settings")
     * @param build builds the texts by name, or throws naming what is wrong
     */
    public LiveDocuments(String what, DocumentVersions documents, Function<Map<String, String>, T> build) {
        this.what = Objects.requireNonNull(what, "what");
        this.documents = Objects.requireNonNull(documents, "documents");
        this.build = Objects.requireNonNull(build, "build");
    }

    /**
     * Checks the files' texts (a mistake throws, and start-up stops), keeps each changed one as the
     * next version of its document and builds the latest saved set.
     *
     * @param files  every file's text by document name
     * @param fileOf the file a document name stands for, for {@code saved_by}
     */
    public synchronized T seed(Map<String, String> files, Function<String, String> fileOf) {
        build.apply(files);
        files.forEach((name, text) -> documents.seed(new DocumentVersions.NewVersion(name, text, hashOf(text),
                        PolicyDocument.Origin.FILE, "file " + fileOf.apply(name)))
                .ifPresent(saved -> LOG.infof("%s %s: version %d seeded from %s", what, saved.name(), saved.version(), fileOf.apply(name))));
        long revision = documents.revision();
        T built = build.apply(latest());
        loaded = new Loaded<>(revision, built);
        return built;
    }

    /** The latest saved set; built again only when a version was saved since. */
    public T current() {
        Loaded<T> now = loaded;
        if (now == null) {
            throw new IllegalStateException(what + " are read before they were seeded");
        }
        if (documents.revision() == now.revision()) {
            return now.built();
        }
        return reload(now);
    }

    private synchronized T reload(Loaded<T> before) {
        if (loaded != before) {
            return loaded.built();
        }
        long revision = documents.revision();
        try {
            T built = build.apply(latest());
            loaded = new Loaded<>(revision, built);
            LOG.infof("%s reloaded (revision %d)", what, revision);
            return built;
        } catch (RuntimeException e) {
            LOG.errorf("The saved %s cannot be used; what is in force stays: %s", what, e.getMessage());
            loaded = new Loaded<>(revision, before.built());
            return before.built();
        }
    }

    /** The latest version of every document, by name. */
    public Map<String, String> latest() {
        Map<String, String> texts = new TreeMap<>();
        documents.current().forEach(d -> texts.put(d.name(), d.content()));
        return texts;
    }

    /** The hash a version is known by: as for policies, the first 16 hex digits of the text's SHA-256. */
    public static String hashOf(String text) {
        return PolicyFileLoader.version(text.getBytes(StandardCharsets.UTF_8));
    }
}
