package dev.arrears.application.email;

import java.util.Objects;

/** A reminder's words in its three parts. */
public record RenderedEmail(String subject, String text, String html) {
    public RenderedEmail {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }
}
