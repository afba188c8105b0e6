package dev.arrears.application.console;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.Transactions;
import dev.arrears.application.cycle.GoLiveResult;
import dev.arrears.application.OutboxEntry;
import dev.arrears.application.cycle.OrganisationControl;
import dev.arrears.application.cycle.QueueControl;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.Map;

/**
 * A person's changes to an organisation's mode and queue, from the console: the same
 * {@link OrganisationControl} and {@link QueueControl} the admin API calls, checked against what the user
 * may change, and audited with their name in the same transaction as the change.
 */
public final class OrganisationActions {

    private final OrganisationControl control;
    private final QueueControl queue;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public OrganisationActions(OrganisationControl control, QueueControl queue, AuditTrail audit, Transactions transactions,
                               Clock clock) {
        this.control = control;
        this.queue = queue;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Organisation pause(ConsoleAccess access, OrganisationId organisation) {
        access.requireChange(organisation);
        return transactions.inOne(() -> {
            Organisation paused = control.pause(organisation, clock.instant());
            audited(access, organisation, "pause", access.user().displayName() + " paused the organisation");
            return paused;
        });
    }

    /** Paused until a day on which the cycle resumes the organisation by itself. */
    public Organisation pauseUntil(ConsoleAccess access, OrganisationId organisation, LocalDate resumeOn) {
        access.requireChange(organisation);
        return transactions.inOne(() -> {
            Organisation paused = control.pauseUntil(organisation, resumeOn, access.user().username(), clock.instant());
            audited(access, organisation, "pause", access.user().displayName() + " paused the organisation until " + resumeOn);
            return paused;
        });
    }

    /** Keeps a previewed action out of the go-live (audited by {@link QueueControl} with the user's name). */
    public OutboxEntry exclude(ConsoleAccess access, OrganisationId organisation, UUID action) {
        access.requireChange(organisation);
        return queue.exclude(organisation, action, access.user().username(), clock.instant());
    }

    public OutboxEntry include(ConsoleAccess access, OrganisationId organisation, UUID action) {
        access.requireChange(organisation);
        return queue.include(organisation, action, access.user().username(), clock.instant());
    }

    public OutboxEntry stop(ConsoleAccess access, OrganisationId organisation, UUID action) {
        access.requireChange(organisation);
        return queue.stop(organisation, action, access.user().username(), clock.instant());
    }

    public OutboxEntry chaseNow(ConsoleAccess access, OrganisationId organisation, UUID action) {
        access.requireChange(organisation);
        return queue.chaseNow(organisation, action, access.user().username(), clock.instant());
    }

    public Organisation resume(ConsoleAccess access, OrganisationId organisation) {
        access.requireChange(organisation);
        return transactions.inOne(() -> {
            Organisation resumed = control.resume(organisation, clock.instant());
            audited(access, organisation, "resume", access.user().displayName() + " resumed the organisation");
            return resumed;
        });
    }

    /** Approves the previewed queue: the organisation goes live under the go-live rule. */
    public GoLiveResult goLive(ConsoleAccess access, OrganisationId organisation) {
        access.requireChange(organisation);
        return transactions.inOne(() -> {
            GoLiveResult result = control.goLive(organisation, clock.instant());
            audited(access, organisation, "go-live", access.user().displayName() + " approved the queue and went live ("
                    + result.promoted().size() + " actions handed to the dispatcher)");
            return result;
        });
    }

    private void audited(ConsoleAccess access, OrganisationId organisation, String action, String message) {
        audit.append(AuditEvent.forOrganisation(organisation, AuditKind.CONSOLE_ACTION,
                Map.of("user", access.user().username(), "action", action), message));
    }
}
