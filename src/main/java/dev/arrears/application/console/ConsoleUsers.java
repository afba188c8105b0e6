package dev.arrears.application.console;

import dev.arrears.application.OrganisationId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The console's users and the organisations assigned to them. */
public interface ConsoleUsers {

    /** A user with the password hash to check a sign-in against. */
    record WithHash(ConsoleUser user, String passwordHash) {
    }

    Optional<WithHash> byUsername(String username);

    /** @throws IllegalArgumentException when the user name is taken */
    ConsoleUser create(NewConsoleUser user, String passwordHash, Instant at);

    long count();

    List<ConsoleUser> list();

    Set<OrganisationId> assignedTo(UUID userId);

    /** Every user's assigned organisations, in one read. */
    Map<UUID, Set<OrganisationId>> assignments();

    /** The user an identity provider's subject was linked to at their first single sign-on. */
    Optional<ConsoleUser> bySubject(String issuer, String subject);

    /**
     * Links the identity provider's subject to the user, unless the user is linked already.
     *
     * @return whether the user is now linked to this subject (false: linked to another one)
     */
    boolean linkSubject(UUID userId, String issuer, String subject);

    /** Assigns the organisation to the user; assigning it twice changes nothing. */
    void assign(UUID userId, OrganisationId organisation);
}
