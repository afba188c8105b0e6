package dev.arrears.application.policy;

import dev.arrears.application.email.ReminderEmail;
import dev.arrears.application.email.RenderedEmail;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Port: checks a set of message templates exactly as start-up parses the files of
 * {@code config/templates} (a Qute syntax error named by file and line), and renders an email from a
 * set that is not saved yet, for a preview.
 */
public interface TemplateBuilder {

    /**
     * Every problem of the whole set, as start-up names them; empty when every template parses.
     *
     * @param texts every template's text by its path under the folder ({@code email/en/friendly.subject.txt})
     */
    List<ConfigProblem> problems(Map<String, String> texts);

    /**
     * The email {@code template} writes from {@code model} under the set {@code texts}.
     *
     * @throws IllegalStateException naming the file when it cannot be rendered
     */
    RenderedEmail render(Map<String, String> texts, String template, Locale language, ReminderEmail model);

    /** How problems name a template: the folder and its name ({@code config/templates/email/en/friendly.txt}). */
    String fileOf(String name);

    /** Whether a template may have this name (up to two folders and a file; no {@code ..}). */
    boolean usableName(String name);

    /** The hash a version is known by (as for policies). */
    String hashOf(String content);
}
