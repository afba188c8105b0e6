package dev.arrears.files.templates;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.arrears.application.escalation.CaseFile;
import dev.arrears.application.escalation.DemandLetter;
import dev.arrears.application.escalation.DocumentRenderer;
import dev.arrears.application.escalation.ReminderMessage;
import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Renders the accountants' templates with Qute. Each template is parsed once, when the renderer is
 * made, so a syntax error stops start-up naming the file; rendering is strict, so a misspelt value
 * ({invoice.numbr}) fails loudly instead of printing a placeholder into a customer's letter.
 */
public final class QuteDocumentRenderer implements DocumentRenderer {

    private final TemplateDirectory directory;
    private final Map<String, Template> templates;
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    public QuteDocumentRenderer(TemplateDirectory directory) {
        this.directory = directory;
        Engine engine = Engine.builder()
                .addDefaults()
                // Records and their accessors ({invoice.number}) without code generation: templates are read at run time.
                .addValueResolver(new ReflectionValueResolver())
                // An absent optional value prints as nothing, not "Optional.empty".
                .addResultMapper(new OptionalResultMapper())
                .strictRendering(true)
                .build();
        Map<String, Template> parsed = new TreeMap<>();
        for (String name : names(directory)) {
            try {
                parsed.put(name, engine.parse(directory.read(name), null, name));
            } catch (TemplateException e) {
                throw new IllegalStateException("template " + directory.file(name) + " cannot be used: " + e.getMessage(), e);
            }
        }
        this.templates = Map.copyOf(parsed);
    }

    private static java.util.Set<String> names(TemplateDirectory directory) {
        java.util.Set<String> all = new java.util.TreeSet<>(directory.reminderNames());
        all.addAll(directory.documentNames());
        return all;
    }

    @Override
    public String demandLetter(DemandLetter letter) {
        return render(TemplateDirectory.DEMAND_LETTER, letter);
    }

    @Override
    public String caseFileText(CaseFile caseFile) {
        return render(TemplateDirectory.CASE_FILE, caseFile);
    }

    @Override
    public String caseFileJson(CaseFile caseFile) {
        try {
            return json.writeValueAsString(caseFile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the case file of customer " + caseFile.customer().id() + " cannot be written as JSON", e);
        }
    }

    @Override
    public String reminder(String template, ReminderMessage message) {
        if (TemplateDirectory.DOCUMENTS.contains(template)) {
            throw new IllegalArgumentException("'" + template + "' is a document template, not a reminder wording");
        }
        return render(template, message);
    }

    /** The record's accessors become the template's top-level names: {customer.name}, {invoices}. */
    private String render(String name, Record model) {
        Template template = Optional.ofNullable(templates.get(name)).orElseThrow(() -> new IllegalStateException(
                "there is no template '" + name + "' in " + directory.directory() + "; known: " + String.join(", ", templates.keySet())));
        try {
            var instance = template.instance();
            for (var component : model.getClass().getRecordComponents()) {
                instance.data(component.getName(), component.getAccessor().invoke(model));
            }
            return instance.render();
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + directory.directory().resolve(name + TemplateDirectory.EXTENSION)
                    + " cannot be rendered: " + e.getMessage(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the model " + model.getClass().getSimpleName(), e);
        }
    }
}
