package dev.arrears.files.templates;

import dev.arrears.application.email.EmailTemplates;
import dev.arrears.application.escalation.DocumentRenderer;
import dev.arrears.application.escalation.EscalationDocuments;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * Makes the renderer and the escalation use case injectable, and parses every template at start-up
 * so that a template with broken syntax stops the daemon with the file's name instead of failing
 * on the day a final notice is due.
 */
@ApplicationScoped
public class TemplatesProducer {

    @Produces
    @Singleton
    DocumentRenderer documentRenderer(TemplatesConfig config) {
        return new QuteDocumentRenderer(TemplateDirectory.at(Path.of(config.dir())));
    }

    @Produces
    @Singleton
    EmailTemplates emailTemplates(TemplatesConfig config) {
        return new QuteEmailTemplates(Path.of(config.dir()));
    }

    @Produces
    @Singleton
    EscalationDocuments escalationDocuments(DocumentRenderer renderer) {
        return new EscalationDocuments(renderer);
    }

    void onStart(@Observes StartupEvent event, DocumentRenderer renderer, EmailTemplates emails) {
        // Injecting them is enough: the singletons are made, and every template parsed, here.
        renderer.getClass();
        emails.getClass();
    }
}
