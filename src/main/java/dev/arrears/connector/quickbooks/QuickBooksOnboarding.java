package dev.arrears.connector.quickbooks;

import dev.arrears.application.ConnectionStatus;
import dev.arrears.application.ConnectionStore;
import dev.arrears.application.LedgerConnection;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OAuthTokens;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.PolicyRepository;
import dev.arrears.application.ledger.AuthorisationStateStore;
import dev.arrears.application.ledger.LedgerChoices;
import dev.arrears.application.ledger.LedgerFailure;
import dev.arrears.application.ledger.LedgerProfileStore;
import dev.arrears.application.ledger.PendingAuthorisation;
import dev.arrears.application.cycle.SettingsReadOutsideCycle;
import dev.arrears.application.ledger.SettingsReport;
import dev.arrears.application.connection.ConnectionRefusedException;
import dev.arrears.application.connection.ConsentStart;
import dev.arrears.application.connection.LateFeeChoice;
import dev.arrears.application.connection.LateFeeOptions;
import dev.arrears.application.connection.LedgerOnboarding;
import dev.arrears.application.ledger.ConsentOrigin;
import dev.arrears.domain.money.Money;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Optional;

/**
 * Connecting and disconnecting companies: the OAuth authorization-code flow (state kept in the
 * database, realm id from the callback) and headless registration from an existing refresh token.
 * Tokens are stored before anything else is asked of Intuit, so a rotated refresh token is never
 * only in memory; the company's real name, zone, country and currency then come from its settings.
 */
@ApplicationScoped
class QuickBooksOnboarding implements LedgerOnboarding {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IntuitOAuth oauth;
    private final AuthorisationStateStore states;
    private final OrganisationStore organisations;
    private final ConnectionStore connections;
    private final LedgerProfileStore profiles;
    private final QuickBooksSettingsReader companySettings;
    private final QuickBooksConfig settings;
    private final SettingsReadOutsideCycle settingsReads;
    private final PolicyRepository policies;
    private final QuickBooksLateFeeLists lateFeeLists;
    private final Clock clock;

    QuickBooksOnboarding(IntuitOAuth oauth, AuthorisationStateStore states, OrganisationStore organisations,
                         ConnectionStore connections, LedgerProfileStore profiles, QuickBooksSettingsReader companySettings,
                         QuickBooksConfig settings, SettingsReadOutsideCycle settingsReads, PolicyRepository policies,
                         QuickBooksLateFeeLists lateFeeLists, Clock clock) {
        this.oauth = oauth;
        this.states = states;
        this.organisations = organisations;
        this.connections = connections;
        this.profiles = profiles;
        this.companySettings = companySettings;
        this.settings = settings;
        this.settingsReads = settingsReads;
        this.policies = policies;
        this.lateFeeLists = lateFeeLists;
        this.clock = clock;
    }

    /** Reads the company's settings from Intuit now; the read counts as the cycle's daily one. */
    private SettingsReport readSettings(OrganisationId organisation) {
        return settingsReads.read(organisation, () -> companySettings.refresh(organisation));
    }

    @Override
    public LedgerProvider provider() {
        return LedgerProvider.QUICKBOOKS;
    }

    @Override
    public ConsentStart startConsent(Optional<String> policyId, Optional<String> displayName, ConsentOrigin origin) {
        try {
            Authorisation started = start(policyId, displayName, origin);
            return new ConsentStart(started.url(), started.expiresAt());
        } catch (QboProblem problem) {
            throw new ConnectionRefusedException(problem.getMessage());
        }
    }

    /** A URL to send the accountant to; its state is remembered for {@link #complete}. */
    private Authorisation start(Optional<String> policyId, Optional<String> displayName, ConsentOrigin origin) {
        String policy = policies.known(policyId.orElse(settings.defaultPolicy()));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = clock.instant().plus(settings.authorisationTimeout());
        URI url = oauth.authorizeUrl(state);
        states.save(new PendingAuthorisation(state, LedgerProvider.QUICKBOOKS, policy,
                displayName, expires, origin), clock.instant());
        return new Authorisation(url, expires);
    }

