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
import java.util.Map;
import java.util.TreeMap;
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
        return model(organisation, stage, "", invoices, today, fees, payLink, accountant);
    }

    /** @param reminder the stage's reminder template ({@code {reminder}}) */
    public ReminderEmail model(String organisation, String stage, String reminder, List<InvoiceSnapshot> invoices, LocalDate today,
                               List<ReminderEmail.Fee> fees, String payLink, ReminderEmail.Contact accountant) {
        Objects.requireNonNull(invoices, "invoices");
        return model(organisation, stage, reminder, invoices.stream().map(i -> new Item(i, stage, payLink, "")).toList(), today,
                fees, payLink, accountant, "");
    }

    /**
     * One invoice of a statement, with what belongs to it alone.
     *
     * @param payLink    its pay-now link, or ""
     * @param attachment the file name of its PDF in the email, or ""
     */
    public record Item(InvoiceSnapshot invoice, String stage, String payLink, String attachment) {
        public Item {
            Objects.requireNonNull(invoice, "invoice");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(payLink, "payLink");
            Objects.requireNonNull(attachment, "attachment");
        }
    }

    /**
     * A statement: one email listing every invoice of one customer being chased in one run, worded by
     * its firmest stage. It has no pay link and no fees of its own: each line carries its own link.
     *
     * @param items the invoices in the order they are listed, all of one customer
     */
    public ReminderEmail statement(String organisation, String firmestStage, String reminder, List<Item> items, LocalDate today,
                                   ReminderEmail.Contact accountant) {
        String attached = String.join(", ", items.stream().map(Item::attachment).filter(a -> !a.isEmpty()).toList());
        return model(organisation, firmestStage, reminder, items, today, List.of(), "", accountant, attached);
    }

    private ReminderEmail model(String organisation, String stage, String reminder, List<Item> items, LocalDate today,
                                List<ReminderEmail.Fee> fees, String payLink, ReminderEmail.Contact accountant, String attachment) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a reminder email is about at least one invoice");
        }
        InvoiceSnapshot first = items.getFirst().invoice();
        List<ReminderEmail.Line> lines = items.stream().map(i -> line(i, today)).toList();
        Map<String, Money> byCurrency = new TreeMap<>();
        items.forEach(i -> byCurrency.merge(i.invoice().currency().getCurrencyCode(), i.invoice().amountDue(), Money::plus));
        List<ReminderEmail.Total> totals = byCurrency.entrySet().stream()
                .map(e -> new ReminderEmail.Total(e.getKey(), amount(e.getValue()))).toList();
        String sum = String.join(" + ", totals.stream().map(ReminderEmail.Total::amount).toList());
        return new ReminderEmail(organisation, stage, new ReminderEmail.Customer(first.customerId(), first.customerName()),
                lines.getFirst(), lines, sum, fees, payLink, accountant, attachment, totals, reminder);
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

    private ReminderEmail.Line line(Item item, LocalDate today) {
        InvoiceSnapshot invoice = item.invoice();
        String number = invoice.number() == null || invoice.number().isBlank() ? invoice.invoiceId() : invoice.number();
        long overdue = invoice.dueDate().map(due -> Math.max(0, ChronoUnit.DAYS.between(due, today))).orElse(0L);
        return new ReminderEmail.Line(number, date(invoice.issueDate()), invoice.dueDate().map(this::date).orElse(""),
                amount(invoice.total()), amount(invoice.amountDue()), overdue, item.stage(), item.payLink(), item.attachment());
    }
}
