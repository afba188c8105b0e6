package dev.arrears.connector.oauth;

import dev.arrears.application.OrganisationId;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a callback sends the browser back when the consent was started on the console's
 * Connections page: the page names the organisations connected, or says why nothing was. Only ids
 * and the refusal's text travel in the address; the page escapes what it shows.
 *
 * <p>The answer is a small page that moves on by itself, not a redirect: the browser arrives here
 * from the provider's site, and a redirect would carry on that cross-site navigation, on which the
 * console's {@code SameSite=Strict} session cookie is not sent (the user would land on the sign-in
 * form). A navigation this page starts is same-site, so the session comes along.
 */
public final class ConsoleReturn {

    public static final String PAGE = "/console/connections";

    private ConsoleReturn() {
    }

    public static Response connected(List<OrganisationId> organisations) {
        String ids = organisations.stream().map(OrganisationId::toString).collect(Collectors.joining(","));
        return onwards(PAGE + "?connected=" + encode(ids));
    }

    public static Response failed(String message) {
        String shortened = message.length() > 300 ? message.substring(0, 300) + "…" : message;
        return onwards(PAGE + "?failed=" + encode(shortened));
    }

    private static Response onwards(String address) {
        // The address is built from URL-encoded parts only: nothing in it needs HTML escaping but '&'.
        String href = address.replace("&", "&amp;");
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url=" + href + "\"><title>Back to Arrears</title></head>"
                + "<body><p><a id=\"back-to-console\" href=\"" + href + "\">Back to the connections</a></p></body></html>";
        return Response.ok(html, "text/html;charset=UTF-8").header("Cache-Control", "no-store").build();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
