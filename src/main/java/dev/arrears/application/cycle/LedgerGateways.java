package dev.arrears.application.cycle;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.ledger.LedgerGateway;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger gateways this build has, by provider. May be empty (the connectors are separate
 * modules of work): an organisation whose provider has no gateway is recorded as such, not a crash.
 */
public final class LedgerGateways {

    private final Map<LedgerProvider, LedgerGateway> byProvider = new EnumMap<>(LedgerProvider.class);

    public LedgerGateways(Collection<? extends LedgerGateway> gateways) {
        for (LedgerGateway gateway : gateways) {
            LedgerGateway earlier = byProvider.putIfAbsent(gateway.provider(), gateway);
            if (earlier != null) {
                throw new IllegalStateException("two ledger gateways for " + gateway.provider() + ": "
                        + earlier.getClass().getName() + " and " + gateway.getClass().getName());
            }
        }
    }

    public Optional<LedgerGateway> forProvider(LedgerProvider provider) {
        return Optional.ofNullable(byProvider.get(provider));
    }

    /** Why an organisation of this provider cannot be worked on, for the console. */
    public static String missing(LedgerProvider provider) {
        return "no ledger connector for " + provider + " in this build";
    }
}
