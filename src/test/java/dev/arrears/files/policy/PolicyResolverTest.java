package dev.arrears.files.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationKey;
import dev.arrears.application.policy.EffectivePolicy;
import dev.arrears.domain.policy.ActionSpec;
import dev.arrears.domain.policy.FeeComputation;
import dev.arrears.domain.policy.Stage;
import dev.arrears.domain.statutory.StatutoryPresets;
import dev.arrears.files.statutory.StatutoryPresetLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Firm default, then the organisation's override, then the customer group's, then the customer's. */
class PolicyResolverTest {

    private static final StatutoryPresets PRESETS = new StatutoryPresetLoader().load(Path.of("config/statutory"));
    private static final String NORTHWIND_ID = "6f0c3c1e-6d0b-4f57-9a39-0b1a2c3d4e5f";
    private static final OrganisationKey NORTHWIND = new OrganisationKey(OrganisationId.parse(NORTHWIND_ID), LedgerProvider.XERO, "t-1");
    private static final OrganisationKey OTHER = new OrganisationKey(
            OrganisationId.parse("0a6e2b9c-1111-4c1e-8f00-5a5a5a5a5a5a"), LedgerProvider.QUICKBOOKS, "9130");

    @TempDir
    Path dir;

    private final PolicyFileLoader loader = new PolicyFileLoader(PolicyReferences.of(
            Set.of("friendly", "overdue", "firm", "final", "instalment-courtesy", "instalment-missed"),
            Set.of("demand-letter", "case-file"), "config/templates", PRESETS));
    private Path firmDefault;

    @BeforeEach
    void firmDefault() throws IOException {
        firmDefault = write("default.yaml", """
                id: default
                fee_rules:
                  - { id: late-fee, fixed: { GBP: 40.00, EUR: 40.00 } }
                stages:
                  - { name: Friendly heads-up, day: -3, actions: [ { reminder: friendly } ] }
                  - { name: Overdue notice, day: 1, actions: [ { reminder: overdue } ] }
                  - { name: Firmer reminder, day: 7, actions: [ { reminder: firm } ] }
                  - { name: Final notice, day: 14, actions: [ { reminder: final }, { late_fee: late-fee } ] }
                  - { name: Hand to a person, day: 30, actions: [ { flag: "call the customer" } ] }
                """);
    }

    @Test
    void aCustomerOverrideOnTopOfAGroupOnTopOfTheOrganisationOnTopOfTheFirmDefaultExplainsEachStage() throws IOException {
        Path northwind = write("organisations/northwind.yaml", """
                description: UK client, statutory terms
                applies_to: { organisation: %s }
                fee_rules:
                  - { id: late-fee, statutory_compensation: uk }
                  - { id: interest, statutory_interest: uk, repeat_every_days: 30 }
                stages:
                  - name: Final notice
                    day: 21
                    document: demand-letter
                    actions: [ { reminder: final }, { late_fee: late-fee }, { late_fee: interest } ]
                  - { name: Friendly heads-up, remove: true }
                """.formatted(NORTHWIND_ID));
        Path slowPayers = write("customers/slow-payers.yaml", """
                applies_to: { customer_group: Slow payers }
                stages:
                  - { name: Firmer reminder, day: 5 }
                """);
        Path acme = write("customers/acme.yaml", """
                applies_to: { organisation: %s, customers: [C-ACME] }
                fee_rules:
                  - { id: interest, remove: true }
                stages:
                  - name: Final notice
                    actions: [ { reminder: final }, { late_fee: late-fee } ]
                  - { name: Hand to a person, day: 45, document: case-file }
                """.formatted(NORTHWIND_ID));

        PolicyResolver resolver = PolicyResolver.load(dir, PolicyCatalog.load(dir, loader), loader);
        EffectivePolicy policy = resolver.resolve(NORTHWIND, "C-ACME", Optional.of("slow payers"));

        assertThat(policy.files()).containsExactly(firmDefault.toString(), northwind.toString(), slowPayers.toString(), acme.toString());
        assertThat(policy.policy().id()).isEqualTo("default+northwind+slow-payers+acme");
        assertThat(policy.policy().stages()).extracting(Stage::name, Stage::dayOffset).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Overdue notice", 1), org.assertj.core.groups.Tuple.tuple("Firmer reminder", 5),
                org.assertj.core.groups.Tuple.tuple("Final notice", 21), org.assertj.core.groups.Tuple.tuple("Hand to a person", 45));
        assertThat(policy.policy().stage("Final notice").orElseThrow().actions())
                .containsExactly(new ActionSpec.SendReminder("final"), new ActionSpec.ChargeLateFee("late-fee"));
        assertThat(policy.policy().feeRules()).singleElement().satisfies(rule ->
                assertThat(rule.computation()).isEqualTo(new FeeComputation.StatutoryCompensation(PRESETS.regime("uk"))));
        assertThat(policy.documents()).containsEntry("Final notice", "demand-letter").containsEntry("Hand to a person", "case-file");
        assertThat(policy.explain()).containsExactly(
                "stage 'Overdue notice' from " + firmDefault,
                "stage 'Firmer reminder' from " + firmDefault + ", day overridden by " + slowPayers,
                "stage 'Final notice' from " + firmDefault + ", day, document and actions overridden by " + northwind
                        + ", actions overridden by " + acme,
                "stage 'Hand to a person' from " + firmDefault + ", day and document overridden by " + acme,
                "fee rule 'late-fee' from " + firmDefault + ", statutory_compensation overridden by " + northwind,
                "stage 'Friendly heads-up' from " + firmDefault + ", removed by " + northwind,
                "fee rule 'interest' from " + northwind + ", removed by " + acme);

