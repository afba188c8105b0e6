package dev.arrears.persistence;

import static dev.arrears.persistence.Fixtures.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.DeliveryMode;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.Outbox;
import dev.arrears.application.RecordedActions;
import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.FeeApplication;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.money.Money;
import dev.arrears.domain.policy.StableKey;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * V70: a stage named in 81 to 108 ASCII characters (or a fee rule with such an id) once had its whole slug in its
 * action keys, and now has a cut slug with a hash. The migration renames such stored rows to the key the engine plans
 * now, so an action planned or done before is recognised and never planned a second time.
 */
@QuarkusTest
class LongStageKeyMigrationTest {

    /** 97 characters: its slug fitted the old keys, and is longer than the 80 a key may have now. */
    private static final String STAGE = "Final notice before we hand this invoice to our solicitors, under the Late Payment Act, in full";
    private static final String RULE = "statutory-interest-under-the-late-payment-of-commercial-debts-act-as-agreed-in-our-terms";

    @Inject
    Outbox outbox;
    @Inject
    InvoiceStore invoices;
    @Inject
    OrganisationStore organisations;
    @Inject
    Sql sql;

    @Test
    void aReminderAndAFeeStoredUnderTheirOldWholeSlugKeysAreRecognisedUnderTheirNewKeysAndNotPlannedTwice() throws Exception {
        assertThat(StableKey.slug(STAGE)).hasSizeBetween(81, 108);
        assertThat(RULE).hasSizeBetween(81, 108);
        OrganisationId org = Fixtures.organisation(organisations);
        InvoiceRef invoice = Fixtures.stored(invoices, invoice(org, "INV-LONG", "1000.00", "GBP"));
        FeeApplication fee = new FeeApplication(RULE, 1, LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 31),
                Money.of("9.66", "GBP"), "interest", false);
        ActionKey oldReminder = new ActionKey(org + ":INV-LONG:stage:" + StableKey.slug(STAGE) + ":reminder:0");
        ActionKey oldFee = new ActionKey(org + ":INV-LONG:fee:" + RULE + ":p1");
        outbox.record(invoice, List.of(new PlannedAction.SendReminder(oldReminder, STAGE, "final"),
                new PlannedAction.ChargeLateFee(oldFee, STAGE, fee)), DeliveryMode.DISPATCH, "v1");

        sql.runMigration("V70__long_stage_and_rule_keys.sql");
        List<PlannedAction> plannedNow = List.of(
                new PlannedAction.SendReminder(ActionKey.forStage(org.toString(), "INV-LONG", StableKey.defaultFor(STAGE),
                        "reminder", 0), STAGE, "final"),
                new PlannedAction.ChargeLateFee(ActionKey.forFee(org.toString(), "INV-LONG", StableKey.defaultFor(RULE), 1),
                        STAGE, fee));
        RecordedActions again = outbox.record(invoice, plannedNow, DeliveryMode.DISPATCH, "v1");

        assertThat(again.added()).isEmpty();
        assertThat(again.alreadyPresent()).containsExactlyElementsOf(plannedNow.stream().map(PlannedAction::key).toList());
        assertThat(sql.count("select count(*) from outbox_action where action_key in (?, ?)", oldReminder.value(),
                oldFee.value())).isZero();
    }
}
