package dev.arrears.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.cycle.CycleTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Collection;
import org.junit.jupiter.api.Test;

class MicrometerCycleTimerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerCycleTimer timer = new MicrometerCycleTimer(registry);

    @Test
    void eachStepIsTimedPerProviderAndStepAndTheWorksAnswerComesBack() {
        assertThat(timer.time(LedgerProvider.XERO, CycleTimer.Step.SYNC, () -> "synced")).isEqualTo("synced");
        timer.time(LedgerProvider.XERO, CycleTimer.Step.SYNC, () -> "again");
        timer.time(LedgerProvider.QUICKBOOKS, CycleTimer.Step.DISPATCH, () -> 3);

        assertThat(stepTimer("xero", "sync").count()).isEqualTo(2);
        assertThat(stepTimer("quickbooks", "dispatch").count()).isEqualTo(1);
        assertThat(registry.find(MicrometerCycleTimer.NAME).tags("provider", "xero", "step", "decide").timer()).isNull();
    }

    @Test
    void aStepThatThrowsIsTimedAndItsFailureStillReachesTheCycle() {
        assertThatThrownBy(() -> timer.time(LedgerProvider.QUICKBOOKS, CycleTimer.Step.SETTINGS, () -> {
            throw new IllegalStateException("ledger down");
        })).hasMessage("ledger down");

        assertThat(stepTimer("quickbooks", "settings").count()).isEqualTo(1);
    }

    @Test
    void noTimerCarriesMoreThanTheProviderAndTheStep() {
        for (LedgerProvider provider : LedgerProvider.values()) {
            for (CycleTimer.Step step : CycleTimer.Step.values()) {
                timer.time(provider, step, () -> null);
            }
        }

        Collection<Meter> meters = registry.find(MicrometerCycleTimer.NAME).meters();
        assertThat(meters).hasSize(LedgerProvider.values().length * CycleTimer.Step.values().length);
        assertThat(meters).allSatisfy(m -> assertThat(m.getId().getTags()).extracting(Tag::getKey)
                .containsExactlyInAnyOrder("provider", "step"));
    }

    private Timer stepTimer(String provider, String step) {
        return registry.get(MicrometerCycleTimer.NAME).tags("provider", provider, "step", step).timer();
    }
}
