package dev.arrears.files.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.domain.policy.FeeComputation;
import dev.arrears.domain.policy.Policy;
import dev.arrears.domain.statutory.StatutoryPresets;
import dev.arrears.files.statutory.StatutoryConfigException;
import dev.arrears.files.statutory.StatutoryPresetLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a policy refers to outside its file: statutory presets and templates. */
class PolicyReferencesTest {

    private static final StatutoryPresets PRESETS = new StatutoryPresetLoader().load(Path.of("config/statutory"));

    @TempDir
    Path dir;

    private final PolicyFileLoader loader = new PolicyFileLoader(PolicyReferences.of(
            Set.of("friendly", "overdue", "firm", "final", "instalment-courtesy", "instalment-missed"), Set.of("demand-letter", "case-file"), "config/templates", PRESETS));

    @Test
    void statutoryPresetsAreFeeComputationsResolvedFromTheLoadedTables() throws IOException {
        Policy policy = loader.load(write("uk.yaml", """
                id: uk-statutory
                fee_rules:
                  - id: statutory-interest
                    statutory_interest: uk
                    repeat_every_days: 30
                  - id: compensation
                    statutory_compensation: uk
                  - id: eu-interest
                    statutory_interest: eu
                  - id: de-compensation
                    statutory_compensation: de
                  - id: fr-interest
                    statutory_interest: fr
                stages:
                  - name: Final notice
                    day: 14
                    document: demand-letter
                    actions: [ { reminder: final }, { late_fee: statutory-interest }, { late_fee: compensation } ]
                """));

        assertThat(policy.feeRule("statutory-interest").orElseThrow().computation())
                .isEqualTo(new FeeComputation.StatutoryInterest(PRESETS.regime("uk")));
        assertThat(policy.feeRule("statutory-interest").orElseThrow().repeatEveryDays()).contains(30);
        assertThat(policy.feeRule("compensation").orElseThrow().computation())
                .isEqualTo(new FeeComputation.StatutoryCompensation(PRESETS.regime("uk")));
        assertThat(policy.feeRule("eu-interest").orElseThrow().computation())
                .isEqualTo(new FeeComputation.StatutoryInterest(PRESETS.regime("eu")));
        assertThat(policy.feeRule("de-compensation").orElseThrow().computation())
                .isEqualTo(new FeeComputation.StatutoryCompensation(PRESETS.regime("de")));
        assertThat(policy.feeRule("fr-interest").orElseThrow().computation())
                .isEqualTo(new FeeComputation.StatutoryInterest(PRESETS.regime("fr")));
    }

    @Test
    void badPresetsAndTemplatesAreReportedWithFileFieldAndWhatIsAllowed() throws IOException {
        Path file = write("bad.yaml", """
                id: bad
                fee_rules:
                  - id: interest
                    statutory_interest: gb
                  - id: compensation
                    statutory_compensation: uk
                    repeat_every_days: 30
                  - id: both
                    statutory_interest: uk
                    fixed: { GBP: 40.00 }
                  - id: empty
                    statutory_compensation: ""
                stages:
                  - name: Overdue
                    day: 1
                    actions: [ { reminder: overdeu } ]
                  - name: Final
                    day: 14
                    document: letter
                    actions: [ { reminder: demand-letter } ]
                """);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOfSatisfying(PolicyConfigurationException.class, e -> assertThat(e.getMessage())
                .contains(file + ": fee_rules[0].statutory_interest: 'gb' is not a statutory preset; the United Kingdom's preset is 'uk'; expected one of: de, eu, fr, uk")
                .contains(file + ": fee_rules[1].repeat_every_days: statutory_compensation is charged once per invoice; remove repeat_every_days")
                .contains(file + ": fee_rules[2]: has more than one computation (fixed and statutory_interest); expected exactly one of: "
                        + "fixed, percent_of_principal, daily_interest, statutory_interest, statutory_compensation")
                .contains(file + ": fee_rules[3].statutory_compensation: must not be empty")
                .contains(file + ": stages[0].actions[0].reminder: 'overdeu' is not a reminder template in config/templates; "
                        + "did you mean 'overdue'? expected one of: final, firm, friendly, instalment-courtesy, instalment-missed, overdue")
                .contains(file + ": stages[1].document: 'letter' is not a document; expected one of: demand-letter, case-file")
                .contains(file + ": stages[1].actions[0].reminder: 'demand-letter' is not a reminder template in config/templates"));
    }

