package dev.arrears.connector.oauth;

import dev.arrears.application.ConnectionStatus;
import dev.arrears.application.ConnectionStore;
import dev.arrears.application.LedgerConnection;
import dev.arrears.application.OAuthTokens;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.ledger.LedgerFailure;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * The one token refresher of both providers. A refresh takes the connection's row lock (every
 * connection sharing the token set, in id order), checks that a refresh is still due (another
 * replica may have done it while we waited), makes ONE token call inside that transaction with a
 * timeout well inside the transaction's, and stores the new tokens before the lock is released.
 * A call that gives nothing usable is retried after a pause, outside the transaction, so no lock is
 * held while waiting. {@code invalid_grant} moves the connections to "needs reconnect"; it is never
 * retried. Each provider keeps only its token endpoint ({@link TokenEndpoint}) and its quirks.
 *
 * <p>A token the provider issued is never thrown away: if storing it fails (the database session
 * was terminated after the call), it is stored again, on a new connection, before anything else
 * happens. QuickBooks accepts only the newest refresh token, so dropping it would cut the company
 * off at the next refresh.
 */
@ApplicationScoped
public class TokenRefresher {

    /** Tries at storing issued tokens again after the first store failed. */
    private static final int STORE_AGAIN_TRIES = 3;

    private final ConnectionStore connections;
    private final OrganisationStore organisations;
    private final Duration callTimeout;
    private final int attempts;
    private final IntConsumer pauseBeforeAttempt;

    @Inject
    TokenRefresher(ConnectionStore connections, OrganisationStore organisations, TokenRefreshConfig config) {
        this(connections, organisations, config.callTimeout(), config.attempts(),
                attempt -> sleep(config.retryPause().multipliedBy(1L << Math.min(attempt - 2, 10))));
    }

    /** @param pauseBeforeAttempt waits before attempt number n (2 for the first retry), outside any transaction */
    public TokenRefresher(ConnectionStore connections, OrganisationStore organisations, Duration callTimeout, int attempts,
                          IntConsumer pauseBeforeAttempt) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
        this.attempts = Math.max(1, attempts);
        this.pauseBeforeAttempt = Objects.requireNonNull(pauseBeforeAttempt, "pauseBeforeAttempt");
    }

    /** What a refresh came to. */
    public sealed interface Outcome {
    }

    /**
     * The connection with usable tokens.
     *
     * @param called whether a token call was made (it counts against the provider's limits)
     */
    public record Fresh(LedgerConnection connection, boolean called) implements Outcome {
        @Override
        public String toString() {
            return "Fresh[organisation=" + connection.organisationId() + ", called=" + called + "]";
        }
    }

    public record Failed(LedgerFailure failure) implements Outcome {
    }

    /**
     * Refreshes the token set of {@code group} (the organisation asking first, then any sharing its
     * token set) if {@code due} still says so once the rows are locked.
     *
     * @param provider the provider's name for messages ("Xero", "QuickBooks")
     */
    public Outcome refresh(List<OrganisationId> group, Predicate<LedgerConnection> due, TokenEndpoint endpoint,
                           String provider) {
        String lastProblem = "no attempt made";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                pauseBeforeAttempt.accept(attempt);
            }
            Attempt made = new Attempt();
            LedgerConnection after;
            try {
                after = connections.rotateTokens(group, current -> once(current, due, endpoint, made));
            } catch (RuntimeException e) {
                if (made.issued.get() == null) {
                    throw e;
                }
                return storeAgain(group, made, provider, e);
            }
            TokenEndpoint.TokenAnswer answer = made.answer.get();
            switch (answer) {
                case null -> {
                    return made.inactive.get() != null ? new Failed(new LedgerFailure.NeedsReconnect(made.inactive.get()))
                            : new Fresh(after, false);   // no longer due: another replica refreshed
                }
                case TokenEndpoint.Issued issued -> {
                    return new Fresh(after, true);
                }
                case TokenEndpoint.InvalidGrant invalid -> {
                    String reason = provider + " refused the refresh token (" + invalid.reason()
                            + "): the connection was revoked, expired or replaced; an accountant must reconnect it";
                    group.forEach(member -> needsReconnect(member, reason));
                    return new Failed(new LedgerFailure.NeedsReconnect(reason));
                }
                case TokenEndpoint.Refused refused -> {
                    return new Failed(new LedgerFailure.Rejected(provider + "'s token endpoint refused: " + refused.reason()));
                }
                case TokenEndpoint.TryAgain again -> lastProblem = again.reason();
            }
        }
        return new Failed(new LedgerFailure.RetryLater(provider + "'s token endpoint gave no tokens after " + attempts
                + " attempts (" + lastProblem + ")", Optional.empty()));
    }

    /** What one locked attempt saw; the issued tokens are kept here as well as handed to the store. */
    private static final class Attempt {
        final AtomicReference<TokenEndpoint.TokenAnswer> answer = new AtomicReference<>();
        final AtomicReference<OAuthTokens> issued = new AtomicReference<>();
        final AtomicReference<String> spent = new AtomicReference<>();
        final AtomicReference<String> inactive = new AtomicReference<>();
    }

    /** Inside the lock: still due? then one call; the tokens it issued are returned to be stored. */
    private Optional<OAuthTokens> once(LedgerConnection current, Predicate<LedgerConnection> due, TokenEndpoint endpoint,
                                       Attempt made) {
        if (current.status() != ConnectionStatus.ACTIVE) {
            made.inactive.set("the connection is " + current.status() + current.statusReason().map(r -> ": " + r).orElse(""));
            return Optional.empty();
        }
        if (!due.test(current)) {
            return Optional.empty();
        }
        made.spent.set(current.tokens().refreshToken());
        TokenEndpoint.TokenAnswer answer = endpoint.refresh(current, callTimeout);
        made.answer.set(answer);
        if (answer instanceof TokenEndpoint.Issued issued) {
            made.issued.set(issued.tokens());
            return Optional.of(issued.tokens());
        }
        return Optional.empty();
    }

    /**
     * The provider issued tokens but the transaction storing them failed. They are the only tokens
     * it may accept from now on, so they are stored again, each try in a new transaction on a new
     * database connection, before the caller does anything else.
     */
    private Outcome storeAgain(List<OrganisationId> group, Attempt made, String provider, RuntimeException first) {
        Log.warnf("Storing the %s tokens just issued for %s failed (%s); storing them again", provider,
                group.getFirst(), first.toString());
        RuntimeException last = first;
        for (int tries = 1; tries <= STORE_AGAIN_TRIES; tries++) {
            try {
                return new Fresh(connections.storeIssuedTokens(group, made.spent.get(), made.issued.get()), true);
            } catch (RuntimeException e) {
                last = e;
            }
        }
        Log.errorf("The %s tokens issued for %s could not be stored (%s); the next refresh may need a reconnect",
                provider, group.getFirst(), last.toString());
        return new Failed(new LedgerFailure.RetryLater("the tokens " + provider + " issued could not be stored: " + last,
                Optional.empty()));
    }

    /** Marks the connection and the organisation, so that the console shows the accountant what to do. */
    public void needsReconnect(OrganisationId organisation, String reason) {
        connections.setStatus(organisation, ConnectionStatus.NEEDS_RECONNECT, Optional.of(reason));
        organisations.setMode(organisation, OrganisationMode.NEEDS_RECONNECT);
        Log.warnf("Organisation %s needs reconnecting: %s", organisation, reason);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
