package dev.arrears.application.console;

import dev.arrears.application.OrganisationId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the console's pages show, read in a fixed number of queries whatever the number of
 * organisations or invoices (a firm of 200 organisations is one page).
 */
public interface ConsoleViews {

    /** Overdue amounts of one currency by age: not yet due, 1-30, 31-60, 61-90 and over 90 days past the due date. */
    record AgedBalance(String currency, BigDecimal current, BigDecimal days1to30, BigDecimal days31to60,
                       BigDecimal days61to90, BigDecimal over90) {
    }

    record OrganisationSummary(OrganisationId id, String name, String provider, String mode, Optional<Instant> lastCycleAt,
                               Optional<String> lastCycleOutcome, Optional<String> lastCycleError,
                               List<AgedBalance> balances, long actionsNext7Days) {
    }

    /**
     * One open invoice of an organisation with its follow-up state.
     *
     * @param heldBy        the reason of the hold covering it, if any
     * @param promisedBy    the date of the customer's open promise to pay, if any: chasing waits until then
     */
    record InvoiceLine(String providerInvoiceId, String number, String customerId, String customerName, String currency,
                       BigDecimal amountDue, Optional<LocalDate> dueDate, String status, String dunningStatus,
                       Optional<String> stage, Optional<String> heldBy, Optional<LocalDate> promisedBy) {

        public boolean paused() {
            return heldBy.isPresent() || promisedBy.isPresent();
        }
    }

    /**
     * An outbox action waiting for a person, with who works it.
     *
     * @param reason why it waits (the policy's flag, the ledger's refusal, the doubt)
     */
    record WaitingAction(UUID actionId, OrganisationId organisationId, String organisationName, String providerInvoiceId,
                         String invoiceNumber, String kind, String reason, boolean inDoubt, Optional<String> assignee) {
    }

    /** The actions waiting for a person in these organisations (empty: all), oldest first, in one read. */
    List<WaitingAction> waiting(Optional<Collection<OrganisationId>> only);

    /** Assigns a waiting action to a user (again: to the new user). */
    void assignTask(UUID actionId, UUID userId, String assignedBy, Instant at);

    /**
     * Every organisation's summary, or only these ({@code only} empty: all).
     *
     * @param now           "today" and the 7 days ahead are counted from here, each organisation in its own zone
     */
    List<OrganisationSummary> summaries(Optional<Collection<OrganisationId>> only, Instant now);

    /** The organisation's invoices that are open or still followed up, most overdue first. */
    List<InvoiceLine> invoices(OrganisationId organisation, Instant now);

    /** One invoice of the organisation, open or not. */
    Optional<InvoiceLine> invoice(OrganisationId organisation, String providerInvoiceId, Instant now);

    /** Every invoice of one customer in the mirror, open or not, by due date. */
    List<InvoiceLine> customerInvoices(OrganisationId organisation, String customerId, Instant now);
}
