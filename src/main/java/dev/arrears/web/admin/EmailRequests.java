package dev.arrears.web.admin;

import dev.arrears.application.email.Mailbox;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reading addresses and languages from admin requests, with errors that name the field. */
final class EmailRequests {

    private EmailRequests() {
    }

    static Mailbox mailbox(String field, String text) {
        try {
            return Mailbox.parse(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    static List<Mailbox> mailboxes(String field, List<String> texts) {
        return texts == null ? List.of() : texts.stream().map(t -> mailbox(field, t)).toList();
    }

    /** Empty for no tag; a tag that names no language is refused. */
    static Optional<Locale> language(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return Optional.of(locale);
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException("language must be a language tag such as en or de, was '" + tag + "'", e);
        }
    }
}
