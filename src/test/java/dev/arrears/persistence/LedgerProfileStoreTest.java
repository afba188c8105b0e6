package dev.arrears.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.ledger.LedgerChoices;
import dev.arrears.application.ledger.LedgerProfileStore;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LedgerProfileStoreTest {

    @Inject
    LedgerProfileStore profiles;
    @Inject
    OrganisationStore organisations;
    @Inject
    AgroalDataSource dataSource;

    /**
     * Seen with two daemon processes (TwoReplicasIT): an organisation registered through one
     * replica's admin API while the other replica's first cycle read its settings; both created the
     * organisation's profile row and one cycle failed on the primary key.
     */
    @Test
    void two_replicas_creating_an_organisations_profile_at_once_both_succeed() throws Exception {
        OrganisationId id = Fixtures.organisation(organisations);
        LedgerChoices choices = new LedgerChoices(Optional.empty(), Optional.of("42"), Optional.of("83"), Optional.empty(), false);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement st = other.prepareStatement(
                    "insert into ledger_profile (organisation_id, created_at, updated_at) values (?, now(), now())")) {
                st.setObject(1, id.value());
                st.executeUpdate();
            }
            // The other replica has created the row and not committed yet; this one creates it too.
            CompletableFuture<Void> mine = CompletableFuture.runAsync(() -> profiles.saveChoices(id, choices));
            awaitSomeoneWaitingForALock(mine);
            other.commit();
            mine.get(30, TimeUnit.SECONDS);
        }
        assertThat(profiles.find(id).choices()).isEqualTo(choices);
    }

    private void awaitSomeoneWaitingForALock(CompletableFuture<Void> mine) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("select count(*) from pg_locks where not granted")) {
            while (Instant.now().isBefore(until) && !mine.isDone()) {
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.onSpinWait();
            }
        }
    }
}
