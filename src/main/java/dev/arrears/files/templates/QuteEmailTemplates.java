package dev.arrears.files.templates;

import dev.arrears.application.email.EmailTemplates;
import dev.arrears.application.email.ReminderEmail;
import dev.arrears.application.email.RenderedEmail;
import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.Variant;
import io.quarkus.qute.TemplateLocator.TemplateLocation;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The email wordings in {@code <templates>/email/<language>/}: for each reminder template
 * {@code <name>.subject.txt}, {@code <name>.txt} and {@code <name>.html}. Every file is parsed when
 * the daemon starts (a broken one stops it, naming the file); rendering is strict. The HTML part is
 * parsed as {@code text/html}, so every value in it is escaped: a customer named
 * {@code <script>} in the ledger prints as text. What every stage says alike (fees, pay link,
 * sign-off) lives once per language in {@code _closing.txt} and {@code _closing.html}, which a
 * wording takes in with {@code {#include _closing.html /}}; an included {@code .html} part is escaped
 * like the page that includes it.
 */
public final class QuteEmailTemplates implements EmailTemplates {

    static final String FOLDER = "email";
    private static final Locale FALLBACK = Locale.ENGLISH;

    private final Path root;
    /** By language tag, then template name. */
    private final Map<String, Map<String, Parts>> templates;

    private record Parts(Template subject, Template text, Template html) {
    }

    public QuteEmailTemplates(Path templatesDirectory) {
        this(templatesDirectory, TemplateTexts.read(templatesDirectory));
    }

    /**
     * @param templatesDirectory how messages name the folder ({@code config/templates})
     * @param texts              every template's text by its path under that folder ({@code email/en/friendly.txt}),
     *                           wherever it is kept (the files, or the database they seeded)
     */
    public QuteEmailTemplates(Path templatesDirectory, Map<String, String> texts) {
        this.root = templatesDirectory.resolve(FOLDER);
        Map<String, Map<String, String>> byLanguage = new TreeMap<>();
        texts.forEach((name, text) -> {
            String[] parts = name.split("/");
            if (parts.length == 3 && parts[0].equals(FOLDER)) {
                byLanguage.computeIfAbsent(parts[1], l -> new TreeMap<>()).put(parts[2], text);
            }
        });
        Map<String, Map<String, Parts>> all = new TreeMap<>();
        byLanguage.forEach((language, files) -> {
            Path languageDir = root.resolve(language);
            Engine engine = engineFor(files);
            Map<String, Parts> byName = new TreeMap<>();
            for (String file : files.keySet().stream().filter(f -> f.endsWith(".subject.txt")).toList()) {
                String name = file.substring(0, file.length() - ".subject.txt".length());
                byName.put(name, new Parts(parse(engine, files, languageDir, file, Variant.TEXT_PLAIN),
                        parse(engine, files, languageDir, name + ".txt", Variant.TEXT_PLAIN),
                        parse(engine, files, languageDir, name + ".html", Variant.TEXT_HTML)));
            }
            all.put(language, Map.copyOf(byName));
        });
        this.templates = Map.copyOf(all);
    }

    @Override
    public Locale languageFor(String template, Locale wanted) {
        for (Locale candidate : List.of(wanted, Locale.forLanguageTag(wanted.getLanguage()), FALLBACK)) {
            String tag = candidate.toLanguageTag();
            if (templates.getOrDefault(tag, Map.of()).containsKey(template)) {
                return candidate;
            }
        }
        throw new IllegalStateException("reminder template '" + template + "' has no email wording in " + root
                + ": add " + FALLBACK.toLanguageTag() + "/" + template + ".subject.txt, .txt and .html there");
    }

    @Override
    public RenderedEmail render(String template, Locale language, ReminderEmail email) {
        Locale chosen = languageFor(template, language);
        Parts parts = templates.get(chosen.toLanguageTag()).get(template);
        String where = root.resolve(chosen.toLanguageTag()).resolve(template).toString();
        // A subject is one line: a line break in a value (a customer name) must not end the header.
        String subject = render(parts.subject(), email, where + ".subject.txt").replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return new RenderedEmail(subject, render(parts.text(), email, where + ".txt"), render(parts.html(), email, where + ".html"));
    }

    private static String render(Template template, ReminderEmail email, String file) {
        try {
            var instance = template.instance();
            for (var component : ReminderEmail.class.getRecordComponents()) {
                instance.data(component.getName(), component.getAccessor().invoke(email));
            }
            return instance.render();
        } catch (TemplateException e) {
            throw new IllegalStateException("email template " + file + " cannot be rendered: " + e.getMessage(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the reminder email model", e);
        }
    }

    private static Template parse(Engine engine, Map<String, String> files, Path languageDir, String name, String contentType) {
        Path file = languageDir.resolve(name);
        String text = files.get(name);
        if (text == null) {
            throw new IllegalStateException("email template " + file + " is missing: each reminder's email needs "
                    + "<name>.subject.txt, <name>.txt and <name>.html in the same folder");
        }
        try {
            return engine.parse(text, Variant.forContentType(contentType), file.toString());
        } catch (TemplateException e) {
            throw new IllegalStateException("email template " + file + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** An engine whose {@code {#include name /}} reads {@code name} from the language's own folder. */
    private static Engine engineFor(Map<String, String> files) {
        return Engine.builder()
                .addDefaults()
                .addValueResolver(new ReflectionValueResolver())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
                .addLocator(id -> part(files, id))
                .strictRendering(true)
                .build();
    }

    private static Optional<TemplateLocation> part(Map<String, String> files, String id) {
        String text = files.get(id);
        if (text == null) {
            return Optional.empty();
        }
        Variant variant = Variant.forContentType(id.endsWith(".html") ? Variant.TEXT_HTML : Variant.TEXT_PLAIN);
        return Optional.of(new TemplateLocation() {
            @Override
            public Reader read() {
                return new StringReader(text);
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(variant);
            }
        });
    }
}
