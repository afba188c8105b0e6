package dev.arrears.files.policy;

import dev.arrears.application.SendRulesRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/** Loads config/organisations at start-up (a wrong file stops it) and offers the send rules port. */
@ApplicationScoped
public class OrganisationSettingsStartup {

    private static final Logger LOG = Logger.getLogger(OrganisationSettingsStartup.class);

    /** Typed to the catalog alone, so that the port below is the one SendRulesRepository bean. */
    @Produces
    @Singleton
    @Typed(OrganisationSettingsCatalog.class)
    OrganisationSettingsCatalog catalog(OrganisationsConfig config) {
        try {
            return OrganisationSettingsCatalog.load(Path.of(config.dir()));
        } catch (PolicyConfigurationException e) {
            LOG.error(e.getMessage());
            throw e;
        }
    }

    @Produces
    @Singleton
    SendRulesRepository sendRules(OrganisationSettingsCatalog catalog) {
        return catalog;
    }

    void onStart(@Observes StartupEvent event, OrganisationSettingsCatalog catalog) {
        catalog.getClass(); // made here, so a wrong file stops start-up rather than the first dispatch
    }
}
