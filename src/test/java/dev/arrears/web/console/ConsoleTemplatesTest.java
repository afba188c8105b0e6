package dev.arrears.web.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.arrears.application.IncomingInvoice;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.SyncPage;
import dev.arrears.application.console.ConsoleAccounts;
import dev.arrears.application.console.ConsoleRole;
import dev.arrears.application.console.ConsoleUser;
import dev.arrears.application.email.EmailTemplates;
import dev.arrears.application.email.ReminderEmail;
import dev.arrears.application.policy.PolicyDocument;
import dev.arrears.application.policy.TemplateDocuments;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The message templates kept in PostgreSQL as versions: seeded from every file of config/templates,
 * checked as start-up parses them (a syntax error names its line; nothing broken is saved), previewed
 * on an organisation's own invoice, saved by a firm admin only, and used by the next email without a
 * restart. The templates these tests save are their own ({@code console-test-*}), so the shipped
 * wordings the other tests read never change.
 */
@QuarkusTest
class ConsoleTemplatesTest {

    static final String PASSWORD = "correct horse battery";

    @Inject
    ConsoleAccounts accounts;
    @Inject
    OrganisationStore organisations;
    @Inject
    InvoiceStore invoices;
    @Inject
    TemplateDocuments documents;
    @Inject
    EmailTemplates emails;
    @ConfigProperty(name = "arrears.operator.token")
    String operatorToken;

    String suffix;
    String template;

