package dev.arrears.files.policy;

import dev.arrears.application.OrganisationKey;
import dev.arrears.application.SendRules;
import dev.arrears.application.SendRulesRepository;
import dev.arrears.application.policy.OrganisationSettingsBuilder;
import dev.arrears.application.policy.OrganisationSettingsDocuments;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.ZoneId;
import org.jboss.logging.Logger;

/**
 * Each organisation's settings (its send rules), kept in PostgreSQL as versions and seeded at start-up
 * from {@code config/organisations} (a wrong file stops start-up, naming file and field). The send
 * rules the cycle asks for are the latest saved: settings saved in the console or imported apply from
 * the next cycle, and an organisation connected later gets its own the moment they are saved. An
 * organisation with no settings of its own gets the firm's defaults.
 */
@ApplicationScoped
public class LiveOrganisationSettings implements SendRulesRepository {

    private static final Logger LOG = Logger.getLogger(LiveOrganisationSettings.class);

    private final Path directory;
    private final TextOrganisationSettingsBuilder builder;
    private final LiveDocuments<OrganisationSettingsCatalog> live;

    @Inject
    public LiveOrganisationSettings(OrganisationsConfig config, OrganisationSettingsDocuments documents) {
        this(Path.of(config.dir()), documents);
    }

    LiveOrganisationSettings(Path directory, OrganisationSettingsDocuments documents) {
        this.directory = directory;
        this.builder = new TextOrganisationSettingsBuilder(directory.toString());
        this.live = new LiveDocuments<>("Organisation settings", documents, builder::catalog);
    }

    /** Seeds the database from the files, so a wrong file stops start-up rather than the first dispatch. */
    void onStart(@Observes StartupEvent event) {
        seed();
    }

    synchronized OrganisationSettingsCatalog seed() {
        try {
            return live.seed(OrganisationSettingsCatalog.readTexts(directory), builder::fileOf);
        } catch (PolicyConfigurationException e) {
            LOG.error(e.getMessage());
            throw e;
        }
    }

    /** The checks the console and the admin API run on a text before it is saved: the start-up reader's. */
    @Produces
    @ApplicationScoped
    OrganisationSettingsBuilder settingsBuilder() {
        return builder;
    }

    @Override
    public SendRules rulesFor(OrganisationKey organisation, ZoneId zone, String country) {
        return catalog().rulesFor(organisation, zone, country);
    }

    private OrganisationSettingsCatalog catalog() {
        try {
            return live.current();
        } catch (IllegalStateException notSeededYet) {
            // Asked before the start-up event (a bean made early): seed now, as start-up would.
            return seed();
        }
    }
}
