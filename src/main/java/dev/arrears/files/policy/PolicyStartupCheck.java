package dev.arrears.files.policy;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import dev.arrears.domain.statutory.StatutoryPresets;
import dev.arrears.files.templates.TemplateDirectory;
import dev.arrears.files.templates.TemplatesConfig;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;
import java.util.Objects;

/**
 * Checks the policy files when the application starts and refuses to start if any is wrong (they
 * then seed the policies kept in the database, {@link LivePolicies}): a
 * daemon that chases customers must not run under a policy nobody can vouch for. The exception's
 * message lists every problem (file, field, what is allowed), and Quarkus prints it on the way out.
 */
@ApplicationScoped
public class PolicyStartupCheck {

    private static final Logger LOG = Logger.getLogger(PolicyStartupCheck.class);

    private final Path directory;
    private final PolicyFileLoader loader;
    private volatile PolicyCatalog catalog;
    private volatile PolicyResolver resolver;

    /**
     * The daemon's check: reminder and document names must exist in the templates folder, and
     * statutory presets come from the tables loaded at start-up (a broken table stops start-up
     * before any policy is read, with its file, line and field).
     */
    @Inject
    public PolicyStartupCheck(PoliciesConfig config, TemplatesConfig templates, StatutoryPresets presets) {
        this(Path.of(config.dir()), new PolicyFileLoader(references(Path.of(templates.dir()), presets)));
    }

    /** Checks each policy file on its own (no template names), as the forecast does. */
    public PolicyStartupCheck(PoliciesConfig config) {
        this(Path.of(config.dir()), new PolicyFileLoader());
    }

    static PolicyReferences references(Path templatesDir, StatutoryPresets presets) {
        try {
            TemplateDirectory templates = TemplateDirectory.at(templatesDir);
            return PolicyReferences.of(templates.reminderNames(), templates.documentNames(), templatesDir.toString(), presets);
        } catch (IllegalArgumentException e) {
            throw new PolicyConfigurationException(List.of(new PolicyProblem(templatesDir.toString(), "", e.getMessage())));
        }
    }

    PolicyStartupCheck(Path directory, PolicyFileLoader loader) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    void onStart(@Observes StartupEvent event) {
        try {
            PolicyCatalog loaded = check();
            resolver();
            LOG.infof("Loaded %d follow-up %s from %s: %s", loaded.all().size(),
                    loaded.all().size() == 1 ? "policy" : "policies", directory,
                    loaded.all().stream().map(p -> p.id() + " (version " + p.version() + ")").toList());
        } catch (PolicyConfigurationException e) {
            // Logged on its own first, so the accountant's list is not buried in Quarkus' stack trace.
            LOG.error(e.getMessage());
            throw e;
        }
    }

    /** Loads (once) and returns the catalog; throws {@link PolicyConfigurationException} on any problem. */
    public synchronized PolicyCatalog check() {
        if (catalog == null) {
            catalog = PolicyCatalog.load(directory, loader);
        }
        return catalog;
    }

    /** Loads (once) the organisation and customer overrides on top of the catalog, checking every combination. */
    public synchronized PolicyResolver resolver() {
        if (resolver == null) {
            resolver = PolicyResolver.load(directory, check(), loader);
        }
        return resolver;
    }
}
