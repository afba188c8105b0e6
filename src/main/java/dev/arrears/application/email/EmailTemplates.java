package dev.arrears.application.email;

import java.util.Locale;

/**
 * Port: the email wording of every reminder template (subject, plain text, HTML), per language.
 * Reminders are worded in the customer's language when a translation exists, else in the
 * organisation's, else in English.
 */
public interface EmailTemplates {

    /**
     * @param language the wanted language; the nearest one the template has is used
     * @throws IllegalStateException when the template has no email wording at all, or fails to render
     */
    RenderedEmail render(String template, Locale language, ReminderEmail email);

    /** The language {@link #render} would use. */
    Locale languageFor(String template, Locale wanted);
}
