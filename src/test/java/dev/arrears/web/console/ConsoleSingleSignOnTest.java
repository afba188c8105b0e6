package dev.arrears.web.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.console.ConsoleAccounts;
import dev.arrears.application.console.ConsoleRole;
import dev.arrears.application.console.ConsoleUser;
import dev.arrears.domain.money.Money;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on through an OpenID Connect provider (a WireMock stand-in: discovery, keys, token and
 * end-session endpoints), over HTTP as a browser would: to the provider and back with a code, then
 * into the console. One profile, so Quarkus restarts once for all of these.
 */
@QuarkusTest
@TestProfile(ConsoleSingleSignOnTest.WithSingleSignOn.class)
class ConsoleSingleSignOnTest {

    /** The stand-in provider's issuer (OidcWiremockTestResource's discovery document). */
    private static final String ISSUER = "https://server.example.com";
    private static final String CLIENT_ID = "arrears-console";

    public static class WithSingleSignOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("arrears.console.oidc.enabled", "true",
                    "arrears.console.oidc.issuer", "${keycloak.url}/realms/quarkus",
                    "arrears.console.oidc.client-id", CLIENT_ID,
                    "arrears.console.oidc.client-secret", "test-client-secret-not-a-secret-0123456789",
                    "arrears.console.oidc.provider-name", "Acme ID");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
        }
    }

    @OidcWireMock
    WireMockServer provider;
    @Inject
    ConsoleAccounts accounts;
    @Inject
    OrganisationStore organisations;
    @Inject
    EntityManager em;
    @ConfigProperty(name = "arrears.operator.token")
    String operatorToken;

    /** Names of this test's users and organisations end with it (JUnit makes an instance per test). */
    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    /** Quarkus OIDC's session cookie from the last sign-in with the provider. */
    String providerSession;
    OrganisationId mine;
    OrganisationId theirs;

    @BeforeEach
    void anOrganisationAssignedAndAnotherNot() {
        mine = organisation("Mine");
        theirs = organisation("Theirs");
    }

    private OrganisationId organisation(String name) {
        return organisations.create(new NewOrganisation(name + " " + suffix, LedgerProvider.XERO, ZoneId.of("Europe/London"),
                "GB", Money.currency("GBP"), "default")).id();
    }

    private ConsoleUser user(String name, ConsoleRole role, OrganisationId... assigned) {
        return ConsoleClient.user(accounts, name + "-" + suffix + "@example.com", "User " + name, role,
                ConsoleSecurityTest.PASSWORD, assigned);
    }

    @Test
    void a_known_user_signs_in_with_the_provider_and_gets_their_own_role_and_organisations() {
        ConsoleUser alice = user("alice", ConsoleRole.ACCOUNTANT, mine);

        Response landed = signInWithProvider("alice-" + suffix, alice.username(), true);
        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.asString()).contains("Welcome, User alice").contains("url=/console");
        String setCookie = landed.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(ConsoleSessionMechanism.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("Secure").contains("SameSite=Strict").contains("Path=/console");

        ConsoleClient client = client(landed);
        client.get("/console").then().statusCode(200)
                .body(containsString("User alice"), containsString("Mine " + suffix), not(containsString("Theirs " + suffix)));
        client.get("/console/organisations/" + theirs).then().statusCode(403);
        client.get("/console/users").then().statusCode(403);
        assertThat(events(alice.username())).contains("SIGNED_IN: User alice signed in with Acme ID");
    }

    @Test
    void the_subject_stored_at_the_first_sign_in_finds_the_user_again_and_another_subject_with_their_email_is_refused() {
        ConsoleUser bob = user("bob", ConsoleRole.ACCOUNTANT, mine);
        assertThat(signInWithProvider("bob-" + suffix, bob.username(), true).statusCode()).isEqualTo(200);

        // The provider changed bob's email: his subject still finds him.
        Response again = signInWithProvider("bob-" + suffix, "robert-" + suffix + "@example.com", true);
        assertThat(again.statusCode()).isEqualTo(200);
        client(again).get("/console").then().statusCode(200).body(containsString("User bob"));

        // Someone else at the provider now holds bob's address: refused, nothing opened.
        assertRefused(signInWithProvider("mallory-" + suffix, bob.username(), true), "signs in with another Acme ID account");
    }

    @Test
    void an_unknown_email_an_unverified_one_or_a_disabled_user_is_refused_with_a_page_that_says_why() {
        String stranger = "stranger-" + suffix + "@example.com";
        Response unknown = signInWithProvider("stranger-" + suffix, stranger, true);
        assertRefused(unknown, "No console user is named " + stranger);
        assertThat(unknown.asString()).contains("href=\"/console/login\"");
        assertThat(accounts.user(stranger)).isEmpty();
        assertThat(events(stranger)).anyMatch(e -> e.startsWith("SIGN_IN_REFUSED: Single sign-on refused: No console user"));

        ConsoleUser carol = user("carol", ConsoleRole.FIRM_ADMIN);
        assertRefused(signInWithProvider("carol-" + suffix, carol.username(), false), "did not give a verified email address");

        ConsoleUser dan = user("dan", ConsoleRole.ACCOUNTANT, mine);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update console_user set disabled = true where id = :id")
                .setParameter("id", dan.id()).executeUpdate());
        assertRefused(signInWithProvider("dan-" + suffix, dan.username(), true), "is disabled");
    }

    @Test
    void a_viewer_signed_in_with_the_provider_cannot_change_anything() {
        ConsoleUser grace = user("grace", ConsoleRole.VIEWER, mine);
        ConsoleClient client = client(signInWithProvider("grace-" + suffix, grace.username(), true));
        client.get("/console/organisations/" + mine).then().statusCode(200);

        client.post("/console/organisations/" + mine + "/pause").then().statusCode(403);
        assertThat(organisations.find(mine).orElseThrow().mode()).isEqualTo(OrganisationMode.PREVIEW);
    }

    @Test
    void signing_out_ends_the_console_session_and_the_provider_session() {
        ConsoleUser dave = user("dave", ConsoleRole.FIRM_ADMIN);
        Response landed = signInWithProvider("dave-" + suffix, dave.username(), true);
        ConsoleClient client = client(landed);
        assertThat(providerSession).isNotBlank();

        Response signedOut = client.request().cookie(SingleSignOn.OIDC_SESSION_COOKIE, providerSession)
                .formParam("_csrf", client.csrf).post("/console/logout");
        assertThat(signedOut.statusCode()).isEqualTo(303);
        assertThat(signedOut.header("Location")).endsWith(SingleSignOnResource.SIGN_OUT_PATH);

        // RP-initiated logout: the provider's end-session endpoint, which sends the browser back to sign-in.
        Response toProvider = given().redirects().follow(false).cookie(SingleSignOn.OIDC_SESSION_COOKIE, providerSession)
                .get(SingleSignOnResource.SIGN_OUT_PATH);
        assertThat(toProvider.statusCode()).isEqualTo(302);
        String location = URLDecoder.decode(toProvider.header("Location"), StandardCharsets.UTF_8);
        assertThat(location).startsWith(provider.baseUrl() + "/auth/realms/quarkus/protocol/openid-connect/end-session")
                .contains("/console/login");

        client.get("/console").then().statusCode(302).header("Location", containsString("/console/login"));
        assertThat(events(dave.username())).contains("SIGNED_OUT: User dave signed out");
    }

    @Test
    void with_single_sign_on_on_the_password_form_the_admin_token_and_the_sign_in_redirect_are_unchanged() {
        given().get("/console/login").then().statusCode(200)
                .body(containsString("id=\"password\""), containsString("Sign in with Acme ID"));
        given().redirects().follow(false).get("/console")
                .then().statusCode(302).header("Location", containsString("/console/login"));

        ConsoleUser erin = user("erin", ConsoleRole.ACCOUNTANT, mine);
        ConsoleClient client = ConsoleClient.signedIn(erin.username(), ConsoleSecurityTest.PASSWORD);
        client.get("/console").then().statusCode(200).body(containsString("Mine " + suffix));
        // Signed in with the password, signing out stays here; only a provider session (here the first of the
        // chunks Quarkus splits a large one into) sends the browser on to end it.
        client.post("/console/logout").then().statusCode(303).header("Location", endsWith("/console/login"));
        ConsoleClient again = ConsoleClient.signedIn(erin.username(), ConsoleSecurityTest.PASSWORD);
        Response chunked = again.request().cookie(SingleSignOn.OIDC_SESSION_COOKIE + "_chunk_1", "part")
                .formParam("_csrf", again.csrf).post("/console/logout");
        assertThat(chunked.header("Location")).endsWith(SingleSignOnResource.SIGN_OUT_PATH);
        given().auth().oauth2(operatorToken).get("/admin/organisations").then().statusCode(200);
        given().get("/admin/organisations").then().statusCode(401);
    }

    /**
     * What a browser does: the console sends it to the provider; the provider (here the test) sends it
     * back with a code and the state; Quarkus OIDC trades the code for tokens that the provider signed
     * for {@code subject}; the console matches the ID token to a user.
     *
     * @return the console's answer once the provider's part is done
     */
    private Response signInWithProvider(String subject, String email, boolean emailVerified) {
        String idToken = Jwt.issuer(ISSUER).audience(CLIENT_ID).subject(subject)
                .claim("email", email).claim("email_verified", emailVerified)
                .jws().keyId("1").sign("privateKey.jwk");
        provider.stubFor(post("/auth/realms/quarkus/token").atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\": \"opaque-" + subject + "\", \"token_type\": \"Bearer\", \"expires_in\": 300, "
                        + "\"id_token\": \"" + idToken + "\"}")));

        Response toProvider = given().redirects().follow(false).get("/console/sso");
        assertThat(toProvider.statusCode()).as("sent to the provider").isEqualTo(302);
        Map<String, String> query = query(URI.create(toProvider.header("Location")));
        assertThat(query).containsEntry("client_id", CLIENT_ID).containsEntry("response_type", "code");
        assertThat(query.get("scope")).contains("openid").contains("email");

        Response back = given().redirects().follow(false).cookies(toProvider.getCookies())
                .get(query.get("redirect_uri") + "?code=code-" + subject + "&state=" + query.get("state"));
        assertThat(back.statusCode()).as("code traded: " + back.asString()).isEqualTo(302);
        Map<String, String> cookies = new HashMap<>(back.getCookies());
        cookies.values().removeIf(String::isEmpty);
        providerSession = cookies.get(SingleSignOn.OIDC_SESSION_COOKIE);
        return given().redirects().follow(false).cookies(cookies).get(URI.create(back.header("Location")).getPath());
    }

    /** A refusal page (403) that says why, and no console session. */
    private static void assertRefused(Response answer, String why) {
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.asString()).contains(why);
        assertThat(answer.getCookie(ConsoleSessionMechanism.SESSION_COOKIE)).isNull();
    }

    private static ConsoleClient client(Response landed) {
        ConsoleClient client = new ConsoleClient();
        client.session = landed.getCookie(ConsoleSessionMechanism.SESSION_COOKIE);
        assertThat(client.session).as("the console's session cookie").isNotBlank();
        client.get("/console"); // a page, for its CSRF token
        return client;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    @SuppressWarnings("unchecked")
    private List<String> events(String username) {
        return ((List<Object[]>) em.createNativeQuery("select kind, message from console_event where username = :u order by id")
                .setParameter("u", username).getResultList()).stream().map(r -> r[0] + ": " + r[1]).toList();
    }
}
