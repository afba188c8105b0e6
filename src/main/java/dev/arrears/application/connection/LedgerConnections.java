package dev.arrears.application.connection;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.ConnectionOverview;
import dev.arrears.application.ConnectionStatus;
import dev.arrears.application.ConnectionStore;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.Transactions;
import dev.arrears.application.console.ConsoleAccess;
import dev.arrears.application.console.NotAllowedException;
import dev.arrears.application.ledger.ConsentOrigin;
import dev.arrears.application.ledger.SettingsReport;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Connecting ledger organisations, reconnecting them, letting them go and choosing what their late
 * fees are booked to: the one service behind the console's Connections page and the admin API's
 * connect and disconnect endpoints. Every change is in the organisation's audit trail with who made it.
 */
public final class LedgerConnections {

    /** Who asks: a console user (a firm admin: the only role that manages connections) or the admin API's operator token. */
    public record Actor(String name, boolean console) {

        public Actor {
            Objects.requireNonNull(name, "name");
        }

        public static Actor operator() {
            return new Actor(ConsentOrigin.OPERATOR.startedBy(), false);
        }

        /** @throws NotAllowedException unless the user is a firm admin */
        public static Actor console(ConsoleAccess access) {
            if (!access.administersUsers()) {
                throw new NotAllowedException("Only a firm admin manages connections.");
            }
            return new Actor(access.user().username(), true);
        }
    }

    /** A connection's state in the words of the page. */
    public enum State {
        CONNECTED("connected"), NEEDS_RECONNECT("needs reconnect"), DISCONNECTED("disconnected");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static State of(ConnectionStatus status) {
            return switch (status) {
                case ACTIVE -> CONNECTED;
                case NEEDS_RECONNECT -> NEEDS_RECONNECT;
                case REVOKED -> DISCONNECTED;
            };
        }
    }

    /** One line of the Connections page. */
    public record Listing(Organisation organisation, State state, Optional<String> reason, Optional<Instant> connectedAt,
                          Optional<String> connectedBy) {
    }

    /** What a disconnect did; {@code note} says when the provider could not be told. */
    public record Disconnected(Organisation organisation, Optional<String> note) {
    }

    private final Map<LedgerProvider, LedgerOnboarding> onboardings = new EnumMap<>(LedgerProvider.class);
    private final OrganisationStore organisations;
    private final ConnectionStore connections;
    private final AuditTrail audit;
    private final Transactions transactions;

