package dev.arrears.cli;

import dev.arrears.application.SecretReseal;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;

/**
 * {@code reseal-secrets}: seals every stored secret again under {@code ARREARS_SECRETS_KEY}, bound
 * to its row and column. Run it after moving the previous key to {@code ARREARS_SECRETS_OLD_KEYS}
 * (and once after upgrading from a version that did not bind values to their rows); when it
 * reports success the old keys can be removed. It boots against the same database as the daemon,
 * with the cycle and the HTTP port off, and exits.
 */
public class ResealSecretsCommand implements QuarkusApplication {

    /** Set before boot by {@code ArrearsMain}: this run must not start cycles or take the daemon's port. */
    public static void prepare() {
        System.setProperty("arrears.cycle.enabled", "false");
        System.setProperty("quarkus.http.port", "0");
        System.setProperty("quarkus.http.host", "127.0.0.1");
    }

    @Inject
    SecretReseal reseal;

    @Override
    public int run(String... args) {
        SecretReseal.Resealed result = reseal.resealAll();
        System.out.printf("reseal-secrets: %d sealed values read, %d sealed again under the current key%n",
                result.read(), result.resealed());
        result.unreadable().forEach(place -> System.out.println("  could not be opened, left as it is: " + place));
        // Old keys may only be removed when nothing is left under them.
        return result.unreadable().isEmpty() ? 0 : 2;
    }
}
