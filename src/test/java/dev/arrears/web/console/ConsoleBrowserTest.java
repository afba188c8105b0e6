package dev.arrears.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arrears.application.IncomingInvoice;
import dev.arrears.application.SyncPage;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.InvoiceStore;
import dev.arrears.application.LedgerProvider;
import dev.arrears.application.NewOrganisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.OrganisationStore;
import dev.arrears.application.Outbox;
import dev.arrears.application.OutboxStatus;
import dev.arrears.application.console.ConsoleAccounts;
import dev.arrears.application.console.ConsoleRole;
import dev.arrears.application.console.ConsoleUser;
import dev.arrears.application.cycle.DecideOrganisation;
import dev.arrears.application.cycle.DispatchActions;
import dev.arrears.application.cycle.OrganisationControl;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver};
 * {@code .ci/run} installs them), against the application on its random test port and PostgreSQL.
 * Screenshots of the firm overview, an invoice timeline and the policy editor are saved under {@code docs/images/}.
 */
@QuarkusTest
@WithTestResource(BrowserSandboxLedgers.class)
class ConsoleBrowserTest {

    static final String PASSWORD = "correct horse battery";
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path IMAGES = Path.of("docs/images");

    static WebDriver browser;
    static Path profile;

    @TestHTTPResource("/")
    URL base;
    @Inject
    ConsoleAccounts accounts;
    @Inject
    OrganisationStore organisations;
    @Inject
    InvoiceStore invoices;
    @Inject
    DecideOrganisation decide;
    @Inject
    OrganisationControl control;
    @Inject
    DispatchActions dispatch;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    String suffix;

