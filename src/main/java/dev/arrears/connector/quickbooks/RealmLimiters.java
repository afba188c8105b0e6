package dev.arrears.connector.quickbooks;

import dev.arrears.connector.Ticker;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link RealmLimiter} per realm on this replica. */
@ApplicationScoped
class RealmLimiters {

    private final QuickBooksConfig.Limits limits;
    private final Map<String, RealmLimiter> byRealm = new ConcurrentHashMap<>();

    private final Ticker ticker;
    private final Clock clock;

    RealmLimiters(QuickBooksConfig settings, Ticker ticker, Clock clock) {
        this.limits = settings.limits();
        this.ticker = ticker;
        this.clock = clock;
    }

    RealmLimiter of(String realmId) {
        return byRealm.computeIfAbsent(realmId, realm -> new RealmLimiter(limits.requestsPerMinute(), limits.concurrent(),
                limits.batchesPerMinute(), limits.slotWait(), ticker, clock));
    }
}
