package dev.arrears.web.console;

import dev.arrears.application.policy.PolicyDocument;
import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** What the Policies pages need in their templates: document names in links, the version before this one. */
@TemplateExtension
public final class PolicyTemplateExtensions {

    private PolicyTemplateExtensions() {
    }

    /** A document name ({@code organisations/northwind.yaml}) as a query parameter. */
    static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static int previousVersion(PolicyDocument document) {
        return document.version() - 1;
    }
}