    public LedgerConnections(Collection<? extends LedgerOnboarding> onboardings, OrganisationStore organisations,
                             ConnectionStore connections, AuditTrail audit, Transactions transactions) {
        onboardings.forEach(o -> this.onboardings.put(o.provider(), o));
        this.organisations = organisations;
        this.connections = connections;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Every connected organisation (connected, needing a reconnect or disconnected), oldest first. */
    public List<Listing> list(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        Map<OrganisationId, Organisation> byId = organisations.list().stream()
                .collect(Collectors.toMap(Organisation::id, Function.identity()));
        return connections.overviews().stream()
                .filter(c -> byId.containsKey(c.organisationId()))
                .map(c -> listing(byId.get(c.organisationId()), c))
                .toList();
    }

    private static Listing listing(Organisation organisation, ConnectionOverview c) {
        State state = organisation.mode() == OrganisationMode.NEEDS_RECONNECT && c.status() == ConnectionStatus.ACTIVE
                ? State.NEEDS_RECONNECT : State.of(c.status());
        return new Listing(organisation, state, c.statusReason(), c.connectedAt(), c.connectedBy());
    }

    /** Starts a consent with the provider; the organisations it connects are chased under {@code policyId}. */
    public ConsentStart connect(Actor actor, LedgerProvider provider, Optional<String> policyId, Optional<String> displayName) {
        return onboarding(provider).startConsent(policyId, displayName, new ConsentOrigin(actor.name(), actor.console()));
    }

    /** Starts a consent for an organisation whose tokens were refused or that was disconnected; it keeps its history. */
    public ConsentStart reconnect(Actor actor, OrganisationId id) {
        Organisation organisation = known(id);
        ConnectionOverview connection = overview(id);
        if (connection.status() == ConnectionStatus.ACTIVE && organisation.mode() != OrganisationMode.NEEDS_RECONNECT) {
            throw new IllegalStateException(organisation.displayName() + " is connected; there is nothing to reconnect.");
        }
        return onboarding(organisation.provider()).startConsent(Optional.of(organisation.policyId()),
                Optional.of(organisation.displayName()), new ConsentOrigin(actor.name(), actor.console()));
    }

    /**
     * After the provider sent a consent back: notes who started it on each organisation it connected
     * and puts a reconnection in the audit trail. Called by the connectors' callbacks.
     */
    public void connected(List<OrganisationId> connected, ConsentOrigin origin) {
        transactions.inOne(() -> {
            for (OrganisationId id : connected) {
                connections.recordConnectedBy(id, origin.startedBy());
                audit.append(AuditEvent.forOrganisation(id, AuditKind.CONSOLE_ACTION,
                        Map.of("user", origin.startedBy(), "action", "connect"),
                        origin.startedBy() + " connected the organisation to its ledger"));
            }
            return connected.size();
        });
    }

    /**
     * Revokes the organisation's access at the provider, destroys the stored tokens, marks the
     * connection disconnected and pauses the organisation: no cycle works it any more, and its
     * invoices, decisions and audit trail stay.
     *
     * @param only when the caller speaks for one provider (its admin endpoints), organisations of another are refused
     */
    public Disconnected disconnect(Actor actor, OrganisationId id, Optional<LedgerProvider> only) {
        Organisation organisation = known(id);
        if (only.isPresent() && only.get() != organisation.provider()) {
            throw new ConnectionRefusedException("organisation " + id + " has no " + only.get() + " connection");
        }
        ConnectionOverview connection = overview(id);
        if (connection.status() == ConnectionStatus.REVOKED) {
            throw new IllegalStateException(organisation.displayName() + " is already disconnected.");
        }
        Optional<String> note = Optional.empty();
        try {
            onboarding(organisation.provider()).revoke(id);
        } catch (ConnectionRefusedException refused) {
            // Tokens that cannot be used are as good as revoked once they are destroyed here.
            note = Optional.of("The ledger could not be told (" + refused.getMessage() + "); the tokens were destroyed here.");
        }
        Optional<String> said = note;
        transactions.inOne(() -> {
            connections.setStatus(id, ConnectionStatus.REVOKED, Optional.of("disconnected by " + actor.name()));
            connections.forgetTokens(id);
            organisations.setMode(id, OrganisationMode.PAUSED);
            audit.append(AuditEvent.forOrganisation(id, AuditKind.CONSOLE_ACTION,
                    Map.of("user", actor.name(), "action", "disconnect"),
                    actor.name() + " disconnected the organisation from its ledger" + said.map(n -> ". " + n).orElse("")));
            return id;
        });
        return new Disconnected(organisations.find(id).orElse(organisation), note);
    }

    /** The ledger's accounts, tax rates and items for late-fee lines, read now. */
    public LateFeeOptions lateFeeOptions(Actor actor, OrganisationId id) {
        Organisation organisation = known(id);
        try {
            return onboarding(organisation.provider()).lateFeeOptions(id);
        } catch (ConnectionRefusedException refused) {
            return new LateFeeOptions.Unavailable(refused.getMessage());
        }
    }

    /** Saves the late-fee choice (the next cycle uses it; no restart) and checks it against the ledger. */
    public SettingsReport chooseLateFee(Actor actor, OrganisationId id, LateFeeChoice choice) {
        Organisation organisation = known(id);
        SettingsReport report = onboarding(organisation.provider()).chooseLateFee(id, choice);
        audit.append(AuditEvent.forOrganisation(id, AuditKind.CONSOLE_ACTION,
                Map.of("user", actor.name(), "action", "late-fee-choice",
                        "account", choice.account().orElse(""), "taxRate", choice.taxRate().orElse(""),
                        "item", choice.item().orElse("")),
                actor.name() + " chose the late-fee account, tax rate and item"));
        return report;
    }

    private Organisation known(OrganisationId id) {
        return organisations.find(id).orElseThrow(() -> new ConnectionRefusedException("there is no organisation " + id));
    }

    private ConnectionOverview overview(OrganisationId id) {
        return connections.overviews().stream().filter(c -> c.organisationId().equals(id)).findFirst()
                .orElseThrow(() -> new ConnectionRefusedException("organisation " + id + " has no ledger connection"));
    }

    private LedgerOnboarding onboarding(LedgerProvider provider) {
        LedgerOnboarding onboarding = onboardings.get(provider);
        if (onboarding == null) {
            throw new ConnectionRefusedException("no ledger connector for " + provider + " in this build");
        }
        return onboarding;
    }
}
