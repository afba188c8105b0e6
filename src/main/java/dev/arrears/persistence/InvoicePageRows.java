package dev.arrears.persistence;

import dev.arrears.application.IncomingInvoice;
import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The upsert of a page of invoices in one statement ({@code unnest} of one array per column) instead
 * of one per invoice: a first sync's pages are 1,000 invoices. Plain JDBC on the transaction's
 * connection, so it commits with the rest of the page.
 */
final class InvoicePageRows {

    // The provider's "updated at" keeps an older copy (a sync overlap, a page fetched late) from
    // overwriting a newer one; a quarantined invoice is released by a good copy.
    private static final String UPSERT = """
            insert into invoice (id, organisation_id, provider_invoice_id, number, customer_id, customer_name, currency,
                                 issue_date, due_date, total, amount_due, status, provider_updated_at, late_fee_invoice,
                                 raw_payload, payments, quarantine_reason, created_at, updated_at)
            select u.id, ?, u.pid, u.number, u.customer_id, u.customer_name, u.currency, u.issue_date, u.due_date,
                   u.total, u.amount_due, u.status, u.provider_updated_at, u.late_fee, cast(u.raw as jsonb),
                   cast(u.payments as jsonb), null, ?, ?
            from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                        cast(? as text[]), cast(cast(? as text[]) as date[]), cast(cast(? as text[]) as date[]),
                        cast(cast(? as text[]) as numeric[]), cast(cast(? as text[]) as numeric[]), cast(? as text[]),
                        cast(cast(? as text[]) as timestamptz[]), cast(? as boolean[]), cast(? as text[]), cast(? as text[]))
                as u(id, pid, number, customer_id, customer_name, currency, issue_date, due_date, total, amount_due, status,
                     provider_updated_at, late_fee, raw, payments)
            on conflict (organisation_id, provider_invoice_id) do update set
                number = excluded.number, customer_id = excluded.customer_id, customer_name = excluded.customer_name,
                currency = excluded.currency, issue_date = excluded.issue_date, due_date = excluded.due_date,
                total = excluded.total, amount_due = excluded.amount_due, status = excluded.status,
                provider_updated_at = excluded.provider_updated_at, late_fee_invoice = excluded.late_fee_invoice,
                raw_payload = excluded.raw_payload, payments = excluded.payments, quarantine_reason = null,
                updated_at = excluded.updated_at
            where invoice.provider_updated_at is null or invoice.provider_updated_at <= excluded.provider_updated_at
            returning provider_invoice_id""";

    private InvoicePageRows() {
    }

    /**
     * Upserts the invoices of one organisation; their provider ids must differ (one statement cannot
     * update a row twice).
     *
     * @return the provider ids written; the others were older than the stored copy, which was kept
     */
    static Set<String> upsert(Connection connection, UUID organisation, List<IncomingInvoice> invoices, Instant now)
            throws SQLException {
        Set<String> written = new HashSet<>();
        if (invoices.isEmpty()) {
            return written;
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        try (PreparedStatement s = connection.prepareStatement(UPSERT)) {
            s.setObject(1, organisation);
            s.setObject(2, at);
            s.setObject(3, at);
            int i = 4;
            s.setArray(i++, connection.createArrayOf("uuid", invoices.stream().map(x -> UUID.randomUUID()).toArray()));
            s.setArray(i++, text(connection, invoices, InvoiceSnapshot::invoiceId));
            s.setArray(i++, text(connection, invoices, InvoiceSnapshot::number));
            s.setArray(i++, text(connection, invoices, InvoiceSnapshot::customerId));
            s.setArray(i++, text(connection, invoices, InvoiceSnapshot::customerName));
            s.setArray(i++, text(connection, invoices, x -> x.currency().getCurrencyCode()));
            s.setArray(i++, text(connection, invoices, x -> x.issueDate() == null ? null : x.issueDate().toString()));
            s.setArray(i++, text(connection, invoices, x -> x.dueDate().map(LocalDate::toString).orElse(null)));
            s.setArray(i++, text(connection, invoices, x -> x.total().amount().toPlainString()));
            s.setArray(i++, text(connection, invoices, x -> x.amountDue().amount().toPlainString()));
            s.setArray(i++, text(connection, invoices, x -> x.status().name()));
            s.setArray(i++, connection.createArrayOf("text",
                    invoices.stream().map(x -> x.providerUpdatedAt().toString()).toArray()));
            s.setArray(i++, connection.createArrayOf("bool",
                    invoices.stream().map(x -> x.snapshot().lateFeeInvoice()).toArray()));
            s.setArray(i++, connection.createArrayOf("text", invoices.stream().map(x -> JsonbCodec.payload(x.rawPayload())).toArray()));
            s.setArray(i, text(connection, invoices, x -> PaymentsJson.write(x.payments())));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    written.add(r.getString(1));
                }
            }
        }
        return written;
    }

    private static java.sql.Array text(Connection connection, List<IncomingInvoice> invoices,
                                       Function<InvoiceSnapshot, String> column) throws SQLException {
        return connection.createArrayOf("text", invoices.stream().map(x -> column.apply(x.snapshot())).toArray());
    }
}
