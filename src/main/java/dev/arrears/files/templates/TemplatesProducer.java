package dev.arrears.files.templates;

import dev.arrears.application.email.EmailTemplates;
import dev.arrears.application.escalation.DocumentRenderer;
import dev.arrears.application.escalation.EscalationDocuments;
import dev.arrears.application.policy.TemplateBuilder;
import dev.arrears.application.policy.TemplateDocuments;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * Makes the templates injectable, and seeds them at start-up: every file of the templates folder is
 * parsed, so that a template with broken syntax stops the daemon with the file's name instead of
 * failing on the day a final notice is due, then kept as a version in the database ({@link LiveTemplates}).
 */
@ApplicationScoped
public class TemplatesProducer {

    @Produces
    @Singleton
    @Typed(LiveTemplates.class)
    LiveTemplates liveTemplates(TemplatesConfig config, TemplateDocuments documents) {
        return new LiveTemplates(Path.of(config.dir()), documents).seed();
    }

    @Produces
    @Singleton
    DocumentRenderer documentRenderer(LiveTemplates templates) {
        return templates;
    }

    @Produces
    @Singleton
    EmailTemplates emailTemplates(LiveTemplates templates) {
        return templates;
    }

    @Produces
    @Singleton
    TemplateBuilder templateBuilder(LiveTemplates templates) {
        return templates;
    }

    @Produces
    @Singleton
    EscalationDocuments escalationDocuments(DocumentRenderer renderer) {
        return new EscalationDocuments(renderer);
    }

    void onStart(@Observes StartupEvent event, LiveTemplates templates) {
        // Injecting it is enough: the singleton is made, and every template parsed and seeded, here.
        templates.getClass();
    }
}
