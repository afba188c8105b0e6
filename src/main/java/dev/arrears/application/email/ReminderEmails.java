package dev.arrears.application.email;

import dev.arrears.domain.dunning.ChargedFee;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import dev.arrears.domain.money.Money;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds the merge fields of a reminder email: amounts in the invoice's currency written the way
 * the reader's language and the organisation's country write them ({@code £1,200.00},
 * {@code 1.200,00 €}), dates likewise, days overdue counted in the organisation's day.
 */
public final class ReminderEmails {

    private final Locale locale;
    private final DateTimeFormatter dates;

    /**
     * @param language the language the email is written in
     * @param country  the organisation's country (ISO 3166 code), for number and date style; may be empty
     */
    public ReminderEmails(Locale language, String country) {
        this.locale = new Locale.Builder().setLanguage(language.getLanguage())
                .setRegion(country == null || country.length() != 2 ? "" : country).build();
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }

    /**
     * @param invoices the invoices the email is about, the first being the one it is chiefly about;
     *                 several make a statement
     * @param today    the organisation's day
     */
    public ReminderEmail model(String organisation, String stage, List<InvoiceSnapshot> invoices, LocalDate today,
                               List<ReminderEmail.Fee> fees, String payLink, ReminderEmail.Contact accountant) {
        Objects.requireNonNull(invoices, "invoices");
        if (invoices.isEmpty()) {
            throw new IllegalArgumentException("a reminder email is about at least one invoice");
        }
        InvoiceSnapshot first = invoices.getFirst();
        List<ReminderEmail.Line> lines = invoices.stream().map(i -> line(i, today)).toList();
        Money sum = invoices.stream().map(InvoiceSnapshot::amountDue).reduce(Money::plus).orElseThrow();
        return new ReminderEmail(organisation, stage, new ReminderEmail.Customer(first.customerId(), first.customerName()),
                lines.getFirst(), lines, amount(sum), fees, payLink, accountant, "");
    }

    /** The fees charged so far on the invoice, as the dunning state records them. */
    public List<ReminderEmail.Fee> fees(List<ChargedFee> charged) {
        return charged.stream().map(f -> new ReminderEmail.Fee(f.ruleId(), f.period(), date(f.chargeDate()), amount(f.amount())))
                .toList();
    }

    public String amount(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        int digits = Money.minorUnits(money.currency());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(money.amount());
    }

    public String date(LocalDate date) {
        return dates.format(date);
    }

    private ReminderEmail.Line line(InvoiceSnapshot invoice, LocalDate today) {
        String number = invoice.number() == null || invoice.number().isBlank() ? invoice.invoiceId() : invoice.number();
        long overdue = invoice.dueDate().map(due -> Math.max(0, ChronoUnit.DAYS.between(due, today))).orElse(0L);
        return new ReminderEmail.Line(number, date(invoice.issueDate()), invoice.dueDate().map(this::date).orElse(""),
                amount(invoice.total()), amount(invoice.amountDue()), overdue);
    }
}
