package dev.arrears.application.cycle;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.OrganisationId;
import dev.arrears.domain.policy.ReminderChannel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims on outbox actions. A claim is a short transaction that marks rows CLAIMED by a replica
 * until an instant ({@code FOR UPDATE SKIP LOCKED}, so replicas never wait for each other); no row
 * lock is held while the ledger is called. A claim that expires (its replica died mid-write) can be
 * taken by another replica, which then treats the action as in doubt if its write had begun: the
 * ledger may already have it.
 *
 * <p>Claiming an organisation's actions also marks the organisation as being dispatched by this
 * dispatch run (of this replica), until the claims expire or {@link #release} is called; an
 * organisation leased for a cycle is dispatched only by that cycle, and one being dispatched is
 * neither leased nor dispatched by any other run, of this replica or another (one thread works an
 * organisation at a time).
 */
public interface ActionClaims {

    /**
     * Claims up to {@code limit} actions of live organisations whose writes are not paused and that no
     * other replica is working: pending ones whose next attempt has come, and claimed ones whose
     * claim expired (these come back in doubt when their write had begun).
     *
     * @param run          the dispatch run (one call of the dispatcher, over its batches) claiming; only
     *                     this run may extend its own marks
     * @param organisation only this organisation's actions, when given: the dispatch of the cycle that
     *                     holds its lease; otherwise organisations leased by any cycle are left to it
     */
    List<ClaimedAction> claim(String replica, UUID run, Instant now, Instant claimUntil, int limit,
                              Optional<OrganisationId> organisation);

    /**
     * Stores what became of a claimed action, with its audit event, in one transaction, provided the
     * claim is still this replica's.
     *
     * @return false (and nothing stored) when the claim was lost to another replica
     */
    boolean settle(UUID actionId, String replica, ClaimResult result, Instant at, Optional<AuditEvent> event);

    /**
     * Records that the claimed action's write is about to begin, so that a crash from now on leaves
     * it in doubt; the first such moment is kept for good. The channel the write goes through is
     * recorded with it (a reminder's is chosen only now, at dispatch), so the figures can count
     * actions by the channel that carried them.
     *
     * @return false (and nothing stored) when the claim was lost to another replica: do not write
     */
    boolean markWriting(UUID actionId, String replica, Instant at, ReminderChannel channel);

    /**
     * {@link #markWriting} for every action one message settles (a statement email covers several
     * reminders), in one transaction: all of them are marked, or none is.
     *
     * @return false (and nothing stored) when the claim on any of them was lost: do not write
     */
    boolean markWritingAll(List<UUID> actionIds, String replica, Instant at, ReminderChannel channel);

    /** Gives up the dispatch marks this run took. */
    void release(String replica, UUID run);

    /**
     * Ends every claim and dispatch mark this replica holds, at {@code now}: a replica that restarts
     * under the same id takes its actions back at once instead of waiting for its claims to expire.
     * A claim whose write had begun comes back in doubt, as any expired claim does.
     */
    void expireAll(String replica, Instant now);
}
