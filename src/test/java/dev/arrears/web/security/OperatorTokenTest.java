package dev.arrears.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperatorTokenTest {

    @Test
    void withoutAConfiguredTokenNothingMatches() {
        OperatorToken token = OperatorToken.from(Optional.empty());
        assertThat(token.isConfigured()).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches("anything-at-all-long-enough-to-pass")).isFalse();
    }

    @Test
    void aShortTokenStopsStartUpWithAnInstruction() {
        assertThatThrownBy(() -> OperatorToken.from(Optional.of("secret")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ARREARS_OPERATOR_TOKEN")
                .hasMessageContaining("at least 24")
                .hasMessageNotContaining("secret\"");
    }

    @Test
    void matchesOnlyTheExactToken() {
        OperatorToken token = OperatorToken.from(Optional.of("correct-horse-battery-staple-42"));
        assertThat(token.matches("correct-horse-battery-staple-42")).isTrue();
        assertThat(token.matches("correct-horse-battery-staple-43")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }

    @Test
    void neverShowsTheTokenInItsDescription() {
        OperatorToken token = OperatorToken.from(Optional.of("correct-horse-battery-staple-42"));
        assertThat(token.toString()).doesNotContain("horse");
    }
}