    @BeforeEach
    void ownTemplate() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        template = "console-test-" + suffix;
        put("email/en/" + template + ".txt", "Dear {customer.name}, invoice {invoice.number} is overdue.\n").then().statusCode(200);
        put("email/en/" + template + ".html", "<p>Dear {customer.name}, invoice {invoice.number} is overdue.</p>\n").then().statusCode(200);
        put("email/en/" + template + ".subject.txt", "Invoice {invoice.number} is overdue\n").then().statusCode(200)
                .body(containsString("\"saved\":true"));
    }

    @Test
    void every_file_of_the_templates_folder_seeds_a_version_of_its_own() throws Exception {
        for (String name : List.of("friendly.txt", "demand-letter.txt", "email/en/friendly.subject.txt", "email/de/_closing.html")) {
            String file = Files.readString(Path.of("config/templates").resolve(name), StandardCharsets.UTF_8);
            assertThat(documents.history(name)).as(name).anyMatch(v -> v.origin() == PolicyDocument.Origin.FILE && v.content().equals(file));
        }
    }

    @Test
    void a_subject_saved_in_the_console_is_the_next_email_s_subject_without_a_restart_and_is_audited() {
        assertThat(emails.render(template, Locale.ENGLISH, model()).subject()).isEqualTo("Invoice INV-7 is overdue");
        ConsoleClient admin = signedIn(user("admin", ConsoleRole.FIRM_ADMIN));
        String name = "email/en/" + template + ".subject.txt";

        Response saved = admin.post("/console/templates/save", "name", name, "content", "Reminder: {invoice.number} is still open\n",
                "basedOn", "1");

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.getHeader("Location")).contains("saved=2");
        assertThat(emails.render(template, Locale.ENGLISH, model()).subject()).isEqualTo("Reminder: INV-7 is still open");
        assertThat(documents.history(name).getFirst().savedBy()).isEqualTo("admin-" + suffix);
        assertThat(admin.get("/console/templates/edit?name=" + name + "&saved=2").asString()).contains("Saved as version 2");
    }

    @Test
    void a_syntax_error_is_named_with_its_line_and_a_broken_template_is_never_saved() {
        ConsoleClient admin = signedIn(user("admin", ConsoleRole.FIRM_ADMIN));
        String name = "email/en/" + template + ".txt";
        String broken = "Dear {customer.name},\n{#if invoice.daysOverdue > 30}\nvery late\n";

        Response check = admin.post("/console/templates/check", "name", name, "content", broken);
        Response save = admin.post("/console/templates/save", "name", name, "content", broken, "basedOn", "1");

        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.asString()).contains("config/templates/" + name + ": line 3: ").contains("unterminated section");
        assertThat(save.statusCode()).isEqualTo(422);
        assertThat(save.asString()).contains("config/templates/" + name);
        assertThat(documents.history(name)).hasSize(1);
        put(name, broken).then().statusCode(422).body(containsString("line"));
        Response badName = admin.post("/console/templates/save", "name", "../etc/passwd", "content", "x", "basedOn", "0");
        assertThat(badName.statusCode()).isEqualTo(422);
        assertThat(badName.asString()).contains("is not a usable template name");
    }

    @Test
    void the_preview_renders_the_edited_email_with_one_of_the_organisation_s_own_invoices() {
        ConsoleClient admin = signedIn(user("admin", ConsoleRole.FIRM_ADMIN));
        OrganisationId org = organisationWithAnOpenInvoice();

        Response preview = admin.post("/console/templates/preview", "name", "email/en/" + template + ".subject.txt",
                "content", "Please pay {invoice.number}", "organisation", org.toString());

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.asString()).contains("Please pay INV-" + suffix).contains("Customer " + suffix);
        assertThat(documents.history("email/en/" + template + ".subject.txt")).hasSize(1);
    }

    @Test
    void the_changes_between_two_versions_show_the_removed_and_added_lines_to_a_viewer_and_an_unknown_version_is_a_400() {
        ConsoleClient admin = signedIn(user("admin", ConsoleRole.FIRM_ADMIN));
        ConsoleClient viewer = signedIn(user("viewer", ConsoleRole.VIEWER));
        String name = "email/en/" + template + ".txt";
        admin.post("/console/templates/save", "name", name, "content", "Dear {customer.name}, invoice {invoice.number} is still open.\n"
                + "Kind regards\n", "basedOn", "1").then().statusCode(303);

        String editor = viewer.get("/console/templates/edit?name=" + name).asString();
        Response diff = viewer.get("/console/templates/diff?name=" + name + "&from=1&to=2");
        Response unknown = viewer.get("/console/templates/diff?name=" + name + "&from=1&to=9");

        assertThat(editor).contains("/console/templates/diff?name=").contains("id=\"compare\"");
        assertThat(diff.statusCode()).isEqualTo(200);
        assertThat(diff.asString()).contains("version 1 to version 2")
                .contains("<span class=\"removed\">- Dear {customer.name}, invoice {invoice.number} is overdue.</span>")
                .contains("<span class=\"added\">+ Dear {customer.name}, invoice {invoice.number} is still open.</span>")
                .contains("<span class=\"added\">+ Kind regards</span>")
                .contains("href=\"/console/templates/edit?name=email%2Fen%2F" + template + ".txt\"");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.asString()).contains("config/templates/" + name + " has no version 9");
        assertThat(viewer.get("/console/templates/diff?name=" + name + "&from=1").statusCode()).isEqualTo(400);
    }

    @Test
    void only_a_firm_admin_saves_a_viewer_gets_403_on_every_post_and_a_form_without_its_csrf_token_is_refused() {
        ConsoleClient viewer = signedIn(user("viewer", ConsoleRole.VIEWER));
        ConsoleClient accountant = signedIn(user("accountant", ConsoleRole.ACCOUNTANT));
        ConsoleClient admin = signedIn(user("admin", ConsoleRole.FIRM_ADMIN));
        String name = "email/en/" + template + ".subject.txt";

        assertThat(viewer.get("/console/templates").asString()).contains(name);
        assertThat(viewer.get("/console/templates/edit?name=" + name).asString()).doesNotContain("save-template");
        assertThat(viewer.post("/console/templates/check", "name", name, "content", "x").statusCode()).isEqualTo(403);
        assertThat(viewer.post("/console/templates/preview", "name", name, "content", "x", "organisation", UUID.randomUUID().toString())
                .statusCode()).isEqualTo(403);
        assertThat(viewer.post("/console/templates/save", "name", name, "content", "x", "basedOn", "1").statusCode()).isEqualTo(403);
        Response refused = accountant.post("/console/templates/save", "name", name, "content", "x", "basedOn", "1");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.asString()).contains("Only a firm admin changes the message templates");
        admin.request().formParam("name", name).formParam("content", "x").formParam("basedOn", "1").post("/console/templates/save")
                .then().statusCode(403).body(containsString("CSRF"));
        assertThat(documents.history(name)).hasSize(1);
    }

    @Test
    void the_admin_api_exports_a_template_and_an_unchanged_import_saves_nothing() {
        String name = "email/en/" + template + ".subject.txt";
        given().auth().oauth2(operatorToken).get("/admin/templates/" + name).then().statusCode(200)
                .body(org.hamcrest.Matchers.equalTo("Invoice {invoice.number} is overdue\n"));
        put(name, "Invoice {invoice.number} is overdue\n").then().statusCode(200).body(containsString("\"saved\":false"));
        given().auth().oauth2(operatorToken).get("/admin/templates").then().statusCode(200).body(containsString(name));
        assertThat(documents.history(name).getFirst().origin()).isEqualTo(PolicyDocument.Origin.IMPORT);
        given().contentType("text/plain").body("x").put("/admin/templates/" + name).then().statusCode(401);
    }

    io.restassured.response.Response put(String name, String text) {
        return given().auth().oauth2(operatorToken).contentType("text/plain").body(text.getBytes(StandardCharsets.UTF_8))
                .put("/admin/templates/" + name);
    }

    static ReminderEmail model() {
        ReminderEmail.Line line = new ReminderEmail.Line("INV-7", "1 March 2025", "31 March 2025", "£480.00", "£480.00", 10,
                "Overdue", "", "");
        return new ReminderEmail("Org", "Overdue", new ReminderEmail.Customer("C1", "Ann"), line, List.of(line), "£480.00", List.of(), "",
                new ReminderEmail.Contact("Org", "accounts@example.com"), "",
                List.of(new ReminderEmail.Total("GBP", "£480.00")), "");
    }

    OrganisationId organisationWithAnOpenInvoice() {
        OrganisationId org = organisations.create(new NewOrganisation("Preview " + suffix, LedgerProvider.XERO, ZoneId.of("Europe/London"),
                "GB", Money.currency("GBP"), "default")).id();
        LocalDate due = LocalDate.of(2025, 3, 1);
        InvoiceSnapshot invoice = new InvoiceSnapshot(org.toString(), "INV-" + suffix, "INV-" + suffix, "CUST-" + suffix,
                "Customer " + suffix, due.minusDays(30), Optional.of(due), Money.of("480.00", "GBP"), Money.of("480.00", "GBP"),
                InvoiceStatus.OPEN, List.of(), false);
        invoices.store(SyncPage.of(org, List.of(new IncomingInvoice(invoice, "{}", Instant.parse("2025-01-01T00:00:00Z")))));
        return org;
    }

    ConsoleUser user(String name, ConsoleRole role) {
        return ConsoleClient.user(accounts, name + "-" + suffix, "User " + name, role, PASSWORD);
    }

    static ConsoleClient signedIn(ConsoleUser user) {
        return ConsoleClient.signedIn(user.username(), PASSWORD);
    }
}
