package dev.arrears.files.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arrears.application.email.ReminderEmail;
import dev.arrears.application.email.ReminderEmails;
import dev.arrears.application.email.RenderedEmail;
import dev.arrears.domain.dunning.ChargedFee;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.invoice.InvoiceStatus;
import dev.arrears.domain.money.Money;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuteEmailTemplatesTest {

    private static final QuteEmailTemplates SHIPPED = new QuteEmailTemplates(Path.of("config/templates"));
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 1);
    private static final ReminderEmail.Contact JO = new ReminderEmail.Contact("Jo Bookkeeper", "jo@firm.example");

    @ParameterizedTest
    @ValueSource(strings = {"friendly", "overdue", "firm", "final", "thank-you", "instalment-courtesy", "instalment-missed"})
    void every_shipped_email_has_an_english_and_a_german_wording(String template) {
        // A thank-you asks for nothing; every other email says how to pay.
        boolean asksForPayment = !template.equals("thank-you");
        for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            RenderedEmail email = SHIPPED.render(template, language, model(language, "<b>Acme</b> Ltd", "https://in.xero.com/pay/1"));
            assertThat(SHIPPED.languageFor(template, language)).isEqualTo(language);
            assertThat(email.subject()).contains("INV-7").doesNotContain("\n").doesNotContain("{");
            assertThat(email.text()).contains("<b>Acme</b> Ltd").contains("Jo Bookkeeper").doesNotContain("{");
            assertThat(email.html()).contains("&lt;b&gt;Acme&lt;/b&gt; Ltd").doesNotContain("<b>").contains("jo@firm.example");
            assertThat(email.text().contains("https://in.xero.com/pay/1")).isEqualTo(asksForPayment);
            assertThat(email.html().contains("<a href=\"https://in.xero.com/pay/1\">")).isEqualTo(asksForPayment);
        }
    }

    @Test
    void the_german_email_writes_amounts_and_dates_the_german_way() {
        RenderedEmail email = SHIPPED.render("overdue", Locale.GERMAN, model(Locale.GERMAN, "Müller GmbH", ""));
        assertThat(email.subject()).isEqualTo("Rechnung INV-7 ist überfällig");
        assertThat(email.text()).contains("1.200,50\u00a0€").contains("14.02.2025").contains("seit 15 Tag(en) überfällig")
                .contains("Bitte überweisen Sie den Betrag unter Angabe von INV-7.").doesNotContain("Online bezahlen");
    }

    @Test
    void a_language_without_a_translation_falls_back_to_english() {
        assertThat(SHIPPED.languageFor("firm", Locale.FRENCH)).isEqualTo(Locale.ENGLISH);
        assertThat(SHIPPED.render("firm", Locale.FRENCH, model(Locale.ENGLISH, "Acme", "")).subject())
                .startsWith("Second reminder");
    }

    @Test
    void ledger_text_is_escaped_in_html_and_kept_as_written_in_plain_text() {
        RenderedEmail email = SHIPPED.render("friendly", Locale.ENGLISH,
                model(Locale.ENGLISH, "<script>alert('x')</script> & Co", "https://pay.example/?a=1&b=2"));
        assertThat(email.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co")
                .contains("href=\"https://pay.example/?a=1&amp;b=2\"");
        assertThat(email.text()).contains("<script>alert('x')</script> & Co");
    }

    @Test
    void fees_charged_are_listed_with_their_rule_date_and_amount() {
        ReminderEmails words = new ReminderEmails(Locale.ENGLISH, "GB");
        InvoiceSnapshot invoice = new InvoiceSnapshot("org", "I-8", "INV-8", "C-1", "Acme Ltd", LocalDate.of(2025, 1, 15),
                Optional.of(LocalDate.of(2025, 2, 14)), Money.of("1000.00", "GBP"), Money.of("1000.00", "GBP"),
                InvoiceStatus.OPEN, List.of(), false);
        List<ReminderEmail.Fee> fees = words.fees(List.of(new ChargedFee("late-fee", 1, LocalDate.of(2025, 2, 28),
                Money.of("40.00", "GBP"))));
        RenderedEmail email = SHIPPED.render("final", Locale.ENGLISH,
                words.model("Acme Services", "Final notice", List.of(invoice), TODAY, fees, "", JO));
        assertThat(email.text()).contains("£40.00 (late-fee, 28 Feb 2025)").contains("£1,000.00");
        assertThat(email.html()).contains("<li>£40.00 (late-fee, 28 Feb 2025)</li>");
    }

    @Test
    void a_template_missing_its_html_stops_start_up_naming_the_file(@TempDir Path dir) throws IOException {
        Path en = Files.createDirectories(dir.resolve("email/en"));
        Files.writeString(en.resolve("polite.subject.txt"), "Hello");
        Files.writeString(en.resolve("polite.txt"), "Hello");
        assertThatThrownBy(() -> new QuteEmailTemplates(dir)).hasMessageContaining("polite.html is missing");
    }

    @Test
    void a_misspelt_merge_field_fails_loudly_instead_of_sending_a_placeholder(@TempDir Path dir) throws IOException {
        Path en = Files.createDirectories(dir.resolve("email/en"));
        Files.writeString(en.resolve("polite.subject.txt"), "Invoice {invoice.numbr}");
        Files.writeString(en.resolve("polite.txt"), "Hello");
        Files.writeString(en.resolve("polite.html"), "<p>Hello</p>");
        QuteEmailTemplates templates = new QuteEmailTemplates(dir);
        assertThatThrownBy(() -> templates.render("polite", Locale.ENGLISH, model(Locale.ENGLISH, "Acme", "")))
                .hasMessageContaining("polite.subject.txt cannot be rendered");
    }

    private static ReminderEmail model(Locale language, String customer, String payLink) {
        InvoiceSnapshot invoice = new InvoiceSnapshot("org", "I-7", "INV-7", "C-1", customer, LocalDate.of(2025, 1, 15),
                Optional.of(LocalDate.of(2025, 2, 14)), Money.of("1200.50", "EUR"), Money.of("1200.50", "EUR"),
                InvoiceStatus.OPEN, List.of(), false);
        return new ReminderEmails(language, "DE").model("Beispiel GmbH", "Overdue notice", List.of(invoice), TODAY, List.of(),
                payLink, JO);
    }
}