        // The organisation's other customers get the organisation's policy; other organisations the firm default.
        EffectivePolicy bolt = resolver.resolve(NORTHWIND, "C-BOLT", Optional.empty());
        assertThat(bolt.policy().id()).isEqualTo("default+northwind");
        assertThat(bolt.policy().stage("Final notice").orElseThrow().actions()).contains(new ActionSpec.ChargeLateFee("interest"));
        assertThat(bolt.feeRuleSource("interest").orElseThrow().describe()).isEqualTo("fee rule 'interest' from " + northwind);
        EffectivePolicy elsewhere = resolver.resolve(OTHER, "C-ACME", Optional.empty());
        assertThat(elsewhere.policy().id()).isEqualTo("default");
        assertThat(elsewhere.policy().version()).isEqualTo(PolicyFileLoader.version(Files.readAllBytes(firmDefault)));
        assertThat(elsewhere.policy().stages()).hasSize(5);

        // The version covers every contributing file: editing the customer's file changes it.
        String before = policy.policy().version();
        Files.writeString(acme, Files.readString(acme) + "# tweak\n");
        EffectivePolicy edited = PolicyResolver.load(dir, PolicyCatalog.load(dir, loader), loader).resolve(NORTHWIND, "C-ACME", Optional.of("Slow payers"));
        assertThat(edited.policy().version()).isNotEqualTo(before).isNotEqualTo(bolt.policy().version());
    }

    @Test
    void badOverridesAreReportedAgainstTheFileAndFieldThatMadeThemWrong() throws IOException {
        Path org = write("organisations/northwind.yaml", """
                extends: strict
                applies_to: { organisation: %s }
                stages:
                  - { name: Overdue notice, dya: 3 }
                """.formatted(NORTHWIND_ID));
        Path sameDay = write("customers/acme.yaml", """
                applies_to: { customers: [C-ACME] }
                stages:
                  - { name: Final notice, day: 7 }
                  - { name: Chase again, day: 40, actions: [ { reminder: chase } ] }
                  - { name: Not there, remove: true }
                """);
        Path twice = write("customers/acme-again.yaml", """
                applies_to: { customers: [C-ACME] }
                fee_rules: [ { id: late-fee, fixed: { GBP: 70.00 } } ]
                """);
        Path noScope = write("customers/nobody.yaml", "stages: [ { name: Final notice, day: 20 } ]\n");

        assertThatThrownBy(() -> PolicyResolver.load(dir, PolicyCatalog.load(dir, loader), loader))
                .isInstanceOfSatisfying(PolicyConfigurationException.class, e -> assertThat(e.getMessage())
                        .contains(noScope + ": applies_to: is required; expected { customers: [<customer ids>] } or { customer_group: <group name> }")
                        .contains(org + ": extends: 'strict' is not a policy in the policies folder; expected one of: default")
                        .contains(sameDay + ": applies_to.customers: 'C-ACME' is also named by " + twice));

        Files.delete(twice);
        Files.delete(noScope);
        Files.writeString(org, Files.readString(org).replace("extends: strict\n", ""));
        assertThatThrownBy(() -> PolicyResolver.load(dir, PolicyCatalog.load(dir, loader), loader))
                .isInstanceOfSatisfying(PolicyConfigurationException.class, e -> assertThat(e.getMessage())
                        .contains(org + ": stages[0].dya: unknown field; did you mean 'day'? expected one of: name, key, day, when, actions, review_after_days, document")
                        .contains(sameDay + ": stages[0].day: day 7 is also the day of stage 'Firmer reminder' (" + firmDefault
                                + "); expected each stage on a different day")
                        .contains(sameDay + ": stages[1].actions[0].reminder: 'chase' is not a reminder template in config/templates")
                        .contains(sameDay + ": stages[2].name: 'Not there' is not a stage of the policy below; nothing to remove; expected one of: "
                                + "Friendly heads-up, Overdue notice, Firmer reminder, Final notice, Hand to a person"));
    }

    @Test
    void theShippedFoldersLoad() {
        PolicyFileLoader shipped = new PolicyFileLoader(PolicyStartupCheck.references(Path.of("config/templates"), PRESETS));
        PolicyResolver resolver = PolicyResolver.load(Path.of("config/policies"), PolicyCatalog.load(Path.of("config/policies"), shipped), shipped);

        assertThat(resolver.resolve(OTHER, "C-ANY", Optional.empty()).policy().id()).isEqualTo("default");
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