    @BeforeAll
    static void startChromium() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "the browser tests need Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)";
        // On CI (.ci/run installs both) a missing browser is a failure, never a quiet skip.
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(missing);
        }
        assumeTrue(present, missing);
        profile = Files.createTempDirectory("arrears-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void freshBrowser() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        browser.manage().deleteAllCookies();
    }

    // ---- the stories ------------------------------------------------------------------------------

    @Test
    void signs_in_sees_the_overview_and_signs_out() throws IOException {
        OrganisationId org = previewOrganisationWithInvoice("Harbour Cafe", 12);
        ConsoleUser admin = user("admin", ConsoleRole.FIRM_ADMIN);
        signIn(admin);
        assertThat(browser.getTitle()).startsWith("Firm overview");
        WebElement row = browser.findElement(By.linkText("Harbour Cafe " + suffix));
        assertThat(row.isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("organisations")).getText()).contains("GBP").contains("PREVIEW");
        screenshot("console-overview.png");

        browser.findElement(By.id("sign-out")).click();
        waitFor(By.id("sign-in"));
        browser.get(url("/console/organisations/" + org));
        waitFor(By.id("sign-in")); // signed out: back to the sign-in page
    }

    @Test
    void a_firm_admin_connects_a_sandbox_xero_organisation_through_the_real_consent_redirect() {
        ConsoleUser admin = user("connector", ConsoleRole.FIRM_ADMIN);
        signIn(admin);
        browser.findElement(By.linkText("Connections")).click();
        waitFor(By.id("connect-xero")).click();
        // The sandbox's consent page answers at once and sends the browser to /xero/callback, which hands it back here.
        String notice = waitFor(By.id("connections-notice")).getText();
        assertThat(notice).startsWith("Connected: ").contains("preview");
        assertThat(browser.getCurrentUrl()).startsWith(url("/console/connections"));
        String table = browser.findElement(By.id("connections")).getText();
        assertThat(table).contains(notice.substring("Connected: ".length()).split("[,.]")[0].strip())
                .contains("Xero").contains(admin.username());

        browser.findElement(By.id("sign-out")).click();
        waitFor(By.id("sign-in"));
        signIn(user("no-connections", ConsoleRole.ACCOUNTANT));
        assertThat(browser.findElements(By.linkText("Connections"))).isEmpty();
        browser.get(url("/console/connections"));
        assertThat(waitFor(By.id("refusal")).getText()).contains("Only a firm admin manages connections");
    }

    @Test
    void a_wrong_password_shows_a_message_and_no_page() {
        ConsoleUser someone = user("someone", ConsoleRole.ACCOUNTANT);
        browser.get(url("/console/login"));
        browser.findElement(By.id("username")).sendKeys(someone.username());
        browser.findElement(By.id("password")).sendKeys("not the password");
        browser.findElement(By.id("sign-in")).click();
        assertThat(waitFor(By.id("sign-in-error")).getText()).contains("not right");
    }

    @Test
    void an_accountant_sees_only_their_organisations_and_gets_403_on_another() {
        OrganisationId mine = previewOrganisationWithInvoice("Mine", 5);
        OrganisationId theirs = previewOrganisationWithInvoice("Theirs", 5);
        ConsoleUser accountant = user("accountant", ConsoleRole.ACCOUNTANT, mine);
        signIn(accountant);
        String overview = browser.findElement(By.id("organisations")).getText();
        assertThat(overview).contains("Mine " + suffix).doesNotContain("Theirs " + suffix);

        browser.get(url("/console/organisations/" + theirs));
        assertThat(waitFor(By.id("refusal")).getText()).contains("not assigned to you");
        assertThat(browser.getTitle()).startsWith("Not possible");
    }

    @Test
    void approving_a_preview_queue_goes_live_and_hands_the_current_stage_to_the_dispatcher() {
        OrganisationId org = previewOrganisationWithInvoice("Preview Ltd", 10);
        ConsoleUser accountant = user("approver", ConsoleRole.ACCOUNTANT, org);
        signIn(accountant);
        browser.get(url("/console/organisations/" + org));
        assertThat(browser.findElement(By.id("go-live-rule")).getText()).contains("go-live rule");
        assertThat(browser.findElement(By.id("queue")).getText()).contains("PREVIEWED").contains("Reminder");

        browser.findElement(By.id("go-live")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("mode"), "LIVE"));
        assertThat(browser.findElement(By.id("queue")).getText()).contains("PENDING");
        assertThat(organisations.find(org).orElseThrow().mode()).isEqualTo(OrganisationMode.LIVE);
        assertThat(outbox.list(org, OutboxStatus.PENDING)).isNotEmpty();
    }

    @Test
    void items_excluded_from_the_preview_queue_are_not_handed_to_the_dispatcher_at_go_live() {
        OrganisationId org = previewOrganisationWithInvoice("Excluding", 10);
        ConsoleUser accountant = user("excluder", ConsoleRole.ACCOUNTANT, org);
        signIn(accountant);
        browser.get(url("/console/organisations/" + org));
        List<WebElement> buttons = browser.findElements(By.cssSelector("#queue button.exclude"));
        assertThat(buttons).isNotEmpty();
        while (!buttons.isEmpty()) {
            buttons.getFirst().click();
            waitFor(By.id("queue"));
            buttons = browser.findElements(By.cssSelector("#queue button.exclude"));
        }
        assertThat(browser.findElement(By.id("queue")).getText()).contains("excluded: not sent at go-live");

        browser.findElement(By.id("go-live")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("mode"), "LIVE"));
        assertThat(outbox.list(org, OutboxStatus.PENDING)).isEmpty();
        assertThat(outbox.list(org, OutboxStatus.PREVIEWED)).isNotEmpty();
    }

    /** Overview, organisation, invoice: the timeline in three clicks; then the customer, and a phone call recorded there. */
    @Test
    void from_the_overview_to_a_timeline_in_three_clicks_and_a_phone_call_recorded_on_the_customer_page() {
        OrganisationId org = previewOrganisationWithInvoice("Three Clicks", 10);
        ConsoleUser accountant = user("caller", ConsoleRole.ACCOUNTANT, org);
        signIn(accountant);
        browser.findElement(By.linkText("Three Clicks " + suffix)).click();
        waitFor(By.linkText("INV-" + suffix)).click();
        assertThat(waitFor(By.id("timeline")).getText()).contains("DECISION");

        browser.findElement(By.id("customer-link")).click();
        new Select(waitFor(By.id("contact-channel"))).selectByValue("phone");
        new Select(browser.findElement(By.id("contact-invoice"))).selectByValue("INV-" + suffix);
        browser.findElement(By.id("contact-note")).sendKeys("Spoke to accounts payable: paying next week");
        browser.findElement(By.id("save-contact")).click();
        assertThat(waitFor(By.id("contacts")).getText()).contains("PHONE").contains("MANUAL");

        browser.findElement(By.linkText("INV-" + suffix)).click();
        assertThat(waitFor(By.id("timeline")).getText()).contains("recorded a phone call with Customer " + suffix
                + ": Spoke to accounts payable: paying next week");
    }

    @Test
    void a_hold_takes_the_invoice_s_actions_out_of_the_queue() {
        OrganisationId org = previewOrganisationWithInvoice("Holdings", 10);
        control.goLive(org, clock.instant());
        ConsoleUser accountant = user("holder", ConsoleRole.ACCOUNTANT, org);
        signIn(accountant);
        browser.get(url("/console/organisations/" + org));
        assertThat(browser.findElement(By.id("queue")).getText()).contains("INV-" + suffix);

        browser.findElement(By.linkText("INV-" + suffix)).click();
        waitFor(By.id("hold-reason")).sendKeys("Customer is querying the delivery");
        browser.findElement(By.id("place-hold")).click();
        assertThat(waitFor(By.id("chasing")).getText()).contains("on hold");

        browser.get(url("/console/organisations/" + org));
        assertThat(browser.findElement(By.id("queue")).getText()).doesNotContain("INV-" + suffix);
        assertThat(waitFor(By.id("queue-empty")).getText()).contains("Nothing is waiting");
        assertThat(outbox.list(org, OutboxStatus.PENDING)).isEmpty();
    }

    @Test
    void closing_a_call_the_customer_task_with_a_promise_pauses_the_invoice_until_that_date() throws IOException {
        OrganisationId org = previewOrganisationWithInvoice("Flagged Co", 40);
        control.goLive(org, clock.instant());
        dispatch.dispatch(Optional.of(org));
        assertThat(outbox.list(org, OutboxStatus.NEEDS_HUMAN)).hasSize(1);
        ConsoleUser accountant = user("caller", ConsoleRole.ACCOUNTANT, org);
        signIn(accountant);

        browser.get(url("/console/tasks"));
        WebElement task = browser.findElements(By.cssSelector("#tasks tbody tr")).stream()
                .filter(r -> r.getText().contains("Flagged Co " + suffix)).findFirst().orElseThrow();
        assertThat(task.getText()).contains("call the customer");
        LocalDate payBy = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London")).plusDays(14);
        new Select(task.findElement(By.name("outcome"))).selectByValue("promise");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", task.findElement(By.name("payBy")),
                payBy.toString());
        task.findElement(By.cssSelector("form.close-task button[type=submit]")).click();
        waitFor(By.id("tasks"));
        assertThat(browser.findElement(By.id("tasks")).getText()).doesNotContain("Flagged Co " + suffix);
        assertThat(outbox.list(org, OutboxStatus.NEEDS_HUMAN)).isEmpty();

        browser.get(url("/console/organisations/" + org + "/invoices/INV-" + suffix));
        assertThat(waitFor(By.id("chasing")).getText()).contains("paused until " + payBy);
        assertThat(browser.findElement(By.id("timeline")).getText())
                .contains("promise to pay by " + payBy).contains("closed with a promise to pay");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1500));
        screenshot("console-invoice-timeline.png");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
    }

    @Test
    void a_form_posted_without_its_csrf_token_is_refused() {
        OrganisationId org = previewOrganisationWithInvoice("Forged", 10);
        ConsoleUser accountant = user("forger", ConsoleRole.ACCOUNTANT, org);
        signIn(accountant);
        browser.get(url("/console/organisations/" + org));
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelectorAll('input[name=_csrf]').forEach(function (e) { e.remove(); })");
        browser.findElement(By.id("pause")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "CSRF"));
        assertThat(organisations.find(org).orElseThrow().mode()).isEqualTo(OrganisationMode.PREVIEW);
    }

    @Test
    void a_policy_edited_with_a_mistake_is_fixed_forecast_saved_and_decided_under_at_the_next_cycle() throws IOException {
        // A full policy of this test's own, so the firm default the other tests run under never changes.
        String name = "browser-test.yaml";
        OrganisationId org = organisations.create(new NewOrganisation("Policy Co " + suffix, LedgerProvider.XERO,
                ZoneId.of("Europe/London"), "GB", Money.currency("GBP"), "default")).id();
        previewInvoice(org, 10);
        ConsoleUser admin = user("editor", ConsoleRole.FIRM_ADMIN);
        signIn(admin);
        browser.get(url("/console/policies/edit?name=" + name));
        waitFor(By.id("policy-text"));
        WebElement text = browser.findElement(By.id("policy-text"));
        text.clear();
        String policy = ConsolePoliciesTest.policy("browser-test", "Early notice", 5, "browser " + suffix);
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", text,
                policy.replace("    day: 5", "    dai: 5"));
        browser.findElement(By.id("check-policy")).click();
        assertThat(waitFor(By.id("problem-list")).getText())
                .contains("config/policies/browser-test.yaml: stages[0].dai: unknown field; did you mean 'day'?");

        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", text, policy);
        browser.findElement(By.id("check-policy")).click();
        assertThat(waitFor(By.id("policy-usable")).getText()).contains("No problems");
        new Select(browser.findElement(By.id("forecast-organisation"))).selectByVisibleText("Policy Co " + suffix);
        browser.findElement(By.id("forecast-policy")).click();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
        String forecast = waitFor(By.id("forecast")).getText();
        assertThat(forecast).contains("INV-" + suffix).contains("Early notice").contains(today.toString());
        assertThat(browser.findElement(By.id("forecast-summary")).getText()).contains("policy browser-test");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1300));
        screenshot("console-policy-editor.png");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));

        browser.findElement(By.id("save-policy")).click();
        assertThat(waitFor(By.id("saved-notice")).getText()).contains("applies from the next cycle");
        browser.get(url("/console/policies"));
        new Select(waitFor(By.id("assign-organisation"))).selectByVisibleText("Policy Co " + suffix);
        new Select(browser.findElement(By.id("assign-policy"))).selectByVisibleText("browser-test");
        browser.findElement(By.id("assign-policy-button")).click();
        assertThat(waitFor(By.id("assignments")).getText()).contains("Policy Co " + suffix + " browser-test");

        decide.decide(organisations.find(org).orElseThrow(), clock.instant());

        String version = dev.arrears.files.policy.PolicyFileLoader.version(policy.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        browser.get(url("/console/organisations/" + org + "/invoices/INV-" + suffix));
        assertThat(waitFor(By.id("timeline")).getText()).contains("Early notice").contains(version);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    OrganisationId previewOrganisationWithInvoice(String name, int daysOverdue) {
        OrganisationId org = organisations.create(new NewOrganisation(name + " " + suffix, LedgerProvider.XERO,
                ZoneId.of("Europe/London"), "GB", Money.currency("GBP"), "default")).id();
        previewInvoice(org, daysOverdue);
        decide.decide(organisations.find(org).orElseThrow(), clock.instant());
        return org;
    }

    void previewInvoice(OrganisationId org, int daysOverdue) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
        InvoiceSnapshot invoice = new InvoiceSnapshot(org.toString(), "INV-" + suffix, "INV-" + suffix, "CUST-" + suffix,
                "Customer " + suffix, today.minusDays(daysOverdue + 30), Optional.of(today.minusDays(daysOverdue)),
                Money.of("480.00", "GBP"), Money.of("480.00", "GBP"), InvoiceStatus.OPEN, List.of(), false);
        invoices.store(SyncPage.of(org, List.of(new IncomingInvoice(invoice, "{}", Instant.parse("2025-01-01T00:00:00Z")))));
    }

    ConsoleUser user(String name, ConsoleRole role, OrganisationId... assigned) {
        return ConsoleClient.user(accounts, name + "-" + suffix, name + " " + suffix, role, PASSWORD, assigned);
    }

    void signIn(ConsoleUser user) {
        browser.get(url("/console/login"));
        browser.findElement(By.id("username")).sendKeys(user.username());
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        assertThat(waitFor(By.id("signed-in-as")).getText()).contains(user.displayName());
    }

    WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    static void screenshot(String name) throws IOException {
        Files.createDirectories(IMAGES);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, IMAGES.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
