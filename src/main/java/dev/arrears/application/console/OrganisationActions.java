package dev.arrears.application.console;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.Transactions;
import dev.arrears.application.cycle.GoLiveResult;
import dev.arrears.application.cycle.OrganisationControl;
import java.time.Clock;
import java.util.Map;

/**
 * A person's changes to an organisation's mode, from the console: the same {@link OrganisationControl}
 * the admin API calls, checked against what the user may change, and audited with their name in the
 * same transaction as the change.
 */
public final class OrganisationActions {

    private final OrganisationControl control;
    private final AuditTrail audit;
    private final Transactions transactions;
    private final Clock clock;

    public OrganisationActions(OrganisationControl control, AuditTrail audit, Transactions transactions, Clock clock) {
        this.control = control;
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
