package dev.arrears.domain.dunning;

import static dev.arrears.domain.testing.TestInvoices.DUE;
import static dev.arrears.domain.testing.TestInvoices.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.domain.policy.ActionSpec;
import dev.arrears.domain.policy.LateFeeRule;
import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.policy.Stage;
import dev.arrears.domain.policy.StableKey;
import dev.arrears.domain.testing.DailyRun;
import dev.arrears.domain.testing.TestRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Distinct stages and fee rules always give distinct action keys, whatever script their names are written in: a
 * policy either loads with every stage's actions and every rule's fees under their own keys, or is refused because two
 * names give one key (names alike but for case, spaces and punctuation), never runs with two stages sharing actions.
 */
class ActionKeyProperties {

    @Property(tries = 300)
    void distinctStagesAndFeeRulesAlwaysGiveDistinctActionKeys(@ForAll("stageNames") List<String> names) {
        List<Stage> stages = new ArrayList<>();
        List<LateFeeRule> rules = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String ruleId = "fee-" + i;
            LateFeeRule fixed = TestRules.fixed("10.00", "GBP").build();
            rules.add(new LateFeeRule(ruleId, fixed.computation(), 0, Optional.empty(), fixed.caps(), fixed.rounding()));
            stages.add(new Stage(names.get(i), i + 1, List.of(), List.of(new ActionSpec.SendReminder("t"),
                    new ActionSpec.ChargeLateFee(ruleId)), Optional.empty()));
        }
        Set<String> slugs = new HashSet<>();
        boolean namesFoldAlike = !names.stream().map(StableKey::slug).filter(s -> !s.isEmpty()).allMatch(slugs::add);
        Policy policy;
        try {
            policy = new Policy("p", "v1", "test", stages, rules);
        } catch (IllegalArgumentException refused) {
            assertThat(namesFoldAlike).as("refused only for names alike but for case, spaces and punctuation: " + refused.getMessage()).isTrue();
            return;
        }

        // One decision a day, so every stage is entered and every rule charged.
        DailyRun run = DailyRun.of(policy, invoice().build());
        run.daily(DUE, DUE.plusDays(names.size()));
        List<String> keys = run.decisions().values().stream().flatMap(d -> d.actions().stream()).map(a -> a.key().value()).toList();

        assertThat(keys).hasSize(2 * names.size()).doesNotHaveDuplicates().allMatch(k -> k.length() <= 200);
    }

    @Provide
    Arbitrary<List<String>> stageNames() {
        Arbitrary<String> latin = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withChars(' ', '-', '!')
                .ofMinLength(1).ofMaxLength(120);
        Arbitrary<String> cjk = Arbitraries.strings().withCharRange('\u4e00', '\u4fff').withCharRange('\u3041', '\u3096')
                .ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> arabic = Arbitraries.strings().withCharRange('\u0621', '\u064a').withChars(' ').ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> emoji = Arbitraries.of("🔔", "⏰", "💶", "📨", "🚨", "✅").list().ofMinSize(1).ofMaxSize(4)
                .map(parts -> String.join("", parts));
        Arbitrary<String> mixed = Arbitraries.oneOf(latin, cjk).list().ofMinSize(2).ofMaxSize(3).map(parts -> String.join(" ", parts));
        Arbitrary<String> name = Arbitraries.oneOf(latin, cjk, arabic, emoji, mixed)
                // Whitespace variants: an ideographic space, a tab or a no-break space inside or around the name.
                .flatMap(n -> Arbitraries.of(n, n + "\u3000" + n, "\t" + n, n.replace(' ', '\u00a0')))
                .map(String::strip)
                .filter(n -> !n.isBlank());
        return name.list().ofMinSize(1).ofMaxSize(6).uniqueElements();
    }
}
