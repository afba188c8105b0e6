package dev.arrears.web.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.arrears.application.DunningStateStore;
import dev.arrears.application.IncomingInvoice;
import dev.arrears.application.SyncPage;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.StoredDunningState;
import dev.arrears.application.console.ConsoleAccounts;
import dev.arrears.application.console.ConsoleRole;
import dev.arrears.application.console.ConsoleUser;
import dev.arrears.application.cycle.DecideOrganisation;
import dev.arrears.application.policy.PolicyDocument;
import dev.arrears.application.policy.PolicyDocuments;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import dev.arrears.files.policy.PolicyFileLoader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Policies page and the admin API's import and export against the application and PostgreSQL:
 * policies are versions in the database, seeded from the files, checked as start-up checks them,
 * saved only by those allowed, and the next cycle decides under the version saved, without a restart.
 *
 * <p>The documents these tests save are full policies of their own ({@code console-test*.yaml}), used
 * only by the organisations the tests create, so the firm default the other tests run under never changes.
 */
@QuarkusTest
class ConsolePoliciesTest {

    static final String PASSWORD = "correct horse battery";
    static final String DOCUMENT = "console-test.yaml";

    @Inject
    ConsoleAccounts accounts;
    @Inject
    OrganisationStore organisations;
    @Inject
    PolicyDocuments documents;
    @Inject
    InvoiceStore invoices;
    @Inject
    DunningStateStore states;
    @Inject
    DecideOrganisation decide;
    @Inject
    Clock clock;
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

    // ---- versions in the database ------------------------------------------------------------------

    @Test
    void the_policy_files_seed_the_database_once_and_an_unchanged_file_adds_no_version() throws Exception {
        String file = Files.readString(Path.of("config/policies/default.yaml"), StandardCharsets.UTF_8);
        PolicyDocument latest = documents.history("default.yaml").getFirst();
        assertThat(documents.history("default.yaml")).anyMatch(d -> d.origin() == PolicyDocument.Origin.FILE && d.content().equals(file));
        assertThat(latest.contentHash()).isEqualTo(PolicyFileLoader.version(file.getBytes(StandardCharsets.UTF_8)));

        Optional<PolicyDocument> again = documents.seed(new PolicyDocuments.NewVersion("default.yaml", file, latest.contentHash(),
                PolicyDocument.Origin.FILE, "file config/policies/default.yaml"));

        assertThat(again).isEmpty();
        assertThat(documents.history("default.yaml").getFirst()).isEqualTo(latest);
    }

    @Test
    void a_file_read_again_unchanged_does_not_undo_a_version_saved_since_but_a_changed_file_becomes_the_next_version() {
        String name = "console-test-seed.yaml";
        String fromFile = policy("console-test-seed", "Overdue notice", 20, "seeded " + suffix);
        documents.seed(version(name, fromFile, PolicyDocument.Origin.FILE));
        String edited = policy("console-test-seed", "Overdue notice", 21, "edited " + suffix);
        documents.save(version(name, edited, PolicyDocument.Origin.CONSOLE), Optional.empty());

        assertThat(documents.seed(version(name, fromFile, PolicyDocument.Origin.FILE))).isEmpty();
        assertThat(documents.history(name).getFirst().content()).isEqualTo(edited);

        String changedFile = policy("console-test-seed", "Overdue notice", 22, "file changed " + suffix);
        PolicyDocument seeded = documents.seed(version(name, changedFile, PolicyDocument.Origin.FILE)).orElseThrow();
        assertThat(seeded.version()).isEqualTo(documents.history(name).get(1).version() + 1);
        assertThat(seeded.content()).isEqualTo(changedFile);
    }

