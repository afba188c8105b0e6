package dev.arrears.files.policy;

import dev.arrears.application.OrganisationKey;
import dev.arrears.application.PolicyRepository;
import dev.arrears.application.policy.EffectivePolicies;
import dev.arrears.application.policy.EffectivePolicy;
import dev.arrears.application.policy.PolicyBuilder;
import dev.arrears.application.policy.PolicyDocument;
import dev.arrears.application.policy.PolicyDocuments;
import dev.arrears.application.policy.PolicySet;
import dev.arrears.application.policy.PoliciesInForce;
import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.statutory.StatutoryPresets;
import dev.arrears.files.templates.TemplatesConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The policies in force, kept in PostgreSQL as versions ({@link PolicyDocuments}). At start-up the
 * files of the policies folder seed them: a file that changed since it was last read becomes the
 * next version of its document; an unchanged file adds nothing. Then every caller gets the latest
 * saved set: {@link #inForce()} asks the database whether anything was saved since (one cheap read)
 * and builds the set again only then, so a policy saved in the console, by the admin API or on
 * another replica applies from the next cycle, without a restart.
 *
 * <p>Every version was checked before it was saved, so a set read from the database is usable; if it
 * is not (a file seeded with a mistake, which start-up refuses first), the set in force is kept and the
 * problems are logged rather than chasing under half a configuration.
 */
@ApplicationScoped
public class LivePolicies implements PolicyRepository, EffectivePolicies, PoliciesInForce {

    private static final Logger LOG = Logger.getLogger(LivePolicies.class);

    private final Path directory;
    private final PolicyDocuments documents;
    private final TextPolicyBuilder builder;
    private volatile Loaded loaded;

    private record Loaded(long revision, CheckedPolicySet set) {
    }

    @Inject
    public LivePolicies(PoliciesConfig config, TemplatesConfig templates, StatutoryPresets presets, PolicyDocuments documents) {
        this(Path.of(config.dir()), documents,
                new PolicyFileLoader(PolicyStartupCheck.references(Path.of(templates.dir()), presets)));
    }

    LivePolicies(Path directory, PolicyDocuments documents, PolicyFileLoader loader) {
        this.directory = directory;
        this.documents = documents;
        this.builder = new TextPolicyBuilder(directory.toString(), loader);
    }

    /** Seeds the database from the files (checked first, as {@link PolicyStartupCheck} does) and loads the set. */
    void onStart(@Observes StartupEvent event) {
        current();
    }

    /** The builder the console and the admin API check texts with: the same loader as the cycle's. */
    @Produces
    @ApplicationScoped
    PolicyBuilder policyBuilder() {
        return builder;
    }

    /** The latest saved set; seeds the database from the files the first time. */
    @Override
    public PolicySet current() {
        Loaded now = loaded;
        if (now == null) {
            return seedAndLoad();
        }
        long revision = documents.revision();
        if (revision == now.revision()) {
            return now.set();
        }
        return reload(now);
    }

    private synchronized PolicySet seedAndLoad() {
        if (loaded != null) {
            return loaded.set();
        }
        PolicyTexts files = PolicyTexts.read(directory);
        // The files must be right on their own before anything of them is kept (start-up stops otherwise).
        builder.checked(files);
        files.byName().forEach((name, text) -> documents.seed(new PolicyDocuments.NewVersion(name, text, builder.hashOf(text),
                PolicyDocument.Origin.FILE, "file " + files.fileOf(name))).ifPresent(saved -> LOG.infof(
                "Policy document %s: version %d seeded from %s", saved.name(), saved.version(), files.fileOf(name))));
        long revision = documents.revision();
        CheckedPolicySet set = builder.checked(texts(documents.current()));
        loaded = new Loaded(revision, set);
        LOG.infof("Follow-up policies in force: %s", set.all().stream().map(p -> p.id() + " (version " + p.version() + ")").toList());
        return set;
    }

    private synchronized PolicySet reload(Loaded before) {
        Loaded now = loaded;
        if (now != before) {
            return now.set();
        }
        long revision = documents.revision();
        try {
            CheckedPolicySet set = builder.checked(texts(documents.current()));
            loaded = new Loaded(revision, set);
            LOG.infof("Follow-up policies reloaded (revision %d): %s", revision,
                    set.all().stream().map(p -> p.id() + " (version " + p.version() + ")").toList());
            return set;
        } catch (PolicyConfigurationException | IllegalStateException e) {
            LOG.errorf("The saved policies cannot be used; the set in force stays: %s", e.getMessage());
            loaded = new Loaded(revision, before.set());
            return before.set();
        }
    }

    private PolicyTexts texts(List<PolicyDocument> current) {
        Map<String, String> byName = new TreeMap<>();
        current.forEach(d -> byName.put(d.name(), d.content()));
        return new PolicyTexts(directory.toString(), byName);
    }

    @Override
    public EffectivePolicies inForce() {
        return current();
    }

    @Override
    public Optional<Policy> find(String id) {
        return current().find(id);
    }

    @Override
    public List<Policy> all() {
        return current().all();
    }

    @Override
    public EffectivePolicy resolve(OrganisationKey organisation, String customerId, Optional<String> customerGroup) {
        return current().resolve(organisation, customerId, customerGroup);
    }

    @Override
    public EffectivePolicy resolve(OrganisationKey organisation, String basePolicyId, String customerId, Optional<String> customerGroup) {
        return current().resolve(organisation, basePolicyId, customerId, customerGroup);
    }

    @Override
    public String fingerprint() {
        return current().fingerprint();
    }

    @Override
    public String textOf(EffectivePolicy policy) {
        return current().textOf(policy);
    }
}
