package dev.arrears.application.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.DunningStateStore;
import dev.arrears.application.DunningStateUpdate;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.StoredDunningState;
import dev.arrears.domain.dunning.ActionKey;
import dev.arrears.domain.dunning.DunningState;
import dev.arrears.domain.dunning.DunningStatus;
import dev.arrears.domain.dunning.PlannedAction;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Found by the end-to-end test: a heads-up deferred over a weekend, then an overdue notice deferred
 * by the contact cap, went out together with the firmer reminder when the window opened.
 */
class SupersededReminderGuardTest {

    private static final OrganisationId ORG = OrganisationId.parse("6ef4b17f-913d-444f-8528-40ac829689b6");
    private static final InvoiceRef INVOICE = new InvoiceRef(ORG, "INV-7");
    private static final LocalDate DUE = LocalDate.of(2026, 12, 8);

    @Test
    void aReminderOfAStageTheInvoiceHasLeftIsNotSent() {
        var guard = new SupersededReminderGuard(storeWithStage("Firmer reminder"));
        assertThat(guard.blocks(invoice(), reminder("Friendly heads-up", ActionKey.forStage(ORG.toString(), "INV-7", "Friendly heads-up", "reminder", 0))))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("superseded", "'Friendly heads-up'", "'Firmer reminder'"));
    }

    @Test
    void theReminderOfTheCurrentStageGoesOut() {
        var guard = new SupersededReminderGuard(storeWithStage("Firmer reminder"));
        assertThat(guard.blocks(invoice(), reminder("Firmer reminder", ActionKey.forStage(ORG.toString(), "INV-7", "Firmer reminder", "reminder", 0))))
                .isEmpty();
    }

    @Test
    void remindersOutsideTheLadderAreLeftAlone() {
        var guard = new SupersededReminderGuard(storeWithStage("Firmer reminder"));
        assertThat(guard.blocks(invoice(), reminder("payment plan", ActionKey.forPlan(ORG.toString(), "plan-1", 2, "courtesy"))))
                .isEmpty();
    }

    @Test
    void anInvoiceWithoutAStoredStageBlocksNothing() {
        var guard = new SupersededReminderGuard(storeWithNothing());
        assertThat(guard.blocks(invoice(), reminder("Overdue notice", ActionKey.forStage(ORG.toString(), "INV-7", "Overdue notice", "reminder", 0))))
                .isEmpty();
    }

    private static OutboxEntry reminder(String stage, ActionKey key) {
        Instant at = Instant.parse("2026-12-15T09:00:00Z");
        return new OutboxEntry(UUID.randomUUID(), INVOICE, new PlannedAction.SendReminder(key, stage, "overdue"), Optional.of("v1"),
                OutboxStatus.CLAIMED, Optional.empty(), 0, at, Optional.of("replica"), Optional.of(at), Optional.empty(),
                false, Optional.empty(), at, at);
    }

    private static InvoiceSnapshot invoice() {
        return new InvoiceSnapshot(ORG.toString(), "INV-7", "1029", "C1", "Wattle Creek", DUE.minusDays(30), Optional.of(DUE),
                Money.of("500.00", "AUD"), Money.of("500.00", "AUD"), InvoiceStatus.OPEN, List.of(), false);
    }

    private static DunningStateStore storeWithStage(String stage) {
        DunningState state = new DunningState(DunningStatus.ACTIVE, Optional.of(stage), Optional.of(DUE.plusDays(7)),
                Optional.of(DUE), List.of(stage), List.of(), List.of(), Optional.empty());
        return new OneStateStore(Optional.of(new StoredDunningState(INVOICE, state, 3, "v1")));
    }

    private static DunningStateStore storeWithNothing() {
        return new OneStateStore(Optional.empty());
    }

    /** The guard only reads one invoice's state; the store's other work does not concern it. */
    private record OneStateStore(Optional<StoredDunningState> stored) implements DunningStateStore {
        @Override
        public Optional<StoredDunningState> load(InvoiceRef invoice) {
            return stored;
        }

        @Override
        public Map<String, StoredDunningState> loadAll(OrganisationId organisationId) {
            throw new UnsupportedOperationException("not read by the guard");
        }

        @Override
        public List<Long> save(List<DunningStateUpdate> updates) {
            throw new UnsupportedOperationException("not written by the guard");
        }
    }
}
