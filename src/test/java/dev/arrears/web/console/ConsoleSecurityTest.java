package dev.arrears.web.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.console.ConsoleAccounts;
import dev.arrears.application.console.ConsoleRole;
import dev.arrears.application.console.ConsoleUser;
import dev.arrears.domain.money.Money;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import dev.arrears.persistence.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing in and out, roles, organisations assigned to accountants, CSRF, throttling: over HTTP, as a browser would. */
@QuarkusTest
class ConsoleSecurityTest {

    static final String PASSWORD = "correct horse battery";

    @Inject
    ConsoleAccounts accounts;
    @Inject
    OrganisationStore organisations;
    @Inject
    EntityManager em;
    @Inject
    TestClock clock;
    @ConfigProperty(name = "arrears.operator.token")
    String operatorToken;

    String suffix;
    OrganisationId mine;
    OrganisationId theirs;

    @BeforeEach
    void twoOrganisations() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        mine = organisations.create(new NewOrganisation("Mine " + suffix, LedgerProvider.XERO, ZoneId.of("Europe/London"), "GB",
                Money.currency("GBP"), "default")).id();
        theirs = organisations.create(new NewOrganisation("Theirs " + suffix, LedgerProvider.XERO, ZoneId.of("Europe/London"),
                "GB", Money.currency("GBP"), "default")).id();
    }

    ConsoleUser user(String name, ConsoleRole role, OrganisationId... assigned) {
        return ConsoleClient.user(accounts, name + "-" + suffix, "User " + name, role, PASSWORD, assigned);
    }

    @Test
    void a_console_page_without_a_session_sends_the_browser_to_sign_in() {
        given().redirects().follow(false).get("/console")
                .then().statusCode(302).header("Location", containsString("/console/login"));
    }

    @Test
    void with_single_sign_on_off_the_sign_in_page_offers_no_provider_and_its_path_signs_no_one_in() {
        given().get("/console/login").then().statusCode(200)
                .body(containsString("id=\"password\""), not(containsString("sign-in-sso")));
        Response sso = given().redirects().follow(false).get("/console/sso");
        assertThat(sso.statusCode()).as(sso.asString()).isEqualTo(302);
        assertThat(sso.header("Location")).endsWith("/console/login");
        assertThat(sso.getCookie(ConsoleSessionMechanism.SESSION_COOKIE)).isNull();
    }

    @Test
    void signing_in_sets_a_secure_http_only_same_site_cookie_and_signing_out_ends_the_session_on_the_server() {
        ConsoleUser alice = user("alice", ConsoleRole.ACCOUNTANT, mine);
        ConsoleClient client = new ConsoleClient();
        Response answer = ConsoleClient.signInAs(client, alice.username(), PASSWORD);
        assertThat(answer.statusCode()).isEqualTo(303);
        String setCookie = answer.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(ConsoleSessionMechanism.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("Secure").contains("SameSite=Strict").contains("Path=/console");

        client.get("/console").then().statusCode(200).body(containsString("User alice"));
        String oldSession = client.session;
        client.post("/console/logout").then().statusCode(303);

        // The old cookie, replayed after signing out, opens nothing.
        given().redirects().follow(false).cookie(ConsoleSessionMechanism.SESSION_COOKIE, oldSession).get("/console")
                .then().statusCode(302).header("Location", containsString("/console/login"));
    }

    @Test
    void a_wrong_password_is_refused_and_after_five_failures_even_the_right_one_is_refused_for_a_while() {
        ConsoleUser bob = user("bob", ConsoleRole.ACCOUNTANT, mine);
        for (int i = 0; i < 4; i++) {
            assertThat(ConsoleClient.signInAs(new ConsoleClient(), bob.username(), "wrong password " + i).statusCode())
                    .isEqualTo(401);
        }
        assertThat(ConsoleClient.signInAs(new ConsoleClient(), bob.username(), "wrong password 5").statusCode()).isEqualTo(429);
        Response refused = ConsoleClient.signInAs(new ConsoleClient(), bob.username(), PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.asString()).contains("Too many failed sign-ins");
        // Kept in the database, not in this process's memory.
        Number failures = (Number) em.createNativeQuery("select failures from console_sign_in_failure where username = :u")
                .setParameter("u", bob.username()).getSingleResult();
        assertThat(failures.intValue()).isEqualTo(5);
    }

    @Test
    void an_accountant_sees_only_the_organisations_assigned_to_them_and_gets_403_on_another() {
        ConsoleUser carol = user("carol", ConsoleRole.ACCOUNTANT, mine);
        ConsoleClient client = ConsoleClient.signedIn(carol.username(), PASSWORD);

        client.get("/console").then().statusCode(200)
                .body(containsString("Mine " + suffix)).body(not(containsString("Theirs " + suffix)));
        client.get("/console/organisations/" + mine).then().statusCode(200);
        client.get("/console/organisations/" + theirs).then().statusCode(403);
        client.post("/console/organisations/" + theirs + "/pause").then().statusCode(403);
        assertThat(organisations.find(theirs).orElseThrow().mode()).isEqualTo(OrganisationMode.PREVIEW);
    }

    @Test
    void the_first_firm_admin_comes_from_the_configuration_and_only_its_hash_is_stored() {
        ConsoleClient client = ConsoleClient.signedIn("first-admin", "first-admin-password-not-a-secret");
        client.get("/console").then().statusCode(200).body(containsString("Firm admin"))
                .body(containsString("Mine " + suffix)).body(containsString("Theirs " + suffix));
        String hash = (String) em.createNativeQuery("select password_hash from console_user where username = 'first-admin'")
                .getSingleResult();
        assertThat(hash).startsWith("$2").doesNotContain("first-admin-password");
    }

    @Test
    void a_firm_admin_sees_every_organisation() {
        ConsoleUser dan = user("dan", ConsoleRole.FIRM_ADMIN);
        ConsoleClient client = ConsoleClient.signedIn(dan.username(), PASSWORD);
        client.get("/console").then().statusCode(200)
                .body(containsString("Mine " + suffix)).body(containsString("Theirs " + suffix));
        client.get("/console/organisations/" + theirs).then().statusCode(200);
    }

    @Test
    void a_form_posted_without_its_csrf_token_is_refused_and_changes_nothing() {
        ConsoleUser erin = user("erin", ConsoleRole.ACCOUNTANT, mine);
        ConsoleClient client = ConsoleClient.signedIn(erin.username(), PASSWORD);

        client.request().post("/console/organisations/" + mine + "/pause").then().statusCode(403)
                .body(containsString("CSRF"));
        client.request().formParam("_csrf", "forged").post("/console/organisations/" + mine + "/pause").then().statusCode(403);
        assertThat(organisations.find(mine).orElseThrow().mode()).isEqualTo(OrganisationMode.PREVIEW);

        client.post("/console/organisations/" + mine + "/pause").then().statusCode(303);
        assertThat(organisations.find(mine).orElseThrow().mode()).isEqualTo(OrganisationMode.PAUSED);
    }

    @Test
    void a_firm_admin_adds_an_accountant_and_assigns_an_organisation_which_the_accountant_then_sees() {
        ConsoleUser ivan = user("ivan", ConsoleRole.FIRM_ADMIN);
        ConsoleClient admin = ConsoleClient.signedIn(ivan.username(), PASSWORD);
        admin.get("/console/users").then().statusCode(200);
        admin.post("/console/users", "username", "judy-" + suffix, "displayName", "Judy", "role", "ACCOUNTANT",
                "password", PASSWORD).then().statusCode(303);
        admin.post("/console/users/assignments", "username", "judy-" + suffix, "organisation", mine.toString())
                .then().statusCode(303);

        ConsoleClient judy = ConsoleClient.signedIn("judy-" + suffix, PASSWORD);
        judy.get("/console").then().statusCode(200)
                .body(containsString("Mine " + suffix)).body(not(containsString("Theirs " + suffix)));
        // An accountant manages no users.
        judy.get("/console/users").then().statusCode(403);
        judy.post("/console/users", "username", "mallory-" + suffix, "role", "FIRM_ADMIN", "password", PASSWORD)
                .then().statusCode(403);
        assertThat(accounts.user("mallory-" + suffix)).isEmpty();
    }

    @Test
    void a_password_shorter_than_twelve_characters_is_refused_with_a_message() {
        ConsoleUser kim = user("kim", ConsoleRole.FIRM_ADMIN);
        ConsoleClient admin = ConsoleClient.signedIn(kim.username(), PASSWORD);
        admin.post("/console/users", "username", "short-" + suffix, "role", "VIEWER", "password", "too short")
                .then().statusCode(400).body(containsString("at least 12 characters"));
    }

    @Test
    void a_session_unused_for_longer_than_the_idle_timeout_is_over() {
        ConsoleUser lee = user("lee", ConsoleRole.ACCOUNTANT, mine);
        ConsoleClient client = ConsoleClient.signedIn(lee.username(), PASSWORD);
        Instant start = clock.instant();
        try {
            clock.advance(Duration.ofMinutes(29));
            client.get("/console").then().statusCode(200); // used: the idle time starts again
            clock.advance(Duration.ofMinutes(29));
            client.get("/console").then().statusCode(200);
            clock.advance(Duration.ofMinutes(31));
            client.get("/console").then().statusCode(302).header("Location", containsString("/console/login"));
        } finally {
            clock.set(start);
        }
    }

    @Test
    void the_sign_in_form_without_its_token_is_refused() {
        ConsoleUser frank = user("frank", ConsoleRole.ACCOUNTANT);
        given().redirects().follow(false).formParam("username", frank.username()).formParam("password", PASSWORD)
                .post("/console/login").then().statusCode(403);
    }

    /**
     * Every state-changing endpoint of the console (found in the code, so a new one is covered without
     * editing this test), posted by a viewer with a valid CSRF token on an organisation assigned to
     * them: each is refused, and the organisation is unchanged.
     */
    @Test
    void a_viewer_is_refused_on_every_state_changing_endpoint() {
        ConsoleUser grace = user("grace", ConsoleRole.VIEWER, mine);
        ConsoleClient client = ConsoleClient.signedIn(grace.username(), PASSWORD);
        client.get("/console/organisations/" + mine).then().statusCode(200).body(not(containsString("id=\"pause\"")));

        List<String> endpoints = stateChangingEndpoints();
        assertThat(endpoints).contains("POST /console/organisations/{id}/pause", "POST /console/organisations/{id}/live");
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String template = endpoint.substring(endpoint.indexOf(' ') + 1);
            if (template.equals("/console/login") || template.equals(SignInResource.SIGN_OUT_PATH)) {
                continue;
            }
            String path = template.replaceAll("\\{id}|\\{org}", mine.toString()).replaceAll("\\{[^}]+}", "x");
            Response answer = client.request().formParam("_csrf", client.csrf).request(method, path);
            assertThat(answer.statusCode()).as(endpoint).isEqualTo(403);
        }
        assertThat(organisations.find(mine).orElseThrow().mode()).isEqualTo(OrganisationMode.PREVIEW);
    }

    @Test
    void the_admin_api_keeps_its_operator_token_and_a_console_session_does_not_open_it() {
        ConsoleUser heidi = user("heidi", ConsoleRole.FIRM_ADMIN);
        ConsoleClient client = ConsoleClient.signedIn(heidi.username(), PASSWORD);
        client.request().get("/admin/organisations").then().statusCode(401);
        given().auth().oauth2(operatorToken).get("/admin/organisations")
                .then().statusCode(200);
    }

    static List<String> stateChangingEndpoints() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.arrears.web.console");
        List<String> endpoints = new ArrayList<>();
        classes.stream().filter(c -> c.isAnnotatedWith(Path.class)).forEach(c -> {
            String base = c.getAnnotationOfType(Path.class).value();
            for (JavaMethod m : c.getMethods()) {
                for (Class<? extends java.lang.annotation.Annotation> verb : List.of(POST.class, PUT.class, DELETE.class, PATCH.class)) {
                    if (m.isAnnotatedWith(verb)) {
                        String sub = m.isAnnotatedWith(Path.class) ? m.getAnnotationOfType(Path.class).value() : "";
                        endpoints.add(verb.getSimpleName() + " " + base + (sub.startsWith("/") || sub.isEmpty() ? sub : "/" + sub));
                    }
                }
            }
        });
        return endpoints;
    }
}