    @Test
    void a_version_is_never_changed_in_the_database() {
        PolicyDocument any = documents.current().getFirst();
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> changeInPlace(any));
        assertThat(documents.find(any.name(), any.version())).contains(any);
    }

    @Inject
    jakarta.persistence.EntityManager em;

    @jakarta.transaction.Transactional
    void changeInPlace(PolicyDocument document) {
        em.createNativeQuery("update policy_document set content = 'x' where name = :n and version = :v")
                .setParameter("n", document.name()).setParameter("v", document.version()).executeUpdate();
    }

    // ---- the editor ------------------------------------------------------------------------------

    @Test
    void a_mistake_is_named_by_file_and_field_as_at_start_up_and_nothing_is_saved() {
        ConsoleClient admin = signedIn(user("admin", ConsoleRole.FIRM_ADMIN));
        int before = documents.history(DOCUMENT).size();
        String wrong = policy("console-test", "Overdue notice", 20, suffix).replace("grace_days: 0", "grace_dayz: 0");

        Response check = admin.post("/console/policies/check", "name", DOCUMENT, "content", wrong);
        Response save = admin.post("/console/policies/save", "name", DOCUMENT, "content", wrong, "basedOn", "0");

        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.asString()).contains("config/policies/console-test.yaml: fee_rules[0].grace_dayz: unknown field; did you mean &#39;grace_days&#39;?");
        assertThat(save.statusCode()).isEqualTo(422);
        assertThat(save.asString()).contains("config/policies/console-test.yaml: fee_rules[0].grace_dayz: unknown field");
        assertThat(documents.history(DOCUMENT)).hasSize(before);
    }

    @Test
    void a_text_that_is_not_yaml_is_a_problem_with_its_line_not_an_error_page() {
        ConsoleClient admin = signedIn(user("admin", ConsoleRole.FIRM_ADMIN));
        Response check = admin.post("/console/policies/check", "name", DOCUMENT, "content", "id: x\n  stages: [\n");
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.asString()).contains("config/policies/console-test.yaml: is not valid YAML at line");
        Response badName = admin.post("/console/policies/save", "name", "../etc/passwd", "content", "id: x", "basedOn", "0");
        assertThat(badName.statusCode()).isEqualTo(422);
        assertThat(badName.asString()).contains("is not a usable document name");
    }

    @Test
    void the_next_cycle_decides_under_the_version_saved_without_a_restart() {
        ConsoleClient admin = signedIn(user("admin", ConsoleRole.FIRM_ADMIN));
        String name = "console-test-cycle.yaml";
        String first = policy("console-test-cycle", "Overdue notice", 20, "first " + suffix);
        admin.post("/console/policies/save", "name", name, "content", first, "basedOn", String.valueOf(latestVersion(name)))
                .then().statusCode(303);
        OrganisationId org = organisationUnder("console-test-cycle");
        String invoice = invoiceOverdue(org, 10);
        decide.decide(organisations.find(org).orElseThrow(), clock.instant());
        assertThat(stateOf(org, invoice).state().stage()).isEmpty();

        String second = first.replace("day: 20", "day: 5").replace("Overdue notice", "Early notice");
        Response saved = admin.post("/console/policies/save", "name", name, "content", second,
                "basedOn", String.valueOf(latestVersion(name)));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.getHeader("Location")).contains("saved=" + latestVersion(name));

        decide.decide(organisations.find(org).orElseThrow(), clock.instant());
        StoredDunningState after = stateOf(org, invoice);
        assertThat(after.state().stage()).contains("Early notice");
        assertThat(after.policyVersion()).isEqualTo(PolicyFileLoader.version(second.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void the_forecast_runs_the_edited_text_on_the_organisation_s_own_invoices() {
        ConsoleClient admin = signedIn(user("admin", ConsoleRole.FIRM_ADMIN));
        invoiceOverdue(mine, 3);
        String text = policy("console-test-forecast", "Overdue notice", 10, suffix);

        Response forecast = admin.post("/console/policies/forecast", "name", "console-test-forecast.yaml", "content", text,
                "organisation", mine.toString());

        assertThat(forecast.statusCode()).isEqualTo(200);
        LocalDate due = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London")).minusDays(3);
        assertThat(forecast.asString()).contains("INV-" + suffix).contains(due.plusDays(10).toString()).contains("reminder")
                .contains("1 open invoices").contains("policy <strong>console-test-forecast</strong>");
        assertThat(documents.history("console-test-forecast.yaml")).isEmpty();
    }

    @Test
    void two_versions_are_compared_line_by_line() {
        ConsoleClient admin = signedIn(user("admin", ConsoleRole.FIRM_ADMIN));
        String name = "console-test-diff.yaml";
        admin.post("/console/policies/save", "name", name, "content", policy("console-test-diff", "Overdue notice", 20, "a " + suffix),
                "basedOn", String.valueOf(latestVersion(name))).then().statusCode(303);
        int from = latestVersion(name);
        admin.post("/console/policies/save", "name", name, "content", policy("console-test-diff", "Overdue notice", 25, "a " + suffix),
                "basedOn", String.valueOf(from)).then().statusCode(303);

        Response diff = admin.get("/console/policies/diff?name=" + name + "&from=" + from + "&to=" + (from + 1));

        assertThat(diff.statusCode()).isEqualTo(200);
        assertThat(diff.asString()).contains("- " + "    day: 20").contains("+ " + "    day: 25");
    }

    @Test
    void someone_else_s_save_in_between_is_refused_not_overwritten() {
        ConsoleClient admin = signedIn(user("admin", ConsoleRole.FIRM_ADMIN));
        String name = "console-test-race.yaml";
        int opened = latestVersion(name);
        admin.post("/console/policies/save", "name", name, "content", policy("console-test-race", "Overdue notice", 20, suffix),
                "basedOn", String.valueOf(opened)).then().statusCode(303);
        Response late = admin.post("/console/policies/save", "name", name, "content", policy("console-test-race", "Overdue notice", 30, suffix),
                "basedOn", String.valueOf(opened));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.asString()).contains("after you opened version " + opened);
    }

    @Test
    void assigning_a_policy_to_an_organisation_applies_from_the_next_cycle_and_is_audited() {
        ConsoleClient accountant = signedIn(user("accountant", ConsoleRole.ACCOUNTANT, mine));
        accountant.post("/console/policies/assignments", "organisation", mine.toString(), "policy", "default").then().statusCode(303);
        Response refused = accountant.post("/console/policies/assignments", "organisation", mine.toString(), "policy", "no-such-policy");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("is not a policy; expected one of:");
        Response other = accountant.post("/console/policies/assignments", "organisation", theirs.toString(), "policy", "default");
        assertThat(other.statusCode()).isEqualTo(403);
    }

    // ---- who may save ------------------------------------------------------------------------------

    @Test
    void a_viewer_gets_403_on_every_policy_endpoint_that_changes_or_computes_something() {
        ConsoleClient viewer = signedIn(user("viewer", ConsoleRole.VIEWER, mine));
        String text = policy("console-test", "Overdue notice", 20, suffix);
        int before = documents.history(DOCUMENT).size();
        assertThat(viewer.get("/console/policies").statusCode()).isEqualTo(200);
        assertThat(viewer.get("/console/policies/edit?name=default.yaml").asString()).doesNotContain("save-policy");

        assertThat(viewer.post("/console/policies/check", "name", DOCUMENT, "content", text).statusCode()).isEqualTo(403);
        assertThat(viewer.post("/console/policies/forecast", "name", DOCUMENT, "content", text, "organisation", mine.toString())
                .statusCode()).isEqualTo(403);
        assertThat(viewer.post("/console/policies/save", "name", DOCUMENT, "content", text, "basedOn", "0").statusCode()).isEqualTo(403);
        assertThat(viewer.post("/console/policies/assignments", "organisation", mine.toString(), "policy", "default").statusCode())
                .isEqualTo(403);
        assertThat(documents.history(DOCUMENT)).hasSize(before);
    }

    @Test
    void an_accountant_saves_overrides_of_their_own_organisations_only() {
        ConsoleClient accountant = signedIn(user("accountant", ConsoleRole.ACCOUNTANT, mine));
        Response full = accountant.post("/console/policies/save", "name", DOCUMENT, "content",
                policy("console-test", "Overdue notice", 20, suffix), "basedOn", String.valueOf(latestVersion(DOCUMENT)));
        assertThat(full.statusCode()).isEqualTo(403);
        assertThat(full.asString()).contains("Only a firm admin changes a full policy");

        String theirsOverride = "organisations/console-test-" + suffix + ".yaml";
        Response other = accountant.post("/console/policies/save", "name", theirsOverride, "content", override(theirs), "basedOn", "0");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(documents.history(theirsOverride)).isEmpty();
    }

    @Test
    void a_form_posted_without_its_csrf_token_is_refused() {
        ConsoleClient admin = signedIn(user("admin", ConsoleRole.FIRM_ADMIN));
        int before = documents.history(DOCUMENT).size();
        admin.request().formParam("name", DOCUMENT).formParam("content", policy("console-test", "Overdue notice", 20, suffix))
                .formParam("basedOn", "0").post("/console/policies/save")
                .then().statusCode(403).body(containsString("CSRF"));
        assertThat(documents.history(DOCUMENT)).hasSize(before);
    }

    // ---- the admin API -----------------------------------------------------------------------------

    @Test
    void the_admin_api_exports_and_imports_a_document_with_the_start_up_checks() {
        String name = "console-test-import.yaml";
        String text = policy("console-test-import", "Overdue notice", 20, suffix);
        given().auth().oauth2(operatorToken).contentType("application/yaml").body(text.getBytes(StandardCharsets.UTF_8)).put("/admin/policies/" + name)
                .then().statusCode(200).body(containsString("\"saved\":true"));
        given().auth().oauth2(operatorToken).contentType("application/yaml").body(text.getBytes(StandardCharsets.UTF_8)).put("/admin/policies/" + name)
                .then().statusCode(200).body(containsString("\"saved\":false"));
        given().auth().oauth2(operatorToken).get("/admin/policies/" + name).then().statusCode(200).body(org.hamcrest.Matchers.equalTo(text));
        assertThat(documents.history(name).getFirst().origin()).isEqualTo(PolicyDocument.Origin.IMPORT);
        given().auth().oauth2(operatorToken).get("/admin/policies").then().statusCode(200).body(containsString("\"name\":\"default.yaml\""));

        given().auth().oauth2(operatorToken).contentType("application/yaml").body(text.replace("day: 20", "day: twenty").getBytes(StandardCharsets.UTF_8))
                .put("/admin/policies/" + name)
                .then().statusCode(422).body(containsString("config/policies/console-test-import.yaml"))
                .body(containsString("stages[0].day"));
        given().contentType("application/yaml").body(text.getBytes(StandardCharsets.UTF_8)).put("/admin/policies/" + name).then().statusCode(401);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** A full policy with one fee rule and one stage; {@code marker} makes each text (and its version) new. */
    static String policy(String id, String stage, int day, String marker) {
        return """
                # %s
                id: %s
                fee_rules:
                  - id: late-fee
                    fixed: { GBP: 40.00 }
                    grace_days: 0
                stages:
                  - name: %s
                    day: %d
                    actions:
                      - reminder: overdue
                """.formatted(marker, id, stage, day);
    }

    static String override(OrganisationId org) {
        return """
                applies_to:
                  organisation: %s
                stages:
                  - name: Hand to a person
                    day: 45
                """.formatted(org);
    }

    static PolicyDocuments.NewVersion version(String name, String text, PolicyDocument.Origin origin) {
        return new PolicyDocuments.NewVersion(name, text, PolicyFileLoader.version(text.getBytes(StandardCharsets.UTF_8)), origin, "test");
    }

    int latestVersion(String name) {
        return documents.history(name).stream().findFirst().map(PolicyDocument::version).orElse(0);
    }

    OrganisationId organisation(String name) {
        return organisations.create(new NewOrganisation(name + " " + suffix, LedgerProvider.XERO, ZoneId.of("Europe/London"), "GB",
                Money.currency("GBP"), "default")).id();
    }

    OrganisationId organisationUnder(String policyId) {
        return organisations.create(new NewOrganisation("Policy " + suffix, LedgerProvider.XERO, ZoneId.of("Europe/London"), "GB",
                Money.currency("GBP"), policyId)).id();
    }

    String invoiceOverdue(OrganisationId org, int daysOverdue) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
        String id = "INV-" + suffix;
        InvoiceSnapshot invoice = new InvoiceSnapshot(org.toString(), id, id, "CUST-" + suffix, "Customer " + suffix,
                today.minusDays(daysOverdue + 30), Optional.of(today.minusDays(daysOverdue)), Money.of("480.00", "GBP"),
                Money.of("480.00", "GBP"), InvoiceStatus.OPEN, List.of(), false);
        invoices.store(SyncPage.of(org, List.of(new IncomingInvoice(invoice, "{}", Instant.parse("2025-01-01T00:00:00Z")))));
        return id;
    }

    StoredDunningState stateOf(OrganisationId org, String invoice) {
        return states.loadAll(org).get(invoice);
    }

    ConsoleUser user(String name, ConsoleRole role, OrganisationId... assigned) {
        return ConsoleClient.user(accounts, name + "-" + suffix, "User " + name, role, PASSWORD, assigned);
    }

    static ConsoleClient signedIn(ConsoleUser user) {
        return ConsoleClient.signedIn(user.username(), PASSWORD);
    }
}
