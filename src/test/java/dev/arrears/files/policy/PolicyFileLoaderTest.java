package dev.arrears.files.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.domain.policy.ActionSpec;
import dev.arrears.domain.policy.FeeCaps;
import dev.arrears.domain.policy.FeeComputation;
import dev.arrears.domain.policy.LateFeeRule;
import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.policy.Stage;
import dev.arrears.domain.policy.StageCondition;
import dev.arrears.domain.policy.StableKey;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileLoaderTest {

    private static final Currency GBP = Currency.getInstance("GBP");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");

    @TempDir
    Path dir;

    private final PolicyFileLoader loader = new PolicyFileLoader();

    @Test
    void shippedDefaultPolicyLoads() {
        Policy policy = loader.load(Path.of("config/policies/default.yaml"));

        assertThat(policy.id()).isEqualTo("default");
        assertThat(policy.source()).isEqualTo("config/policies/default.yaml");
        assertThat(policy.version()).matches("[0-9a-f]{16}");
        assertThat(policy.stages()).extracting(Stage::name).containsExactly(
                "Friendly heads-up", "Overdue notice", "Firmer reminder", "Final notice", "Hand to a person");
        assertThat(policy.stages()).extracting(Stage::dayOffset).containsExactly(-3, 1, 7, 14, 30);
        assertThat(policy.stage("Final notice").orElseThrow().actions())
                .contains(new ActionSpec.SendReminder("final"), new ActionSpec.ChargeLateFee("late-fee"));
        assertThat(policy.stage("Hand to a person").orElseThrow().actions())
                .singleElement().isInstanceOf(ActionSpec.FlagForPerson.class);
        LateFeeRule fee = policy.feeRule("late-fee").orElseThrow();
        assertThat(((FeeComputation.FixedAmount) fee.computation()).amounts())
                .containsEntry(GBP, new BigDecimal("40.00")).containsEntry(EUR, new BigDecimal("40.00"));
        assertThat(fee.repeatEveryDays()).isEmpty();
        assertThat(fee.caps()).isEqualTo(FeeCaps.NONE);
    }

    @Test
    void readsEveryFieldOfTheFormat() throws IOException {
        Path file = write("full.yaml", """
                id: strict-uk
                description: Everything the format can say.
                fee_rules:
                  - id: compensation
                    fixed: { GBP: 40.00, JPY: 5000 }
                  - id: admin-charge
                    percent_of_principal: 2.5
                    grace_days: 7
                    repeat_every_days: 30
                    caps: { max_count: 3, max_total: { GBP: 150.00 }, max_percent_of_principal: 10 }
                    rounding: half_even
                  - id: statutory-interest
                    daily_interest: { annual_rate_percent: 12.75, day_count: 365 }
                    repeat_every_days: 30
                    rounding: down
                stages:
                  - name: Heads-up
                    day: -3
                    when: { min_amount_due: 10.00 }
                    actions:
                      - reminder: friendly
                  - name: Final
                    day: 14
                    when: { min_amount_due: { GBP: 100, JPY: 15000 } }
                    review_after_days: 7
                    actions:
                      - late_fee: compensation
                      - late_fee: statutory-interest
                      - note: "Fee charged: see terms."
                      - flag: call them
                """);

        Policy policy = loader.load(file);

        assertThat(policy.feeRules()).extracting(LateFeeRule::id)
                .containsExactly("compensation", "admin-charge", "statutory-interest");
        LateFeeRule compensation = policy.feeRule("compensation").orElseThrow();
        assertThat(compensation.graceDays()).isZero();
        assertThat(compensation.rounding()).isEqualTo(RoundingMode.HALF_UP);
        assertThat(((FeeComputation.FixedAmount) compensation.computation()).amounts()).containsEntry(JPY, new BigDecimal("5000"));

        LateFeeRule admin = policy.feeRule("admin-charge").orElseThrow();
        assertThat(admin.computation()).isEqualTo(new FeeComputation.PercentOfPrincipal(new BigDecimal("2.5")));
        assertThat(admin.graceDays()).isEqualTo(7);
        assertThat(admin.repeatEveryDays()).contains(30);
        assertThat(admin.caps()).isEqualTo(new FeeCaps(Optional.of(3), Map.of(GBP, new BigDecimal("150.00")),
                Optional.of(BigDecimal.TEN)));
        assertThat(admin.rounding()).isEqualTo(RoundingMode.HALF_EVEN);

        FeeComputation.SimpleDailyInterest interest = (FeeComputation.SimpleDailyInterest)
                policy.feeRule("statutory-interest").orElseThrow().computation();
        assertThat(interest.annualRatePercent()).isEqualByComparingTo("12.75");
        assertThat(interest.dayCountBasis()).isEqualTo(365);

        Stage headsUp = policy.stages().getFirst();
        assertThat(headsUp.conditions()).containsExactly(
                new StageCondition.MinimumAmountDue(new BigDecimal("10.00"), Optional.empty()));
        Stage last = policy.stages().get(1);
        assertThat(last.conditions()).containsExactlyInAnyOrder(
                new StageCondition.MinimumAmountDue(new BigDecimal("100"), Optional.of(GBP)),
                new StageCondition.MinimumAmountDue(new BigDecimal("15000"), Optional.of(JPY)));
        assertThat(last.reviewAfterDays()).contains(7);
        assertThat(last.actions()).containsExactly(new ActionSpec.ChargeLateFee("compensation"),
                new ActionSpec.ChargeLateFee("statutory-interest"), new ActionSpec.AddNote("Fee charged: see terms."),
                new ActionSpec.FlagForPerson("call them"));
    }

    @Test
    void versionIsTheHashOfTheBytesSoAnyEditChangesIt() throws IOException {
        String text = Files.readString(Path.of("config/policies/default.yaml"));
        Policy original = loader.load(write("a.yaml", text));
        Policy same = loader.load(write("b.yaml", text));
        Policy edited = loader.load(write("c.yaml", text + "\n# a comment\n"));

        assertThat(same.version()).isEqualTo(original.version());
        assertThat(edited.version()).isNotEqualTo(original.version());
    }

    @Test
    void reportsEveryProblemOfAFileTogetherWithFileFieldAndWhatIsAllowed() throws IOException {
        Path file = write("broken.yaml", """
                id: broken
                fee_rules:
                  - id: late-fee
                    fixed: { GBP: 40.00 }
                    percent_of_principal: 2
                    grace_dayz: 3
                  - id: late-fee
                    fixed: { XYZ: 10, JPY: 10.5 }
                    grace_days: -1
                    rounding: bankers
                stages:
                  - name: Overdue
                    day: 7
                    actions:
                      - reminder: overdue
                  - name: Earlier
                    day: 3
                    actions: []
                  - name: Final
                    day: fourteen
                    actions:
                      - late_fee: late-fe
                      - sms: hello
                """);

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(PolicyConfigurationException.class, e -> {
                    assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(file.toString()));
                    assertThat(e.problems()).extracting(PolicyProblem::field).contains(
                            "fee_rules[0]", "fee_rules[0].grace_dayz", "fee_rules[1].id", "fee_rules[1].fixed.XYZ",
                            "fee_rules[1].fixed.JPY", "fee_rules[1].grace_days", "fee_rules[1].rounding",
                            "stages[1].day", "stages[1].actions", "stages[2].day", "stages[2].actions[0].late_fee", "stages[2].actions[1].sms");
                    assertThat(e.getMessage())
                            .contains(file + ": fee_rules[0]: has more than one computation (fixed and percent_of_principal); "
                                    + "expected exactly one of: fixed, percent_of_principal, daily_interest")
                            .contains(file + ": fee_rules[0].grace_dayz: unknown field; did you mean 'grace_days'?")
                            .contains(file + ": fee_rules[1].id: 'late-fee' is already the id of fee_rules[0]")
                            .contains(file + ": fee_rules[1].fixed.XYZ: 'XYZ' is not an ISO 4217 currency code")
                            .contains(file + ": fee_rules[1].fixed.JPY: 10.5 has more decimals than JPY allows (0)")
                            .contains(file + ": fee_rules[1].grace_days: must be 0 or more, got -1")
                            .contains(file + ": fee_rules[1].rounding: 'bankers' is not a rounding; expected one of: half_up, half_even, half_down, up, down")
                            .contains(file + ": stages[1].actions: a stage needs at least one action; expected a list of actions, each one of: reminder, note, late_fee, flag")
                            .contains(file + ": stages[2].day: expected a whole number such as -3 (before the due date) or 14 (after it), got 'fourteen'")
                            .contains(file + ": stages[2].actions[0].late_fee: 'late-fe' is not a fee rule of this policy; expected one of: late-fee")
                            .contains(file + ": stages[2].actions[1].sms: unknown action; expected one of: reminder, note, late_fee, flag");
                });
    }

    @Test
    void stagesMustBeListedFromEarliestToLatest() throws IOException {
        Path file = write("order.yaml", """
                id: order
                stages:
                  - { name: Later, day: 7, actions: [ { reminder: firm } ] }
                  - { name: Sooner, day: 3, actions: [ { reminder: overdue } ] }
                  - { name: later!, day: 9, actions: [ { reminder: firm } ] }
                """);

        assertThatThrownBy(() -> loader.load(file)).hasMessageContaining(
                "stages[1].day: 3 must be later than day 7 of stages[0]; expected stages listed from the earliest day to the latest")
                .hasMessageContaining("stages[2].name: 'later!' gives the same key 'later' as stages[0]");
    }

    /** The reproduction: a Japanese ladder's final reminder got its first reminder's key and was never sent. */
    @Test
    void aJapaneseLadderLoadsAndEachStageGetsItsOwnKey() throws IOException {
        Path file = write("japan.yaml", """
                id: japan
                fee_rules:
                  - { id: late-fee, key: entai-kin, fixed: { JPY: 3000 } }
                stages:
                  - { name: 最初のお知らせ, day: 1, actions: [ { reminder: overdue } ] }
                  - { name: 最終通知, day: 14, actions: [ { reminder: final }, { late_fee: late-fee } ] }
                  - { name: 担当者へ, key: tantousha, day: 30, actions: [ { flag: call them } ] }
                """);

        Policy policy = loader.load(file);

        assertThat(policy.stages()).extracting(Stage::key).doesNotHaveDuplicates()
                .containsExactly(StableKey.defaultFor("最初のお知らせ"), StableKey.defaultFor("最終通知"), "tantousha")
                .allMatch(key -> key.matches("x-[0-9a-f]{8}|tantousha"));
        assertThat(policy.feeRules()).extracting(LateFeeRule::key).containsExactly("entai-kin");
    }

    @Test
    void emptyDuplicateAndOverLongKeysAreRefusedWithFileAndField() throws IOException {
        Path file = write("keys.yaml", """
                id: keys
                fee_rules:
                  - { id: fee-a, fixed: { GBP: 10 } }
                  - { id: fee-b, key: fee-a, fixed: { GBP: 20 } }
                stages:
                  - { name: Final notice, day: 1, actions: [ { reminder: final } ] }
                  - { name: final-notice, day: 2, actions: [ { reminder: final } ] }
                  - { name: Third, key: "", day: 3, actions: [ { reminder: final } ] }
                  - { name: Fourth, key: %s, day: 4, actions: [ { reminder: final } ] }
                  - { name: Fifth, key: Fifth Stage, day: 5, actions: [ { reminder: final } ] }
                  - { name: Sixth, key: final-notice, day: 6, actions: [ { reminder: final } ] }
                """.formatted("k".repeat(81)));

        assertThatThrownBy(() -> loader.load(file)).hasMessageContaining(file + ": fee_rules[1].key: 'fee-a' is already the key of fee_rules[0]")
                .hasMessageContaining(file + ": stages[1].name: 'final-notice' gives the same key 'final-notice' as stages[0]")
                .hasMessageContaining(file + ": stages[2].key: must not be empty")
                .hasMessageContaining(file + ": stages[3].key: has 81 characters, more than 80")
                .hasMessageContaining(file + ": stages[4].key: 'Fifth Stage' has characters other than lower-case letters a-z, digits and single hyphens")
                .hasMessageContaining(file + ": stages[5].key: 'final-notice' is already the key of stages[0]");
    }

    @Test
    void missingRequiredFieldsAndWrongShapesAreNamed() throws IOException {
        Path file = write("shapes.yaml", """
                description: no id here
                fee_rules:
                  - id: nothing
                  - id: Bad Id
                    daily_interest: { annual_rate_percent: 0, day_count: 366 }
                    caps: { max_count: 0, max_percent_of_principal: 150 }
                stages:
                  - day: 1
                    when: { min_amount_due: -5 }
                    actions: reminder
                  - name: Two at once
                    day: 2
                    review_after_days: 0
                    actions:
                      - { reminder: friendly, note: hi }
                      - flag: ""
                """);

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(PolicyConfigurationException.class, e -> assertThat(e.problems())
                        .extracting(PolicyProblem::toString).contains(
                                file + ": id: is required; expected text",
                                file + ": fee_rules[0]: says nothing about how to compute the fee; expected exactly one of: fixed, percent_of_principal, daily_interest, statutory_interest, statutory_compensation",
                                file + ": fee_rules[1].id: 'Bad Id' is not a usable id; expected lower-case letters, digits and single hyphens, such as late-fee",
                                file + ": fee_rules[1].daily_interest.annual_rate_percent: must be more than 0, got 0",
                                file + ": fee_rules[1].daily_interest.day_count: expected 365 or 360 (days in the interest year), got 366",
                                file + ": fee_rules[1].caps.max_count: must be 1 or more, got 0",
                                file + ": fee_rules[1].caps.max_percent_of_principal: must be at most 100, got 150",
                                file + ": stages[0].name: is required; expected text",
                                file + ": stages[0].when.min_amount_due: must be 0 or more, got -5",
                                file + ": stages[0].actions: expected a list of actions, each one of: reminder, note, late_fee, flag (each item starting with '- '), got 'reminder'",
                                file + ": stages[1].review_after_days: must be 1 or more, got 0",
                                file + ": stages[1].actions[0]: expected exactly one action per item, one of: reminder, note, late_fee, flag (such as '- reminder: friendly'), got a set of fields {reminder, note}",
                                file + ": stages[1].actions[1].flag: must not be empty"));
    }

    @Test
    void unreadableYamlNamesTheLine() throws IOException {
        Path file = write("bad.yaml", """
                id: bad
                stages:
                  - name: One
                     day: 1
                """);

        assertThatThrownBy(() -> loader.load(file)).hasMessageContaining(file + ": is not valid YAML at line 4");
    }

    @Test
    void duplicateKeysEmptyFilesAndSecondDocumentsAreRefused() throws IOException {
        Path duplicate = write("dup.yaml", "id: a\nid: b\nstages: []\n");
        Path empty = write("empty.yaml", "# nothing yet\n");
        Path two = write("two.yaml", "id: a\nstages:\n  - {name: A, day: 1, actions: [{reminder: x}]}\n---\nid: b\n");
        Path list = write("list.yaml", "- id: a\n");

        assertThatThrownBy(() -> loader.load(duplicate)).hasMessageContaining("is not valid YAML at line 2")
                .hasMessageContaining("Duplicate field 'id'");
        assertThatThrownBy(() -> loader.load(empty)).hasMessageContaining(empty + ": is empty; expected a policy with at least: id, stages");
        assertThatThrownBy(() -> loader.load(two)).hasMessageContaining(two + ": holds more than one YAML document");
        assertThatThrownBy(() -> loader.load(list)).hasMessageContaining(list + ": expected a policy with fields: id, description, fee_rules, stages, thank_you, payment_plans, "
                + "attach_invoice_pdf, got a list");
    }

    @Test
    void aMissingFileIsReportedByName() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> loader.load(missing)).isInstanceOf(PolicyConfigurationException.class)
                .hasMessageContaining(missing + ": cannot be read (NoSuchFileException");
    }

    @Test
    void amountsKeepTheirExactDecimals() throws IOException {
        Path file = write("exact.yaml", """
                id: exact
                fee_rules:
                  - { id: tiny, percent_of_principal: 0.1 }
                stages:
                  - { name: A, day: 1, actions: [ { late_fee: tiny } ] }
                """);

        FeeComputation computation = loader.load(file).feeRules().getFirst().computation();
        assertThat(((FeeComputation.PercentOfPrincipal) computation).percent()).isEqualTo(new BigDecimal("0.1"));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    static List<String> fields(PolicyConfigurationException e) {
        return e.problems().stream().map(PolicyProblem::field).toList();
    }
}
