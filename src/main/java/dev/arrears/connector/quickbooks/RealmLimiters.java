package dev.arrears.connector.quickbooks;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link RealmLimiter} per realm on this replica. */
@ApplicationScoped
class RealmLimiters {

    private final QuickBooksSettings.Limits limits;
    private final Map<String, RealmLimiter> byRealm = new ConcurrentHashMap<>();

    RealmLimiters(QuickBooksSettings settings) {
        this.limits = settings.limits();
    }

    RealmLimiter of(String realmId) {
        return byRealm.computeIfAbsent(realmId, realm -> new RealmLimiter(limits.requestsPerMinute(), limits.concurrent(),
                limits.batchesPerMinute(), limits.slotWait()));
    }
}
