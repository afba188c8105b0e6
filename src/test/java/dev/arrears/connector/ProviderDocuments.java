package dev.arrears.connector;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The providers' own documents the tests validate against (Xero's OpenAPI files, Intuit's XSDs and
 * recorded examples), copied with their licences into src/test/resources/apis so that a clone tests
 * on its own: nothing is looked for outside the checkout. Provenance: apis/{xero,quickbooks}/SOURCE.txt.
 */
public final class ProviderDocuments {

    private ProviderDocuments() {
    }

    /** A file or folder under apis/ on the test class path, e.g. {@code xero/xero_accounting.yaml}. */
    public static Path path(String underApis) {
        URL url = ProviderDocuments.class.getClassLoader().getResource("apis/" + underApis);
        if (url == null) {
            throw new IllegalStateException("apis/" + underApis + " is not on the test class path (src/test/resources/apis)");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("apis/" + underApis + " has no file path: " + url, e);
        }
    }
}
