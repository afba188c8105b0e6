package dev.arrears.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/** The hand-written slug is the regular-expression slug that stored action keys were made with, for any text. */
class StableKeyProperties {

    @Property(tries = 2000)
    void slug_is_the_regular_expression_slug(@ForAll @StringLength(max = 40)
                                             @CharRange(from = ' ', to = '~') @Chars({'İ', 'K', 'é', '通', '\t', 'ß'})
                                             String text) {
        assertThat(StableKey.slug(text)).isEqualTo(byRegex(text));
    }

    @Property(tries = 1000)
    void slug_of_any_unicode_text_is_the_regular_expression_slug(@ForAll @StringLength(max = 30) String text) {
        assertThat(StableKey.slug(text)).isEqualTo(byRegex(text));
    }

    private static String byRegex(String text) {
        return text.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
