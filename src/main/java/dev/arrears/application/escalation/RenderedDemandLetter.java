package dev.arrears.application.escalation;

import java.util.Objects;

/** A demand letter and its text, ready to send or attach. */
public record RenderedDemandLetter(DemandLetter letter, String text) {
    public RenderedDemandLetter {
        Objects.requireNonNull(letter, "letter");
        Objects.requireNonNull(text, "text");
    }
}