    /** The callback: the state must be one we handed out, unused and unexpired. */
    Completed complete(String state, String code, String realmId) {
        PendingAuthorisation pending = states.take(LedgerProvider.QUICKBOOKS, state, clock.instant())
                .orElseThrow(() -> new QboProblem(new LedgerFailure.Rejected(
                        "unknown, used or expired state: start the connection again")));
        try {
            checkRealmId(realmId);
            TokenGrant grant = grant(() -> oauth.exchangeCode(code));
            return new Completed(register(realmId, grant.toTokens(clock.instant(), Optional.empty()), pending.policyId(),
                    pending.displayName(), Hints.NONE), pending.origin());
        } catch (QboProblem problem) {
            throw new ConsentFailed(problem, pending.origin());
        }
    }

    /** Forgets a state whose authorisation the accountant refused or cancelled. */
    Optional<ConsentOrigin> abandon(String state) {
        return states.take(LedgerProvider.QUICKBOOKS, state, clock.instant()).map(PendingAuthorisation::origin);
    }

    /** Headless registration: the refresh token is spent at once and the new one stored. */
    Registered registerWithRefreshToken(String realmId, String refreshToken, Optional<String> policyId,
                                        Optional<String> displayName, Hints hints) {
        checkRealmId(realmId);
        String policy = policies.known(policyId.orElse(settings.defaultPolicy()));
        TokenGrant grant = grant(() -> oauth.refresh(refreshToken));
        return register(realmId, grant.toTokens(clock.instant(), Optional.empty()), policy,
                displayName, hints);
    }

    /** Revokes the refresh token at Intuit, which disconnects the company; the stored tokens, status and mode are the caller's. */
    @Override
    public void revoke(OrganisationId organisation) {
        LedgerConnection connection = connections.find(organisation)
                .filter(c -> c.provider() == LedgerProvider.QUICKBOOKS)
                .orElseThrow(() -> new ConnectionRefusedException("no QuickBooks connection for " + organisation));
        if (connection.status() != ConnectionStatus.ACTIVE) {
            return; // Intuit already refused these tokens
        }
        try {
            oauth.revoke(connection.tokens().refreshToken());
        } catch (QboProblem problem) {
            throw new ConnectionRefusedException(problem.getMessage());
        }
    }

    /** A QuickBooks entity id as a late-fee choice names it: digits only; none chosen is fine. */
    static boolean quickBooksId(String id) {
        return id == null || id.matches("[0-9]{1,20}");
    }

    @Override
    public LateFeeOptions lateFeeOptions(OrganisationId organisation) {
        return lateFeeLists.read(organisation);
    }

    @Override
    public SettingsReport chooseLateFee(OrganisationId organisation, LateFeeChoice choice) {
        if (!quickBooksId(choice.item().orElse(null)) || !quickBooksId(choice.account().orElse(null))) {
            throw new ConnectionRefusedException("the late-fee item and account must be QuickBooks ids (digits only)");
        }
        if (!choice.taxRate().orElse("0").matches("[0-9]{1,20}|TAX|NON")) {
            throw new ConnectionRefusedException("taxRate must be a QuickBooks tax code: an id (digits only), or TAX or NON");
        }
        choice.taxRate().ifPresent(code -> lateFeeLists.checkTaxCode(organisation, code));
        LedgerChoices current = profiles.find(organisation).choices();
        try {
            return choose(organisation, new LedgerChoices(current.timeZone(), choice.item(), choice.account(),
                    choice.taxRate(), current.chargeBesideLedgerLateFees()));
        } catch (QboProblem problem) {
            throw new ConnectionRefusedException(problem.getMessage());
        }
    }

    /** The tax code chosen for the company's fee lines on the console, if any. */
    Optional<String> chosenTaxCode(OrganisationId organisation) {
        return profiles.find(organisation).choices().lateFeeTaxCode();
    }

