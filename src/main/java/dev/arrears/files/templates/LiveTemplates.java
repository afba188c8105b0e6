package dev.arrears.files.templates;

import dev.arrears.application.email.EmailTemplates;
import dev.arrears.application.email.ReminderEmail;
import dev.arrears.application.email.RenderedEmail;
import dev.arrears.application.escalation.CaseFile;
import dev.arrears.application.escalation.DemandLetter;
import dev.arrears.application.escalation.DocumentRenderer;
import dev.arrears.application.escalation.ReminderMessage;
import dev.arrears.application.policy.ConfigProblem;
import dev.arrears.application.policy.TemplateBuilder;
import dev.arrears.application.policy.TemplateDocuments;
import dev.arrears.files.policy.LiveDocuments;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message templates (email wordings, reminder texts, demand letter and case file), kept in
 * PostgreSQL as versions per name and language and seeded at start-up from every file of
 * {@code config/templates} (a template that does not parse stops start-up, naming the file and line).
 * Rendering uses the latest saved set: a template saved in the console or imported is used from the
 * next cycle without a restart.
 */
public final class LiveTemplates implements EmailTemplates, DocumentRenderer, TemplateBuilder {

    /** Qute names the line of a syntax error "[file:3]" (or "line 3"). */
    private static final Pattern LINE = Pattern.compile("\\[[^\\]]*:(\\d+)\\]|line (\\d+)");

    private final Path directory;
    private final LiveDocuments<Built> live;

    /** Both renderers of one set of texts. */
    private record Built(QuteEmailTemplates emails, QuteDocumentRenderer documents) {
    }

    LiveTemplates(Path directory, TemplateDocuments documents) {
        this.directory = directory;
        this.live = new LiveDocuments<>("Message templates", documents, this::build);
    }

    /** Parses every file (a broken one throws), keeps each changed one as its next version, and builds the latest saved set. */
    LiveTemplates seed() {
        live.seed(TemplateTexts.read(directory), this::fileOf);
        return this;
    }

    private Built build(Map<String, String> texts) {
        return new Built(new QuteEmailTemplates(directory, texts), new QuteDocumentRenderer(TemplateDirectory.of(directory, texts)));
    }

    @Override
    public RenderedEmail render(String template, Locale language, ReminderEmail email) {
        return live.current().emails().render(template, language, email);
    }

    @Override
    public Locale languageFor(String template, Locale wanted) {
        return live.current().emails().languageFor(template, wanted);
    }

    @Override
    public String demandLetter(DemandLetter letter) {
        return live.current().documents().demandLetter(letter);
    }

    @Override
    public String caseFileText(CaseFile caseFile) {
        return live.current().documents().caseFileText(caseFile);
    }

    @Override
    public String caseFileJson(CaseFile caseFile) {
        return live.current().documents().caseFileJson(caseFile);
    }

    @Override
    public String reminder(String template, ReminderMessage message) {
        return live.current().documents().reminder(template, message);
    }

    @Override
    public List<ConfigProblem> problems(Map<String, String> texts) {
        try {
            build(texts);
            return List.of();
        } catch (IllegalStateException e) {
            return List.of(problem(e.getMessage()));
        }
    }

    /** "email template config/templates/email/en/x.txt cannot be used: ... line 3 ...": the file, and the line as the field. */
    private ConfigProblem problem(String message) {
        String root = directory.toString() + "/";
        int at = message.indexOf(root);
        String file = directory.toString();
        if (at >= 0) {
            int end = message.indexOf(' ', at);
            file = message.substring(at, end < 0 ? message.length() : end);
        }
        Matcher line = LINE.matcher(message);
        String field = line.find() ? "line " + (line.group(1) != null ? line.group(1) : line.group(2)) : "";
        return new ConfigProblem(file, field, message);
    }

    @Override
    public RenderedEmail render(Map<String, String> texts, String template, Locale language, ReminderEmail model) {
        QuteEmailTemplates emails = build(texts).emails();
        return emails.render(template, emails.languageFor(template, language), model);
    }

    @Override
    public String fileOf(String name) {
        return directory.resolve(name).toString();
    }

    @Override
    public boolean usableName(String name) {
        return TemplateTexts.usableName(name);
    }

    @Override
    public String hashOf(String content) {
        return LiveDocuments.hashOf(content);
    }
}
