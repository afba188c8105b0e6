package dev.arrears.web.console;

import static io.restassured.RestAssured.given;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.console.ConsoleAccounts;
import dev.arrears.application.console.ConsoleRole;
import dev.arrears.application.console.ConsoleUser;
import dev.arrears.application.console.NewConsoleUser;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like HTTP client for the console: it keeps the session cookie and the CSRF token of the last page. */
final class ConsoleClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    String session;
    String csrf;

    /** Shows the sign-in form and posts it; returns the answer to the post. */
    static Response signInAs(ConsoleClient client, String username, String password) {
        Response form = given().redirects().follow(false).get("/console/login");
        String signInCookie = form.getCookie(CsrfGuard.SIGN_IN_COOKIE);
        Response answer = given().redirects().follow(false)
                .cookie(CsrfGuard.SIGN_IN_COOKIE, signInCookie)
                .formParam("_csrf", csrfOf(form.asString()))
                .formParam("username", username).formParam("password", password)
                .post("/console/login");
        client.session = answer.getCookie(ConsoleSessionMechanism.SESSION_COOKIE);
        return answer;
    }

    static ConsoleClient signedIn(String username, String password) {
        ConsoleClient client = new ConsoleClient();
        Response answer = signInAs(client, username, password);
        if (answer.statusCode() != 303 || client.session == null) {
            throw new AssertionError("sign-in as " + username + " failed: " + answer.statusCode() + " " + answer.asString());
        }
        client.get("/console"); // a page, for its CSRF token
        return client;
    }

    RequestSpecification request() {
        RequestSpecification spec = given().redirects().follow(false);
        return session == null ? spec : spec.cookie(ConsoleSessionMechanism.SESSION_COOKIE, session);
    }

    Response get(String path) {
        Response page = request().get(path);
        Matcher m = CSRF_FIELD.matcher(page.asString());
        if (m.find()) {
            csrf = m.group(1);
        }
        return page;
    }

    /** Posts a form with the page's CSRF token, as the console's own forms do. */
    Response post(String path, String... fields) {
        RequestSpecification spec = request().formParam("_csrf", csrf);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            spec = spec.formParam(fields[i], fields[i + 1]);
        }
        return spec.post(path);
    }

    /** Creates a console user with {@code password}, assigned the given organisations, as a firm admin would. */
    static ConsoleUser user(ConsoleAccounts accounts, String username, String displayName, ConsoleRole role,
                            String password, OrganisationId... assigned) {
        ConsoleUser user = accounts.createUser(new NewConsoleUser(username, displayName, role, password), "test");
        for (OrganisationId organisation : assigned) {
            accounts.assign(user, organisation, "test");
        }
        return user;
    }

    static String csrfOf(String html) {
        Matcher m = CSRF_FIELD.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF field in " + html);
        }
        return m.group(1);
    }
}
