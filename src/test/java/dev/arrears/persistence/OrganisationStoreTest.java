package dev.arrears.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.application.AuditKind;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.UnknownOrganisationException;
import dev.arrears.domain.money.Money;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrganisationStoreTest {

    @Inject
    OrganisationStore organisations;
    @Inject
    Sql sql;
    @Inject
    TestClock clock;

    @BeforeEach
    void resetClock() {
        clock.set(TestClock.START); // another test class may have moved it
    }

    @Test
    void a_new_organisation_starts_in_preview_and_reads_back_whole() {
        Organisation created = organisations.create(new NewOrganisation("Kyoto Imports KK", LedgerProvider.QUICKBOOKS,
                ZoneId.of("Asia/Tokyo"), "jp", Money.currency("JPY"), "default"));

        assertThat(created.mode()).isEqualTo(OrganisationMode.PREVIEW);
        assertThat(created.country()).isEqualTo("JP");
        assertThat(created.createdAt()).isEqualTo(TestClock.START);
        assertThat(organisations.find(created.id())).contains(created);
        assertThat(organisations.list()).contains(created);
    }

    @Test
    void switching_mode_is_stored_and_audited() throws Exception {
        OrganisationId id = Fixtures.organisation(organisations);

        assertThat(organisations.setMode(id, OrganisationMode.LIVE).mode()).isEqualTo(OrganisationMode.LIVE);
        organisations.setMode(id, OrganisationMode.LIVE); // no change, no event

        assertThat(organisations.find(id).orElseThrow().mode()).isEqualTo(OrganisationMode.LIVE);
        assertThat(sql.rows("select kind, detail ->> 'from', detail ->> 'to' from audit_event where organisation_id = ?",
                id.value())).containsExactly(java.util.List.of(AuditKind.MODE_CHANGED.name(), "PREVIEW", "LIVE"));
        assertThatThrownBy(() -> organisations.setMode(OrganisationId.random(), OrganisationMode.LIVE))
                .isInstanceOf(UnknownOrganisationException.class);
    }

    @Test
    void the_last_cycle_outcome_is_kept() {
        OrganisationId id = Fixtures.organisation(organisations);
        organisations.recordCycleOutcome(id, "FAILED", Optional.of("Xero answered 503"));
        Organisation read = organisations.find(id).orElseThrow();
        assertThat(read.lastCycleOutcome()).contains("FAILED");
        assertThat(read.lastCycleError()).contains("Xero answered 503");
        assertThat(read.lastCycleAt()).contains(TestClock.START);
    }
}
