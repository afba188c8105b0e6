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
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.policy.StableKey;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * V10: a stage named without ASCII letters once had an empty part in its action keys. The migration renames such a
 * stored row to the key the engine now plans for its stage, so an action planned or done before is recognised and never
 * planned a second time.
 */
@QuarkusTest
class StageKeyMigrationTest {

    private static final String FIRST = "最初のお知らせ";

    @Inject
    Outbox outbox;
    @Inject
    InvoiceStore invoices;
    @Inject
    OrganisationStore organisations;
    @Inject
    Sql sql;

    @Test
    void aReminderStoredUnderTheOldEmptyStageKeyIsRecognisedUnderItsNewKey() throws Exception {
        OrganisationId org = Fixtures.organisation(organisations);
        InvoiceRef invoice = Fixtures.stored(invoices, invoice(org, "INV-JP", "30000", "JPY"));
        ActionKey old = new ActionKey(org + ":INV-JP:stage::reminder:0");
        outbox.record(invoice, List.of(new PlannedAction.SendReminder(old, FIRST, "overdue")), DeliveryMode.DISPATCH, "v1");

        sql.runMigration("V10__stage_keys_for_names_without_ascii.sql");
        PlannedAction plannedNow = new PlannedAction.SendReminder(
                ActionKey.forStage(org.toString(), "INV-JP", StableKey.defaultFor(FIRST), "reminder", 0), FIRST, "overdue");
        RecordedActions again = outbox.record(invoice, List.of(plannedNow), DeliveryMode.DISPATCH, "v1");

        assertThat(again.added()).isEmpty();
        assertThat(again.alreadyPresent()).containsExactly(plannedNow.key());
        assertThat(sql.count("select count(*) from outbox_action where action_key = ?", old.value())).isZero();
    }
}