    @Test
    void thankYouAndPaymentPlanOptionsNameTemplatesThatExist() throws IOException {
        Policy policy = loader.load(write("options.yaml", """
                id: options
                thank_you: friendly
                payment_plans: { courtesy_days_before: 2, missed_reminder: firm, flag_missed_after_days: 10 }
                stages: [ { name: Overdue, day: 1, actions: [ { reminder: overdue } ] } ]
                """));

        assertThat(policy.options().thankYouTemplate()).contains("friendly");
        assertThat(policy.options().courtesyDaysBeforeInstalment()).isEqualTo(2);
        assertThat(policy.options().courtesyTemplate()).isEqualTo("instalment-courtesy");
        assertThat(policy.options().missedInstalmentTemplate()).isEqualTo("firm");
        assertThat(policy.options().flagMissedInstalmentAfterDays()).isEqualTo(10);

        Path bad = write("bad-options.yaml", """
                id: bad-options
                thank_you: thanks
                payment_plans: { courtesy_days_before: 90, reminder: x }
                stages: [ { name: Overdue, day: 1, actions: [ { reminder: overdue } ] } ]
                """);
        assertThatThrownBy(() -> loader.load(bad)).hasMessageContaining(bad + ": payment_plans.reminder: unknown field; expected one of: "
                        + "courtesy_days_before, courtesy_reminder, missed_reminder, flag_missed_after_days")
                .hasMessageContaining(bad + ": payment_plans.courtesy_days_before: must be at most 60, got 90");
        Path unknownThanks = write("thanks.yaml", """
                id: thanks
                thank_you: thanks
                stages: [ { name: Overdue, day: 1, actions: [ { reminder: overdue } ] } ]
                """);
        assertThatThrownBy(() -> loader.load(unknownThanks)).hasMessageContaining(unknownThanks
                + ": thank_you: 'thanks' is not a reminder template in config/templates; expected one of: final, firm, friendly,");
    }

    @Test
    void theInvoicePdfIsAttachedUnlessThePolicySaysOtherwise() throws IOException {
        String stages = "stages: [ { name: Overdue, day: 1, actions: [ { reminder: overdue } ] } ]\n";
        assertThat(loader.load(write("plain.yaml", "id: plain\n" + stages)).options().attachInvoicePdf()).isTrue();
        assertThat(loader.load(write("no-pdf.yaml", "id: no-pdf\nattach_invoice_pdf: false\n" + stages)).options().attachInvoicePdf())
                .isFalse();
        Path bad = write("bad-pdf.yaml", "id: bad-pdf\nattach_invoice_pdf: sometimes\n" + stages);
        assertThatThrownBy(() -> loader.load(bad)).hasMessageContaining(bad + ": attach_invoice_pdf: must be true or false, got \"sometimes\"");
    }

    @Test
    void aLoaderWithoutPresetsReadsTheDefaultFolderWhenAPolicyNamesOne() throws IOException {
        Policy policy = new PolicyFileLoader().load(write("p.yaml", """
                id: p
                fee_rules: [ { id: interest, statutory_interest: de } ]
                stages: [ { name: Final, day: 14, actions: [ { late_fee: interest } ] } ]
                """));

        assertThat(policy.feeRule("interest").orElseThrow().computation()).isInstanceOf(FeeComputation.StatutoryInterest.class);
    }

    @Test
    void theDaemonsCheckRefusesUnknownTemplatesAndABrokenPresetTableStopsStartUpWithFileLineAndField() throws IOException {
        Path policies = Files.createDirectories(dir.resolve("policies"));
        Files.writeString(policies.resolve("default.yaml"), "id: default\nstages: [ { name: A, day: 1, actions: [ { reminder: chase } ] } ]\n");
        PolicyStartupCheck check = new PolicyStartupCheck(() -> policies.toString(), () -> "config/templates", PRESETS);

        assertThatThrownBy(check::check).hasMessageContaining(policies.resolve("default.yaml")
                + ": stages[0].actions[0].reminder: 'chase' is not a reminder template in config/templates; expected one of: "
                + "final, firm, friendly, instalment-courtesy, instalment-missed, overdue, thank-you");

        Path statutory = Files.createDirectories(dir.resolve("statutory"));
        try (Stream<Path> files = Files.list(Path.of("config/statutory"))) {
            for (Path f : files.toList()) {
                Files.copy(f, statutory.resolve(f.getFileName().toString()));
            }
        }
        Files.writeString(statutory.resolve("presets.yaml"), Files.readString(statutory.resolve("presets.yaml"))
                .replace("margin_points: 9.00", "margin_points: nine"));
        assertThatThrownBy(() -> new StatutoryPresetLoader().load(statutory)).isInstanceOfSatisfying(StatutoryConfigException.class, e -> {
            assertThat(e.file()).isEqualTo(statutory.resolve("presets.yaml"));
            assertThat(e.line()).isPositive();
            assertThat(e.field()).isEqualTo("presets.de.margin_points");
            assertThat(e.getMessage()).contains("'nine' is not a number; allowed:");
        });
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
