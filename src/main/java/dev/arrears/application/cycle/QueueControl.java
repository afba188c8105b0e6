package dev.arrears.application.cycle;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.OutboxEntry;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A person's changes to one action of an organisation's queue, the same for the console and the
 * admin API. Each checks the action under the organisation's and the action's row locks (so it cannot
 * race a go-live or a dispatcher's claim), changes it and appends an audit event naming who did it,
 * in one transaction.
 *
 * <p>A refusal because of the state (an action already sent, an organisation not in the right mode)
 * is an {@link IllegalStateException}; an action that is not the organisation's is an
 * {@link IllegalArgumentException}. Both carry a message for a person.
 */
public interface QueueControl {

    /**
     * A previewed action is kept out of the go-live: it stays PREVIEWED and is never sent. Only while
     * the organisation is in preview; undone with {@link #include}.
     */
    OutboxEntry exclude(OrganisationId organisation, UUID action, String by, Instant at);

    /** Undoes {@link #exclude} while the organisation is still in preview. */
    OutboxEntry include(OrganisationId organisation, UUID action, String by, Instant at);

    /**
     * A pending action (live or paused organisation) is cancelled for good: the engine does not plan it
     * again, unlike an action a payment or a hold cancelled. One a dispatcher holds right now is refused.
     */
    OutboxEntry stop(OrganisationId organisation, UUID action, String by, Instant at);

    /**
     * A pending reminder of a live organisation becomes due now, so the dispatcher's next round sends
     * it: still claimed once under its unique key, still re-read from the ledger and held to the send
     * rules (a reminder outside the send window waits for it). Nothing new is planned, so chasing twice
     * sends one reminder; chasing one already sent is refused.
     */
    OutboxEntry chaseNow(OrganisationId organisation, UUID action, String by, Instant at);

    /** The organisation's actions excluded from its go-live. */
    Set<UUID> excluded(OrganisationId organisation);
}
