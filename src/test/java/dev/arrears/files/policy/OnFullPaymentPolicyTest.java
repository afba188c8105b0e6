package dev.arrears.files.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.domain.dunning.Decision;
import dev.arrears.domain.dunning.DunningEngine;
import dev.arrears.domain.dunning.DunningState;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.invoice.PaymentApplied;
import dev.arrears.domain.money.Money;
import dev.arrears.domain.policy.OnFullPayment;
import dev.arrears.domain.policy.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code on_full_payment} in a policy file, and the worked example on the shipped tables of config/statutory: a UK
 * debt of 1000.00 GBP due 2026-01-01 and paid on 2026-01-02. The BoE Bank Rate of 2025-12-31 (3.75 %) holds for the
 * debt, so one day of interest is 1000 x (8 + 3.75) / 100 / 365 = 0.3219 -> 0.32 GBP; the debt falls in the band
 * from 1000.00, so the fixed compensation is 70.00 GBP.
 */
class OnFullPaymentPolicyTest {

    private static final LocalDate DUE = LocalDate.of(2026, 1, 1);

    @TempDir
    Path dir;

    private final PolicyFileLoader loader = new PolicyFileLoader();
    private final DunningEngine engine = new DunningEngine();

    private Path policy(String interestChoice, String compensationChoice) throws IOException {
        return Files.writeString(dir.resolve("uk.yaml"), """
                id: uk
                fee_rules:
                  - id: interest
                    statutory_interest: uk
                    repeat_every_days: 30
                %s
                  - id: compensation
                    statutory_compensation: uk
                %s
                stages:
                  - name: Overdue notice
                    day: 1
                    actions: [ { reminder: overdue } ]
                  - name: Final notice
                    day: 30
                    actions: [ { reminder: final }, { late_fee: interest }, { late_fee: compensation } ]
                """.formatted(choice(interestChoice), choice(compensationChoice)));
    }

    private static String choice(String word) {
        return word == null ? "" : "    on_full_payment: " + word;
    }

    private static InvoiceSnapshot invoice(Money due, InvoiceStatus status, List<PaymentApplied> payments) {
        return new InvoiceSnapshot("org-1", "inv-1", "INV-0001", "cust-1", "Acme Ltd", DUE.minusDays(30), Optional.of(DUE),
                Money.of("1000.00", "GBP"), due, status, payments, false);
    }

    /** Chased from the overdue notice on 2026-01-02, paid in full that day, decided on 2026-01-03. */
    private Decision paidTheDayAfterItsDueDate(Policy policy) {
        DunningState chased = engine.decide(invoice(Money.of("1000.00", "GBP"), InvoiceStatus.OPEN, List.of()),
                DunningState.initial(), policy, DUE.plusDays(1)).newState();
        InvoiceSnapshot paid = invoice(Money.zero(Money.currency("GBP")), InvoiceStatus.PAID,
                List.of(new PaymentApplied(DUE.plusDays(1), Money.of("1000.00", "GBP"))));
        return engine.decide(paid, chased, policy, DUE.plusDays(2));
    }

    @Test
    void worked_example_on_the_shipped_uk_tables_final_invoice_charges_0_32_interest_and_70_00_compensation() throws IOException {
        Decision decision = paidTheDayAfterItsDueDate(loader.load(policy("final_invoice", "final_invoice")));

        assertThat(decision.actions()).map(a -> ((PlannedAction.ChargeLateFee) a).fee().amount())
                .containsExactly(Money.of("0.32", "GBP"), Money.of("70.00", "GBP"));
        assertThat(((PlannedAction.ChargeLateFee) decision.actions().getFirst()).fee().computation())
                .contains("8.00% + 3.75% (BoE Bank Rate on 2025-12-31, fixed for this debt) = 11.75% a year on 1000.00 GBP for 1 day");
    }

    @Test
    void worked_example_without_the_field_gives_a_person_a_task_with_both_amounts() throws IOException {
        Policy policy = loader.load(policy(null, null));
        assertThat(policy.feeRules()).allMatch(r -> r.onFullPayment() == OnFullPayment.TASK);

        Decision decision = paidTheDayAfterItsDueDate(policy);

        assertThat(decision.actions()).singleElement().isInstanceOfSatisfying(PlannedAction.FlagForPerson.class,
                task -> assertThat(task.reason()).contains("0.32 GBP").contains("70.00 GBP").contains("11.75% a year"));
    }

    @Test
    void worked_example_waived_is_only_a_sentence_in_the_decision() throws IOException {
        Decision decision = paidTheDayAfterItsDueDate(loader.load(policy("waive", "waive")));

        assertThat(decision.actions()).isEmpty();
        assertThat(String.join("\n", decision.reasons())).contains("waived").contains("0.32 GBP").contains("70.00 GBP");
    }

    @Test
    void an_unknown_choice_is_refused_with_the_file_the_field_and_the_choices() throws IOException {
        Path file = policy("invoice", null);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOfSatisfying(PolicyConfigurationException.class,
                e -> assertThat(e.problems()).extracting(PolicyProblem::toString).contains(
                        file + ": fee_rules[0].on_full_payment: 'invoice' is not a choice; expected one of: final_invoice, task, waive"));
    }

    @Test
    void the_choice_is_refused_on_a_fixed_fee_which_accrues_nothing_up_to_a_payment() throws IOException {
        Path file = Files.writeString(dir.resolve("fixed.yaml"), """
                id: fixed
                fee_rules:
                  - { id: late-fee, fixed: { GBP: 40.00 }, on_full_payment: final_invoice }
                stages:
                  - { name: Final notice, day: 14, actions: [ { late_fee: late-fee } ] }
                """);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOfSatisfying(PolicyConfigurationException.class,
                e -> assertThat(e.problems()).extracting(PolicyProblem::toString).singleElement().asString()
                        .startsWith(file + ": fee_rules[0].on_full_payment: only interest")
                        .contains("remove on_full_payment"));
    }
}
