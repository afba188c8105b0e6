package dev.arrears.connector.xero;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arrears.application.ConnectionStatus;
import dev.arrears.application.ConnectionStore;
import dev.arrears.application.LedgerConnection;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.PolicyRepository;
import dev.arrears.application.cycle.SettingsReadOutsideCycle;
import dev.arrears.application.ledger.LedgerSettingsStore;
import dev.arrears.application.ledger.OrganisationLedgerSettings;
import dev.arrears.application.ledger.PendingConsent;
import dev.arrears.application.ledger.PendingConsentStore;
import dev.arrears.application.ledger.SettingsReport;
import dev.arrears.application.connection.ConnectionRefusedException;
import dev.arrears.application.connection.ConsentStart;
import dev.arrears.application.connection.LateFeeChoice;
import dev.arrears.application.connection.LateFeeOptions;
import dev.arrears.application.connection.LedgerOnboarding;
import dev.arrears.application.ledger.ConsentOrigin;
import dev.arrears.connector.oauth.Pkce;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Bringing Xero organisations into Arrears and letting them go: the consent flow (state and PKCE
 * kept in the database, so any replica can take the callback), registration from an existing
 * refresh token, and disconnection.
 */
@ApplicationScoped
class XeroOnboarding implements LedgerOnboarding {

    private final XeroConfig config;
    private final XeroIdentity identity;
    private final XeroClient api;
    private final XeroTokens tokens;
    private final XeroSettingsReader settingsReader;
    private final PendingConsentStore consents;
    private final OrganisationStore organisations;
    private final ConnectionStore connections;
    private final LedgerSettingsStore settings;
    private final SettingsReadOutsideCycle settingsReads;
    private final PolicyRepository policies;
    private final XeroLateFeeLists lateFeeLists;
    private final Clock clock;

    XeroOnboarding(XeroConfig config, XeroIdentity identity, XeroClient api, XeroTokens tokens, XeroSettingsReader settingsReader,
                   PendingConsentStore consents, OrganisationStore organisations, ConnectionStore connections,
                   LedgerSettingsStore settings, SettingsReadOutsideCycle settingsReads, PolicyRepository policies,
                   XeroLateFeeLists lateFeeLists, Clock clock) {
        this.config = config;
        this.identity = identity;
        this.api = api;
        this.tokens = tokens;
        this.settingsReader = settingsReader;
        this.consents = consents;
        this.organisations = organisations;
        this.connections = connections;
        this.settings = settings;
        this.settingsReads = settingsReads;
        this.policies = policies;
        this.lateFeeLists = lateFeeLists;
        this.clock = clock;
    }

    /** Reads the organisation's settings from Xero now; the read counts as the cycle's daily one. */
    SettingsReport readSettings(OrganisationId organisation) {
        return settingsReads.read(organisation, () -> settingsReader.refresh(organisation));
    }

    /**
     * A consent or registration that cannot go ahead; the message is for the operator or accountant.
     * A consent that failed after its state was used carries where it was started from.
     */
    static final class OnboardingRefused extends ConnectionRefusedException {
        private final transient Optional<ConsentOrigin> origin;

        OnboardingRefused(String message) {
            this(message, Optional.empty());
        }

        OnboardingRefused(String message, Optional<ConsentOrigin> origin) {
            super(message);
            this.origin = origin;
        }

        Optional<ConsentOrigin> origin() {
            return origin;
        }
    }

    /** The organisations one consent connected, and who started it. */
    record Completed(List<Organisation> organisations, ConsentOrigin origin) {
    }

    @Override
    public LedgerProvider provider() {
        return LedgerProvider.XERO;
    }

