package dev.arrears.connector.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.ConnectionStatus;
import dev.arrears.application.ConnectionStore;
import dev.arrears.application.LedgerConnection;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OAuthTokens;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OrganisationStore;
import dev.arrears.domain.money.Money;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared token refresher against a ledger that, like QuickBooks, accepts only the newest refresh
 * token (no grace for the one it replaced), with the database sessions terminated while the token
 * call is in flight: the tokens the ledger issued are stored all the same, and the company stays
 * connected.
 */
@QuarkusTest
class TokenRefresherTest {

    static final Instant EXPIRED = Instant.parse("2000-01-01T00:00:00Z");

    @Inject
    ConnectionStore connections;
    @Inject
    OrganisationStore organisations;

    OrganisationId org;
    NoGraceLedger ledger;
    TokenRefresher refresher;

    @BeforeEach
    void connectedCompany() {
        org = organisations.create(new NewOrganisation("Token Ltd " + UUID.randomUUID(), LedgerProvider.QUICKBOOKS,
                ZoneId.of("Europe/London"), "GB", Money.currency("GBP"), "default")).id();
        ledger = new NoGraceLedger();
        connections.connect(org, LedgerProvider.QUICKBOOKS, "realm-" + org, ledger.first(), "com.intuit.quickbooks.accounting");
        refresher = new TokenRefresher(connections, organisations, Duration.ofSeconds(5), 3, attempt -> { });
    }

    @Test
    void tokens_issued_while_the_database_sessions_are_terminated_are_stored_again_and_the_company_stays_connected() {
        // The hook in the fake token endpoint: the ledger has rotated the token; before its answer
        // arrives, every database session of the application is terminated (a failover).
        ledger.afterIssuing = TokenRefresherTest::terminateDatabaseSessions;

        TokenRefresher.Outcome outcome = refresher.refresh(List.of(org), c -> true, ledger, "QuickBooks");

        assertThat(outcome).isInstanceOf(TokenRefresher.Fresh.class);
        assertThat(connections.find(org).orElseThrow().tokens().refreshToken())
                .as("the only refresh token the ledger still accepts is the one stored").isEqualTo(ledger.valid);

        // The next refresh presents the stored token: the ledger accepts it, nothing needs a reconnect.
        ledger.afterIssuing = () -> { };
        TokenRefresher.Outcome next = refresher.refresh(List.of(org), c -> true, ledger, "QuickBooks");
        assertThat(next).isInstanceOf(TokenRefresher.Fresh.class);
        assertThat(ledger.invalidGrants).isZero();
        assertThat(connections.find(org).orElseThrow().status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(organisations.find(org).orElseThrow().mode()).isNotEqualTo(OrganisationMode.NEEDS_RECONNECT);
    }

    @Test
    void a_token_call_that_fails_is_retried_outside_the_lock_and_a_refresh_no_longer_due_makes_no_call() {
        ledger.failuresBeforeAnswer = 2;
        List<Boolean> lockedDuringPause = new ArrayList<>();
        TokenRefresher retrying = new TokenRefresher(connections, organisations, Duration.ofSeconds(5), 3,
                attempt -> lockedDuringPause.add(rowLocked(org)));

        assertThat(retrying.refresh(List.of(org), c -> true, ledger, "QuickBooks")).isInstanceOf(TokenRefresher.Fresh.class);
        assertThat(ledger.calls).isEqualTo(3);
        assertThat(lockedDuringPause).as("no lock is held while waiting to retry").containsExactly(false, false);

        String stored = connections.find(org).orElseThrow().tokens().refreshToken();
        TokenRefresher.Outcome notDue = retrying.refresh(List.of(org), c -> !c.tokens().refreshToken().equals(stored),
                ledger, "QuickBooks");
        assertThat(notDue).isInstanceOfSatisfying(TokenRefresher.Fresh.class, f -> assertThat(f.called()).isFalse());
        assertThat(ledger.calls).isEqualTo(3);
    }

    @Test
    void invalid_grant_moves_the_company_to_needs_reconnect_and_is_not_retried() {
        ledger.valid = "someone-else-spent-it";

        TokenRefresher.Outcome outcome = refresher.refresh(List.of(org), c -> true, ledger, "QuickBooks");

        assertThat(outcome).isInstanceOfSatisfying(TokenRefresher.Failed.class,
                f -> assertThat(f.failure()).isInstanceOf(dev.arrears.application.ledger.LedgerFailure.NeedsReconnect.class));
        assertThat(ledger.calls).isEqualTo(1);
        assertThat(connections.find(org).orElseThrow().status()).isEqualTo(ConnectionStatus.NEEDS_RECONNECT);
    }

    /** A token endpoint that accepts only the newest refresh token, as QuickBooks does. */
    static final class NoGraceLedger implements TokenEndpoint {
        volatile String valid = "refresh-0";
        volatile Runnable afterIssuing = () -> { };
        volatile int failuresBeforeAnswer;
        int issued;
        int calls;
        int invalidGrants;

        OAuthTokens first() {
            return new OAuthTokens("access-0", EXPIRED, valid, Optional.empty(), Optional.empty());
        }

        @Override
        public TokenAnswer refresh(LedgerConnection current, Duration timeout) {
            calls++;
            if (failuresBeforeAnswer > 0) {
                failuresBeforeAnswer--;
                return new TryAgain("HTTP 503");
            }
            if (!current.tokens().refreshToken().equals(valid)) {
                invalidGrants++;
                return new InvalidGrant("invalid_grant: the refresh token was replaced");
            }
            issued++;
            valid = "refresh-" + issued;
            OAuthTokens tokens = new OAuthTokens("access-" + issued, Instant.parse("2099-01-01T00:00:00Z"), valid,
                    Optional.empty(), Optional.empty());
            afterIssuing.run();
            return new Issued(tokens);
        }
    }

    /** pg_terminate_backend on every other session of the application's database. */
    static void terminateDatabaseSessions() {
        try (Connection c = direct(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                     + "where datname = current_database() and pid <> pg_backend_pid()")) {
            rs.next();
            assertThat(rs.getInt(1)).as("sessions terminated").isPositive();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether another session holds the connection row's lock (tried with NOWAIT from a session of its own). */
    static boolean rowLocked(OrganisationId org) {
        try (Connection c = direct()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("select 1 from ledger_connection where organisation_id = '" + org.value() + "' for update nowait");
                return false;
            } catch (java.sql.SQLException locked) {
                return true;
            } finally {
                c.rollback();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection direct() throws java.sql.SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
    }
}
