package dev.arrears.persistence;

import static dev.arrears.persistence.Fixtures.invoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.application.DunningStateStore;
import dev.arrears.application.DunningStateUpdate;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.StaleStateException;
import dev.arrears.domain.dunning.ChargedFee;
import dev.arrears.domain.dunning.DunningState;
import dev.arrears.domain.dunning.DunningStatus;
import dev.arrears.domain.money.Money;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DunningStateStoreTest {

    @Inject
    DunningStateStore states;
    @Inject
    InvoiceStore invoices;
    @Inject
    OrganisationStore organisations;

    OrganisationId org;
    InvoiceRef a;
    InvoiceRef b;

    @BeforeEach
    void storeInvoices() {
        org = Fixtures.organisation(organisations);
        a = Fixtures.stored(invoices, invoice(org, "A", "100", "JPY"));
        b = Fixtures.stored(invoices, invoice(org, "B", "1.000", "BHD"));
    }

    @Test
    void states_round_trip_with_fees_and_stage_lists() {
        DunningState state = new DunningState(DunningStatus.ACTIVE, Optional.of("second"), Optional.of(LocalDate.of(2025, 3, 1)),
                Optional.of(LocalDate.of(2025, 2, 14)), List.of("first", "second"), List.of("zero"),
                List.of(new ChargedFee("interest", 1, LocalDate.of(2025, 3, 1), Money.of("0.125", "BHD")),
                        new ChargedFee("flat", 1, LocalDate.of(2025, 3, 2), Money.of("500", "JPY"))),
                Optional.empty(), List.of("paused:hold:h1", "thank-you"));

        assertThat(states.save(List.of(new DunningStateUpdate(a, 0, state, "v1"),
                new DunningStateUpdate(b, 0, DunningState.initial(), "v1")))).containsExactly(1L, 1L);

        assertThat(states.load(a).orElseThrow().state()).isEqualTo(state);
        assertThat(states.load(b).orElseThrow().state()).isEqualTo(DunningState.initial());
        assertThat(states.loadAll(org)).containsOnlyKeys("A", "B");
        assertThat(states.load(new InvoiceRef(org, "unknown"))).isEmpty();
    }

    @Test
    void a_stale_version_writes_nothing_of_the_batch() {
        states.save(List.of(new DunningStateUpdate(a, 0, DunningState.initial(), "v1")));
        DunningState flagged = new DunningState(DunningStatus.FLAGGED, Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), List.of(), List.of(), Optional.empty());

        assertThatThrownBy(() -> states.save(List.of(new DunningStateUpdate(b, 0, flagged, "v2"),
                new DunningStateUpdate(a, 0, flagged, "v2"))))
                .isInstanceOf(StaleStateException.class)
                .hasMessageContaining("no longer at version 0");

        assertThat(states.load(b)).isEmpty();
        assertThat(states.load(a).orElseThrow().version()).isEqualTo(1);
        assertThat(states.save(List.of(new DunningStateUpdate(a, 1, flagged, "v2")))).containsExactly(2L);
    }
}
