package dev.arrears.connector;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counts every call a connector makes to a ledger, by provider, operation and status: the one
 * figure that shows a provider failing, throttling (status 429) or refusing tokens. The operation
 * is the path's words only (ids, realm numbers and versions dropped), so the label stays a short,
 * fixed list: {@code Invoices/History}, {@code query}, {@code connect/token}.
 */
@ApplicationScoped
public class LedgerCallMeter {

    /** Status label of a request that never reached the ledger. */
    public static final String NOT_SENT = "not_sent";
    /** Status label of a request whose answer never came (it may have been applied). */
    public static final String LOST = "lost";

    private final MeterRegistry registry;

    public LedgerCallMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    public void answered(String provider, String path, int status) {
        count(provider, path, Integer.toString(status));
        String operation = operation(path);
        if (status >= 400 && status < 500 && operation.contains("token") && !operation.contains("revoke")) {
            registry.counter("arrears.ledger.token.refusals", "provider", provider).increment();
        }
    }

    public void unanswered(String provider, String path, String status) {
        count(provider, path, status);
    }

    private void count(String provider, String path, String status) {
        Counter.builder("arrears.ledger.calls")
                .description("Calls to a ledger's API, by provider, operation and HTTP status (or not_sent, lost)")
                .tags("provider", provider, "operation", operation(path), "status", status)
                .register(registry).increment();
    }

    /** The path's plain words: {@code /api.xro/2.0/Invoices/8f…/History} gives {@code Invoices/History}. */
    static String operation(String path) {
        List<String> words = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.matches("[A-Za-z_]+") && !List.of("api", "company").contains(segment.toLowerCase(Locale.ROOT))) {
                words.add(segment);
            }
        }
        return words.isEmpty() ? "other" : String.join("/", words);
    }
}
