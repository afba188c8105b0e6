package dev.arrears.application.email;

import java.util.List;
import java.util.Objects;

/**
 * What an email reminder template can say (the merge fields, listed for accountants in
 * config/README.md). Amounts and dates are already formatted for the organisation's locale and the
 * invoice's currency; every value is plain text, escaped by the HTML template, never trusted as HTML.
 *
 * @param stage      the stage's name; for a statement, the firmest stage among its invoices
 * @param invoice    the invoice the reminder is about; a statement lists all of them in {@code invoices}
 * @param amountDue  the sum still owed on {@code invoices} (the totals per currency joined by " + " when they differ)
 * @param payLink    the ledger's pay-now link, or "" when it has none ({@code {#if payLink}})
 * @param accountant who the customer can talk to: the Reply-To of the sender profile, else its From
 * @param attachment the file name of the invoice PDF attached, or "" when none is ({@code {#if attachment}}); a
 *                   statement's names, joined by ", "
 * @param totals     what is owed per currency, ordered by currency code: one for a single reminder
 * @param reminder   the reminder template of {@code stage} ({@code friendly}, {@code final}): a statement words
 *                   itself by it
 */
public record ReminderEmail(String organisation, String stage, Customer customer, Line invoice, List<Line> invoices,
                            String amountDue, List<Fee> fees, String payLink, Contact accountant, String attachment,
                            List<Total> totals, String reminder) {

    public ReminderEmail {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(invoice, "invoice");
        invoices = List.copyOf(invoices);
        Objects.requireNonNull(amountDue, "amountDue");
        fees = List.copyOf(fees);
        Objects.requireNonNull(payLink, "payLink");
        Objects.requireNonNull(accountant, "accountant");
        Objects.requireNonNull(attachment, "attachment");
        totals = List.copyOf(totals);
        Objects.requireNonNull(reminder, "reminder");
        if (invoices.isEmpty() || !invoices.getFirst().equals(invoice)) {
            throw new IllegalArgumentException("a reminder's invoices must start with the invoice it is about");
        }
    }

    /** The same email, saying that the invoice is attached as {@code fileName}. */
    public ReminderEmail withAttachment(String fileName) {
        return new ReminderEmail(organisation, stage, customer, invoice, invoices, amountDue, fees, payLink, accountant, fileName,
                totals, reminder);
    }

    public record Customer(String id, String name) {
    }

    /**
     * One invoice: {@code daysOverdue} is 0 before and on the due date.
     *
     * @param stage      the stage its reminder is from
     * @param payLink    its pay-now link, or ""
     * @param attachment the file name of its PDF in the email, or ""
     */
    public record Line(String number, String date, String dueDate, String total, String amountDue, long daysOverdue,
                       String stage, String payLink, String attachment) {
    }

    /** What is owed in one currency. */
    public record Total(String currency, String amount) {
    }

    /**
     * A fee charged on the invoice (statutory interest and compensation are fee rules too).
     *
     * @param rule   the fee rule's id in the policy ({@code late-fee}, {@code statutory-interest})
     * @param period which charge of the rule this is (1 for the first)
     */
    public record Fee(String rule, int period, String chargeDate, String amount) {
    }

    public record Contact(String name, String email) {
    }
}
