package dev.arrears.application.console;

import dev.arrears.application.OrganisationId;
import java.util.Objects;
import java.util.Set;

/**
 * What one signed-in user may see and change. Firm admins see and change every organisation;
 * accountants the organisations assigned to them; viewers see the organisations assigned to them
 * and change nothing.
 */
public record ConsoleAccess(ConsoleUser user, Set<OrganisationId> assigned) {

    public ConsoleAccess {
        Objects.requireNonNull(user, "user");
        assigned = Set.copyOf(assigned);
    }

    public boolean seesEveryOrganisation() {
        return user.role() == ConsoleRole.FIRM_ADMIN;
    }

    public boolean canRead(OrganisationId organisation) {
        return seesEveryOrganisation() || assigned.contains(organisation);
    }

    public boolean canChange(OrganisationId organisation) {
        return user.role() != ConsoleRole.VIEWER && canRead(organisation);
    }

    /** Whether the user may change anything at all (a viewer may not). */
    public boolean changesAnything() {
        return user.role() != ConsoleRole.VIEWER;
    }

    /** @throws NotAllowedException when the user may not see the organisation */
    public void requireRead(OrganisationId organisation) {
        if (!canRead(organisation)) {
            throw new NotAllowedException("This organisation is not assigned to you.");
        }
    }

    /** @throws NotAllowedException when the user may not change the organisation */
    public void requireChange(OrganisationId organisation) {
        requireRead(organisation);
        if (!canChange(organisation)) {
            throw new NotAllowedException("A viewer can look but not change anything.");
        }
    }

    /** @throws NotAllowedException unless the user is a firm admin */
    public void requireUserAdministration() {
        if (!administersUsers()) {
            throw new NotAllowedException("Only a firm admin manages users.");
        }
    }

    public boolean administersUsers() {
        return user.role() == ConsoleRole.FIRM_ADMIN;
    }
}