    SettingsReport choose(OrganisationId organisation, LedgerChoices choices) {
        organisations.find(organisation).filter(o -> o.provider() == LedgerProvider.QUICKBOOKS)
                .orElseThrow(() -> new QboProblem(new LedgerFailure.Rejected(
                        "organisation " + organisation + " is not a QuickBooks company")));
        profiles.saveChoices(organisation, choices);
        return readSettings(organisation);
    }

    private Registered register(String realmId, OAuthTokens tokens, String policyId, Optional<String> displayName,
                                Hints hints) {
        if (!oauth.tokenReachesRealm(tokens.accessToken(), realmId)) {
            // Nothing is stored: the connection already held for that realm (if any) keeps its tokens and mode.
            Log.warnf("QuickBooks refused the new tokens for realm %s; nothing was changed", realmId);
            throw new QboProblem(new LedgerFailure.Rejected("the new QuickBooks tokens do not give access to company "
                    + realmId + "; nothing was changed: start the connection again from Arrears"));
        }
        Optional<LedgerConnection> earlier = connections.findByTenant(LedgerProvider.QUICKBOOKS, realmId);
        // One transaction from the organisation row to its connection: a replica's cycle must never
        // lease a new company whose connection is not stored yet (it would find none and mark the
        // company as needing a reconnect). Xero's onboarding does the same.
        OrganisationId organisation = QuarkusTransaction.requiringNew().call(() -> {
            OrganisationId stored = earlier.map(LedgerConnection::organisationId).orElseGet(() -> organisations.create(
                    new NewOrganisation(displayName.orElse("QuickBooks company " + realmId), LedgerProvider.QUICKBOOKS,
                            hints.timeZone().orElse(ZoneId.of("UTC")), hints.country().orElse("US"),
                            Money.currency(hints.currency().orElse("USD")), policyId)).id());
            connections.connect(stored, LedgerProvider.QUICKBOOKS, realmId, tokens, settings.scope());
            if (earlier.isPresent()) {
                // A reconnect starts in preview again: an accountant looks before anything is written.
                organisations.setMode(stored, OrganisationMode.PREVIEW);
            }
            return stored;
        });
        Log.infof("QuickBooks realm %s connected as organisation %s", realmId, organisation);
        return new Registered(organisation, earlier.isPresent(), readSettings(organisation));
    }

    /** Realm ids are Intuit's company numbers; anything else is refused before a code or token is spent. */
    private static void checkRealmId(String realmId) {
        if (realmId == null || !realmId.matches("[0-9]{1,32}")) {
            throw new QboProblem(new LedgerFailure.Rejected("realmId must be a QuickBooks company number (digits only)"));
        }
    }

    private static TokenGrant grant(java.util.function.Supplier<TokenGrant> call) {
        try {
            return call.get();
        } catch (InvalidGrant e) {
            throw new QboProblem(new LedgerFailure.Rejected("Intuit refused the grant (" + e.getMessage() + ")"));
        }
    }

    record Authorisation(URI url, Instant expiresAt) {
    }

    record Registered(OrganisationId organisation, boolean reconnected, SettingsReport settings) {
    }

    /** What one consent registered, and who started it. */
    record Completed(Registered registered, ConsentOrigin origin) {
    }

    /** A consent that failed after its state was used: the problem, and where the browser goes back to. */
    static final class ConsentFailed extends RuntimeException {
        private final QboProblem problem;
        private final transient ConsentOrigin origin;

        ConsentFailed(QboProblem problem, ConsentOrigin origin) {
            super(problem.getMessage(), problem, false, false);
            this.problem = problem;
            this.origin = origin;
        }

        QboProblem problem() {
            return problem;
        }

        ConsentOrigin origin() {
            return origin;
        }
    }

    /** What is known of a company before its settings are read (headless registration may say it). */
    record Hints(Optional<ZoneId> timeZone, Optional<String> country, Optional<String> currency) {
        static final Hints NONE = new Hints(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
