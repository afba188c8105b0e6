package dev.arrears.web.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationKey;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.SendRulesRepository;
import dev.arrears.application.console.ConsoleAccounts;
import dev.arrears.application.console.ConsoleRole;
import dev.arrears.application.console.ConsoleUser;
import dev.arrears.application.policy.OrganisationSettingsDocuments;
import dev.arrears.application.policy.PolicyDocument;
import dev.arrears.domain.money.Money;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An organisation's own settings page and the admin API's import and export: settings are versions in
 * the database, checked as start-up checks the files of config/organisations, saved only by a firm
 * admin or the organisation's accountant, and in force from the next cycle without a restart.
 */
@QuarkusTest
class ConsoleOrganisationSettingsTest {

    static final String PASSWORD = "correct horse battery";

    @Inject
    ConsoleAccounts accounts;
    @Inject
    OrganisationStore organisations;
    @Inject
    OrganisationSettingsDocuments documents;
    @Inject
    SendRulesRepository sendRules;
    @ConfigProperty(name = "arrears.operator.token")
    String operatorToken;

    String suffix;
    OrganisationId mine;
    OrganisationId theirs;

    @BeforeEach
    void twoOrganisations() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        mine = organisation("Mine");
        theirs = organisation("Theirs");
    }

    @Test
    void a_new_organisation_has_the_firm_s_defaults_until_its_own_settings_are_saved_and_then_they_apply_without_a_restart() {
        ConsoleClient accountant = signedIn(user("accountant", ConsoleRole.ACCOUNTANT, mine));
        Response page = accountant.get("/console/organisations/" + mine + "/settings");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("the firm&#39;s default send rules").contains("Mon–Fri 09:00–17:00 Europe/London")
                .contains("None yet: the firm's defaults apply").contains("organisation: " + mine);

        Response saved = accountant.post("/console/organisations/" + mine + "/settings/save", "content", settings(mine, "14:00", "none"),
                "basedOn", "0");

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.getHeader("Location")).endsWith("/settings?saved=1");
        assertThat(sendRules.rulesFor(key(mine), ZoneId.of("Europe/London"), "GB").contact().window().start()).isEqualTo(LocalTime.of(14, 0));
        assertThat(sendRules.rulesFor(key(mine), ZoneId.of("Europe/London"), "GB").contact().maxContactsPer7Days())
                .isEqualTo(Integer.MAX_VALUE);
        PolicyDocument version = documents.history(mine + ".yaml").getFirst();
        assertThat(version.savedBy()).isEqualTo("accountant-" + suffix);
        assertThat(version.origin()).isEqualTo(PolicyDocument.Origin.CONSOLE);
        assertThat(accountant.get("/console/organisations/" + mine + "/settings?saved=1").asString())
                .contains("Saved as version 1").contains("Mon–Fri 14:00–17:00 Europe/London").contains("no cap");
        assertThat(auditedBy("accountant-" + suffix)).anySatisfy(m -> assertThat(m)
                .startsWith("SETTINGS_SAVED accountant-" + suffix + " saved the organisation settings config/organisations/" + mine
                        + ".yaml as version 1"));
    }

    @Test
    void each_mistake_is_named_by_its_field_as_at_start_up_and_nothing_is_saved() {
        ConsoleClient admin = signedIn(user("admin", ConsoleRole.FIRM_ADMIN));
        String wrong = """
                organisation: %s
                send_rules:
                  window:
                    from: "17:00"
                    until: "09:00"
                    zone: Europe/Londn
                  holidays: { country: XX }
                  minimum_gap_days: -1
                  max_contacts_per_7_days: 0
                """.formatted(mine);

        Response check = admin.post("/console/organisations/" + mine + "/settings/check", "content", wrong);
        Response save = admin.post("/console/organisations/" + mine + "/settings/save", "content", wrong, "basedOn", "0");

        assertThat(check.statusCode()).isEqualTo(200);
        String file = "config/organisations/" + mine + ".yaml: ";
        assertThat(check.asString())
                .contains(file + "send_rules.window.zone: &#39;Europe/Londn&#39; is not a time zone")
                .contains(file + "send_rules.window.until: must be later than from (17:00)")
                .contains(file + "send_rules.holidays.country:")
                .contains(file + "send_rules.minimum_gap_days:")
                .contains(file + "send_rules.max_contacts_per_7_days:").contains("must be 1 or more, got 0; write none for no cap");
        assertThat(save.statusCode()).isEqualTo(422);
        assertThat(save.asString()).contains(file + "send_rules.window.zone");
        assertThat(documents.history(mine + ".yaml")).isEmpty();

        Response yaml = admin.post("/console/organisations/" + mine + "/settings/check", "content", "organisation: x\n  send_rules: [\n");
        assertThat(yaml.asString()).contains("is not valid YAML at line");
    }

    @Test
    void settings_that_name_another_organisation_are_refused_on_this_organisation_s_page() {
        ConsoleClient accountant = signedIn(user("accountant", ConsoleRole.ACCOUNTANT, mine));
        Response save = accountant.post("/console/organisations/" + mine + "/settings/save", "content", settings(theirs, "10:00", "2"),
                "basedOn", "0");
        assertThat(save.statusCode()).isEqualTo(422);
        assertThat(save.asString()).contains("organisation: these are the settings of Mine " + suffix + "; expected organisation: " + mine);
        assertThat(documents.history(theirs + ".yaml")).isEmpty();
        assertThat(documents.history(mine + ".yaml")).isEmpty();
    }

    @Test
    void someone_else_s_save_in_between_is_refused_not_overwritten_and_versions_are_compared() {
        ConsoleClient admin = signedIn(user("admin", ConsoleRole.FIRM_ADMIN));
        String path = "/console/organisations/" + mine + "/settings";
        admin.post(path + "/save", "content", settings(mine, "10:00", "2"), "basedOn", "0").then().statusCode(303);
        admin.post(path + "/save", "content", settings(mine, "11:00", "2"), "basedOn", "1").then().statusCode(303);

        Response late = admin.post(path + "/save", "content", settings(mine, "12:00", "2"), "basedOn", "1");

        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.asString()).contains("after you opened version 1");
        assertThat(admin.get(path + "?from=1&to=2").asString()).contains("-     from: &quot;10:00&quot;")
                .contains("+     from: &quot;11:00&quot;");
    }

    @Test
    void a_viewer_and_another_organisation_s_accountant_get_403_and_a_form_without_its_csrf_token_is_refused() {
        ConsoleClient viewer = signedIn(user("viewer", ConsoleRole.VIEWER, mine));
        ConsoleClient other = signedIn(user("other", ConsoleRole.ACCOUNTANT, theirs));
        ConsoleClient admin = signedIn(user("admin", ConsoleRole.FIRM_ADMIN));
        String path = "/console/organisations/" + mine + "/settings";
        String text = settings(mine, "10:00", "2");

        assertThat(viewer.get(path).statusCode()).isEqualTo(200);
        assertThat(viewer.get(path).asString()).doesNotContain("save-settings");
        assertThat(viewer.post(path + "/check", "content", text).statusCode()).isEqualTo(403);
        assertThat(viewer.post(path + "/save", "content", text, "basedOn", "0").statusCode()).isEqualTo(403);
        assertThat(other.get(path).statusCode()).isEqualTo(403);
        assertThat(other.post(path + "/check", "content", text).statusCode()).isEqualTo(403);
        assertThat(other.post(path + "/save", "content", text, "basedOn", "0").statusCode()).isEqualTo(403);
        admin.request().formParam("content", text).formParam("basedOn", "0").post(path + "/save")
                .then().statusCode(403).body(containsString("CSRF"));
        admin.request().formParam("content", text).post(path + "/check").then().statusCode(403).body(containsString("CSRF"));
        assertThat(documents.history(mine + ".yaml")).isEmpty();
    }

    @Test
    void the_limitation_period_is_set_on_the_settings_page_with_its_field_named_when_out_of_range() {
        ConsoleClient accountant = signedIn(user("accountant", ConsoleRole.ACCOUNTANT, mine));
        ConsoleClient viewer = signedIn(user("viewer", ConsoleRole.VIEWER, mine));
        String path = "/console/organisations/" + mine + "/settings";
        assertThat(accountant.get(path).asString()).contains("6 years from the due date, warned\n    180 days before");

        accountant.post(path + "/limitation", "years", "5", "warnDaysBefore", "90").then().statusCode(303);
        Response wrong = accountant.post(path + "/limitation", "years", "40", "warnDaysBefore", "90");

        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.asString()).contains("years: a limitation period is 1 to 30 years, got 40");
        assertThat(viewer.post(path + "/limitation", "years", "3", "warnDaysBefore", "90").statusCode()).isEqualTo(403);
        assertThat(signedIn(user("admin", ConsoleRole.FIRM_ADMIN)).request().formParam("years", "3").formParam("warnDaysBefore", "9")
                .post(path + "/limitation").statusCode()).isEqualTo(403);
        assertThat(accountant.get(path).asString()).contains("5 years from the due date, warned\n    90 days before");
        assertThat(auditedBy("accountant-" + suffix)).anySatisfy(m -> assertThat(m).contains("set the limitation period of Mine "
                + suffix + " to 5 years, warned 90 days before"));
    }

    @Test
    void the_admin_api_exports_and_imports_settings_with_the_start_up_checks() {
        String name = "console-test-" + suffix + ".yaml";
        String text = settings(theirs, "08:00", "3");
        given().auth().oauth2(operatorToken).contentType("application/yaml").body(text.getBytes(StandardCharsets.UTF_8))
                .put("/admin/organisation-settings/" + name).then().statusCode(200).body(containsString("\"saved\":true"));
        given().auth().oauth2(operatorToken).contentType("application/yaml").body(text.getBytes(StandardCharsets.UTF_8))
                .put("/admin/organisation-settings/" + name).then().statusCode(200).body(containsString("\"saved\":false"));
        given().auth().oauth2(operatorToken).get("/admin/organisation-settings/" + name).then().statusCode(200)
                .body(org.hamcrest.Matchers.equalTo(text));
        given().auth().oauth2(operatorToken).get("/admin/organisation-settings").then().statusCode(200)
                .body(containsString("\"name\":\"" + name + "\""));
        assertThat(documents.history(name).getFirst().origin()).isEqualTo(PolicyDocument.Origin.IMPORT);
        assertThat(sendRules.rulesFor(key(theirs), ZoneId.of("Europe/London"), "GB").contact().window().start()).isEqualTo(LocalTime.of(8, 0));

        given().auth().oauth2(operatorToken).contentType("application/yaml")
                .body(text.replace("max_contacts_per_7_days: 3", "max_contacts_per_7_days: lots").getBytes(StandardCharsets.UTF_8))
                .put("/admin/organisation-settings/" + name).then().statusCode(422)
                .body(containsString("config/organisations/" + name)).body(containsString("send_rules.max_contacts_per_7_days"));
        given().auth().oauth2(operatorToken).contentType("application/yaml").body(settings(mine, "08:00", "3").getBytes(StandardCharsets.UTF_8))
                .put("/admin/organisation-settings/..%2Fetc.yaml").then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        given().contentType("application/yaml").body(text.getBytes(StandardCharsets.UTF_8)).put("/admin/organisation-settings/" + name)
                .then().statusCode(401);
    }

    @Inject
    jakarta.persistence.EntityManager em;

    @jakarta.transaction.Transactional
    java.util.List<String> auditedBy(String username) {
        return em.createNativeQuery("select kind || ' ' || message from console_event where username = :u", String.class)
                .setParameter("u", username).getResultList();
    }

    static String settings(OrganisationId org, String from, String cap) {
        return """
                organisation: %s
                send_rules:
                  window:
                    days: [mon, tue, wed, thu, fri]
                    from: "%s"
                    until: "17:00"
                  minimum_gap_days: 3
                  max_contacts_per_7_days: %s
                """.formatted(org, from, cap);
    }

    OrganisationKey key(OrganisationId org) {
        return new OrganisationKey(org, LedgerProvider.XERO, "");
    }

    OrganisationId organisation(String name) {
        return organisations.create(new NewOrganisation(name + " " + suffix, LedgerProvider.XERO, ZoneId.of("Europe/London"), "GB",
                Money.currency("GBP"), "default")).id();
    }

    ConsoleUser user(String name, ConsoleRole role, OrganisationId... assigned) {
        return ConsoleClient.user(accounts, name + "-" + suffix, "User " + name, role, PASSWORD, assigned);
    }

    static ConsoleClient signedIn(ConsoleUser user) {
        return ConsoleClient.signedIn(user.username(), PASSWORD);
    }
}
