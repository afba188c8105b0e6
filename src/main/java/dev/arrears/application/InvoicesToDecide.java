package dev.arrears.application;

import dev.arrears.domain.invoice.InvoiceSnapshot;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Port: which open invoices a decide step takes, with their stored states, and the bookkeeping that
 * lets a cycle decide only what can have changed. An invoice is <em>due</em> when it changed since
 * its last decision (its ledger copy, a collections fact that concerns it, its dunning state: the
 * store keeps a reason and a mark for it), was never decided, or its next review day
 * ({@code DunningState.nextReviewOn}, the next day on which its decision can differ) has come.
 */
public interface InvoicesToDecide {

    /**
     * Every open, unquarantined invoice of the organisation, and every settled one still in dunning
     * (ACTIVE or FLAGGED: it is decided so that it leaves), by provider id: a full decide.
     */
    List<ToDecide> all(OrganisationId organisation);

    /** Of {@link #all}, those due on the organisation's {@code today} (settled ones still in dunning always), by provider id. */
    List<ToDecide> due(OrganisationId organisation, LocalDate today);

    /**
     * The invoices were decided from what was read: their reasons are cleared, except where the mark
     * moved since (changed again while being decided: due at the next cycle).
     */
    void decided(OrganisationId organisation, Collection<ToDecide> decided);

    /** The organisation's last full decide, if any. */
    Optional<FullDecide> lastFull(OrganisationId organisation);

    /** Records a full decide, after it completed. */
    void fullDecided(OrganisationId organisation, FullDecide full);

    /**
     * An invoice to decide.
     *
     * @param state  its stored dunning state; empty when never decided
     * @param mark   the mark read with it, quoted by {@link #decided}
     * @param reason why it changed since its last decision; empty when it did not
     */
    record ToDecide(InvoiceSnapshot invoice, Optional<StoredDunningState> state, long mark, Optional<String> reason) {
        public ToDecide {
            Objects.requireNonNull(invoice, "invoice");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * @param on    the organisation's day it ran on
     * @param basis what it ran under (policy files, policy id, zone, mode): another basis needs a full decide
     */
    record FullDecide(LocalDate on, String basis) {
        public FullDecide {
            Objects.requireNonNull(on, "on");
            Objects.requireNonNull(basis, "basis");
        }
    }
}