    /** Where to send the accountant to consent: Xero's page, with state and the PKCE challenge. */
    @Override
    public ConsentStart startConsent(Optional<String> policyId, Optional<String> displayName, ConsentOrigin origin) {
        String clientId = config.clientId().orElseThrow(() -> new OnboardingRefused("arrears.xero.client-id is not set"));
        URI redirect = config.redirectUri().orElseThrow(() -> new OnboardingRefused("arrears.xero.redirect-uri is not set"));
        String state = Pkce.state();
        String verifier = Pkce.verifier();
        String policy;
        try {
            policy = policies.known(policyId.orElse(config.defaultPolicy()));
        } catch (IllegalArgumentException unknown) {
            throw new OnboardingRefused(unknown.getMessage());
        }
        Instant expires = clock.instant().plus(config.consentLifetime());
        consents.save(new PendingConsent(state, LedgerProvider.XERO, verifier, policy, expires, origin));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirect.toString());
        query.put("scope", String.join(" ", config.scopes()));
        query.put("state", state);
        query.put("code_challenge", Pkce.challenge(verifier));
        query.put("code_challenge_method", "S256");
        return new ConsentStart(URI.create(config.authorizeUrl() + "?" + XeroIdentity.formBody(query).replace("+", "%20")),
                expires);
    }

    /** The callback: checks the state, exchanges the code, registers every organisation of this consent. */
    Completed completeConsent(String code, String state) {
        PendingConsent consent = consents.take(state, clock.instant())
                .filter(c -> c.provider() == LedgerProvider.XERO)
                .orElseThrow(() -> new OnboardingRefused("this consent is unknown, was already used or has expired; "
                        + "start again from Arrears"));
        try {
            XeroIdentity.Granted granted = exchange(() -> identity.exchangeCode(code, consent.codeVerifier()));
            // /connections lists every organisation the user ever connected; the auth event picks this consent's.
            List<XeroIdentity.Connection> chosen = identity.connections(granted.tokens().accessToken(), granted.authEventId());
            return new Completed(registerAll(granted, organisationsOnly(chosen), consent.policyId()), consent.origin());
        } catch (OnboardingRefused | XeroIdentity.TokenRefused | IllegalStateException e) {
            throw new OnboardingRefused(e.getMessage(), Optional.of(consent.origin()));
        }
    }

    /** Forgets a consent the accountant refused or cancelled: its state cannot be used afterwards. */
    Optional<ConsentOrigin> abandon(String state) {
        return consents.take(state, clock.instant()).map(PendingConsent::origin);
    }

    /**
     * Registers organisations from a refresh token obtained elsewhere (a migration, a script). The
     * token is spent at once; the rotated one is stored sealed.
     *
     * @param tenantId the organisation to register; empty = every organisation the token reaches
     */
    List<Organisation> registerFromRefreshToken(String refreshToken, Optional<String> tenantId, Optional<String> policyId) {
        String policy = policies.known(policyId.orElse(config.defaultPolicy()));
        XeroIdentity.Granted granted = exchange(() -> identity.refresh(refreshToken));
        List<XeroIdentity.Connection> reachable = organisationsOnly(identity.connections(granted.tokens().accessToken(),
                Optional.empty()));
        List<XeroIdentity.Connection> chosen = tenantId
                .map(id -> reachable.stream().filter(c -> c.tenantId().equalsIgnoreCase(id)).toList())
                .orElse(reachable);
        if (chosen.isEmpty()) {
            throw new OnboardingRefused(tenantId.map(id -> "the refresh token does not reach Xero organisation " + id)
                    .orElse("the refresh token reaches no Xero organisation"));
        }
        return registerAll(granted, chosen, policy);
    }

    /**
     * Revokes the refresh token at Xero. When other organisations share its token set only this
     * organisation's Xero connection is deleted ({@code DELETE /connections/{id}}): revoking the
     * token would cut them off too. The stored tokens, status and mode are the caller's.
     */
    @Override
    public void revoke(OrganisationId organisation) {
        LedgerConnection connection = connections.find(organisation)
                .filter(c -> c.provider() == LedgerProvider.XERO)
                .orElseThrow(() -> new OnboardingRefused("organisation " + organisation + " has no Xero connection"));
        OrganisationLedgerSettings own = settings.find(organisation)
                .orElse(OrganisationLedgerSettings.initial(organisation, Optional.empty(), config.limits().emailsPerDay()));
        List<OrganisationId> others = own.tokenGroup().map(settings::tokenGroupMembers).orElse(List.of()).stream()
                .filter(member -> !member.equals(organisation))
                .filter(member -> connections.find(member).map(c -> c.status() == ConnectionStatus.ACTIVE).orElse(false))
                .toList();
        if (connection.status() == ConnectionStatus.ACTIVE) {
            XeroTokens.Token token = tokens.fresh(organisation, new CallCount());
            if (token instanceof XeroTokens.Fresh fresh) {
                if (others.isEmpty()) {
                    identity.revoke(connections.find(organisation).orElseThrow().tokens().refreshToken());
                } else {
                    identity.connections(fresh.accessToken(), Optional.empty()).stream()
                            .filter(c -> c.tenantId().equalsIgnoreCase(connection.tenantId()))
                            .forEach(c -> identity.deleteConnection(fresh.accessToken(), c.id()));
                }
            } else {
                Log.warnf("Xero organisation %s: the token could not be refreshed to revoke it; removing it locally only",
                        organisation);
            }
        }
        settings.update(organisation, s -> s.withTokenGroup(Optional.empty()));
    }

    @Override
    public LateFeeOptions lateFeeOptions(OrganisationId organisation) {
        return lateFeeLists.read(organisation, settings.find(organisation)
                .map(s -> new LateFeeChoice(s.lateFeeAccountCode(), s.lateFeeTaxType(), s.lateFeeItemCode()))
                .orElse(LateFeeChoice.NONE));
    }

    @Override
    public SettingsReport chooseLateFee(OrganisationId organisation, LateFeeChoice choice) {
        LateFeeCodes.firstMalformed(new XeroResources.LateFeeChoice(choice.account().orElse(null),
                choice.taxRate().orElse(null), choice.item().orElse(null), null, null)).ifPresent(problem -> {
                    throw new OnboardingRefused(problem);
                });
        settings.update(organisation, current -> current.withLateFeeChoices(choice.account(), choice.taxRate(),
                        choice.item(), current.lateFeesApproved()))
                .orElseThrow(() -> new OnboardingRefused("organisation " + organisation + " is not a Xero organisation"));
        return readSettings(organisation);
    }

    private List<Organisation> registerAll(XeroIdentity.Granted granted, List<XeroIdentity.Connection> chosen,
                                           String policyId) {
        String group = UUID.randomUUID().toString();
        List<Organisation> registered = new ArrayList<>();
        for (XeroIdentity.Connection connection : chosen) {
            registered.add(register(granted, connection, group, policyId));
        }
        for (Organisation organisation : registered) {
            SettingsReport report = readSettings(organisation.id());
            report.failure().ifPresent(f -> Log.warnf("Xero organisation %s registered, but its settings could not be read: %s",
                    organisation.id(), f.reason()));
        }
        return registered.stream().map(o -> organisations.find(o.id()).orElse(o)).toList();
    }

    private Organisation register(XeroIdentity.Granted granted, XeroIdentity.Connection connection, String group,
                                  String policyId) {
        Optional<LedgerConnection> known = connections.findByTenant(LedgerProvider.XERO, connection.tenantId());
        Optional<XeroSettingsReader.OrganisationFacts> newOrganisation = Optional.empty();
        if (known.isEmpty()) {
            XeroClient.Result read = api.readOnce(granted.tokens().accessToken(), connection.tenantId(),
                    XeroClient.Call.get("/Organisation", Map.of()));
            if (!(read instanceof XeroClient.Ok ok)) {
                throw new OnboardingRefused("Xero organisation " + connection.tenantName() + " could not be read: "
                        + ((XeroClient.Failed) read).failure().reason());
            }
            JsonNode org = ok.body().path("Organisations").path(0);
            newOrganisation = Optional.of(switch (XeroSettingsReader.parseFacts(org)) {
                case XeroSettingsReader.Facts f -> f.facts();
                case XeroSettingsReader.FactsFailed failed -> throw new OnboardingRefused(failed.failure().reason());
            });
        }
        Optional<XeroSettingsReader.OrganisationFacts> facts = newOrganisation;
        // One transaction from the organisation row to its connection and settings: a replica's cycle
        // must never lease a new organisation whose connection is not stored yet (it would find none
        // and mark the organisation as needing a reconnect).
        Organisation organisation = QuarkusTransaction.requiringNew().call(() -> {
            Organisation stored;
            if (known.isPresent()) {
                // A reconnect: same organisation, new tokens; it leaves "needs reconnect" for preview.
                stored = organisations.find(known.get().organisationId()).orElseThrow();
                if (stored.mode() == OrganisationMode.NEEDS_RECONNECT || known.get().status() == ConnectionStatus.REVOKED) {
                    stored = organisations.setMode(stored.id(), OrganisationMode.PREVIEW);
                }
            } else {
                XeroSettingsReader.OrganisationFacts f = facts.orElseThrow();
                stored = organisations.create(new NewOrganisation(f.name(), LedgerProvider.XERO, f.zone(),
                        f.country(), f.baseCurrency(), policyId));
            }
            connections.connect(stored.id(), LedgerProvider.XERO, connection.tenantId(), granted.tokens(), granted.scopes());
            if (settings.update(stored.id(), s -> s.withTokenGroup(Optional.of(group))).isEmpty()) {
                settings.save(OrganisationLedgerSettings.initial(stored.id(), Optional.of(group), config.limits().emailsPerDay()));
            }
            return stored;
        });
        Log.infof("Xero organisation '%s' (tenant %s) connected as %s", organisation.displayName(), connection.tenantId(),
                organisation.id());
        return organisation;
    }

    private static List<XeroIdentity.Connection> organisationsOnly(List<XeroIdentity.Connection> all) {
        return all.stream().filter(c -> c.tenantType().isBlank() || "ORGANISATION".equalsIgnoreCase(c.tenantType())).toList();
    }

    private static XeroIdentity.Granted exchange(java.util.function.Supplier<XeroIdentity.Granted> call) {
        try {
            return call.get();
        } catch (XeroIdentity.TokenRefused refused) {
            throw new OnboardingRefused(refused.getMessage());
        }
    }
}
