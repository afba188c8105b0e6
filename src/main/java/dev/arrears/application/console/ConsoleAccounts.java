package dev.arrears.application.console;

import dev.arrears.application.OrganisationId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Signing in and out of the console, and its users. A session is a random token in an HttpOnly
 * cookie; only its SHA-256 is stored, with the session's CSRF token, so that signing out, idle
 * expiry and a disabled user take effect at once on every replica.
 */
public final class ConsoleAccounts {

    /**
     * Checked when the user name is unknown, so that a refusal takes as long whether or not the name
     * exists (the hash of a random password nobody knows).
     */
    private final String decoyHash;
    private final SecureRandom random = new SecureRandom();
    private final ConsoleUsers users;
    private final ConsoleSessions sessions;
    private final SignInFailures failures;
    private final ConsoleEvents events;
    private final PasswordHasher hasher;
    private final ConsoleSecuritySettings settings;
    private final Clock clock;

    public ConsoleAccounts(ConsoleUsers users, ConsoleSessions sessions, SignInFailures failures, ConsoleEvents events,
                           PasswordHasher hasher, ConsoleSecuritySettings settings, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.failures = failures;
        this.events = events;
        this.hasher = hasher;
        this.settings = settings;
        this.clock = clock;
        this.decoyHash = hasher.hash(randomToken());
    }

    public SignInResult signIn(String typedUsername, String password) {
        String username = NewConsoleUser.normalise(typedUsername);
        Instant now = clock.instant();
        Optional<Instant> locked = failures.lockedUntil(username, now);
        if (locked.isPresent()) {
            events.record(Optional.of(username), ConsoleEvents.Kind.SIGN_IN_THROTTLED,
                    "Sign-in refused without checking the password: too many failures, locked until " + locked.get());
            return new SignInResult.Locked(locked.get());
        }
        Optional<ConsoleUsers.WithHash> found = users.byUsername(username);
        boolean matches = hasher.matches(password == null ? "" : password, found.map(ConsoleUsers.WithHash::passwordHash).orElse(decoyHash));
        if (found.isEmpty() || !matches || found.get().user().disabled()) {
            Optional<Instant> lockedNow = failures.recordFailure(username, now, now.minus(settings.failureWindow()),
                    settings.maxFailures(), now.plus(settings.lockDuration()));
            events.record(Optional.of(username), ConsoleEvents.Kind.SIGN_IN_REFUSED, found.isEmpty() ? "Sign-in refused: unknown user name"
                    : found.get().user().disabled() ? "Sign-in refused: the user is disabled" : "Sign-in refused: wrong password");
            return lockedNow.<SignInResult>map(SignInResult.Locked::new).orElseGet(SignInResult.Refused::new);
        }
        failures.clear(username);
        ConsoleUser user = found.get().user();
        String token = openSession(user, now);
        events.record(Optional.of(username), ConsoleEvents.Kind.SIGNED_IN, user.displayName() + " signed in");
        return new SignInResult.SignedIn(user, token);
    }

    /**
     * Signs in someone the identity provider {@code provider} vouched for. The console user is found by
     * the provider's subject, linked at their first sign-in; before that, by the verified email, which
     * must be a console user's name. Roles and organisations stay the console's: nothing is created,
     * and a user linked to another subject is refused (an email the provider reassigned opens nothing).
     */
    public SingleSignOnResult signIn(FederatedIdentity identity, String provider) {
        Optional<ConsoleUser> linked = users.bySubject(identity.issuer(), identity.subject());
        ConsoleUser user;
        if (linked.isPresent()) {
            user = linked.get();
        } else {
            Optional<String> email = identity.email().filter(e -> identity.emailVerified()).map(NewConsoleUser::normalise);
            if (email.isEmpty()) {
                return refused(identity.email(), provider + " did not give a verified email address for this account, "
                        + "so it matches no console user.");
            }
            Optional<ConsoleUser> named = users.byUsername(email.get()).map(ConsoleUsers.WithHash::user);
            if (named.isEmpty()) {
                return refused(email, "No console user is named " + email.get() + ". A firm admin adds you on the "
                        + "Users page, with your email address as the user name.");
            }
            if (!users.linkSubject(named.get().id(), identity.issuer(), identity.subject())) {
                return refused(email, "The console user " + email.get() + " signs in with another " + provider
                        + " account. Ask a firm admin.");
            }
            user = named.get();
        }
        if (user.disabled()) {
            return refused(Optional.of(user.username()), "The console user " + user.username() + " is disabled.");
        }
        String token = openSession(user, clock.instant());
        events.record(Optional.of(user.username()), ConsoleEvents.Kind.SIGNED_IN,
                user.displayName() + " signed in with " + provider);
        return new SingleSignOnResult.SignedIn(user, token);
    }

    private SingleSignOnResult refused(Optional<String> username, String reason) {
        events.record(username, ConsoleEvents.Kind.SIGN_IN_REFUSED, "Single sign-on refused: " + reason);
        return new SingleSignOnResult.Refused(reason);
    }

    /** A new session for the user, the same whichever way they signed in; returns its cookie's value. */
    private String openSession(ConsoleUser user, Instant now) {
        String token = randomToken();
        sessions.open(hash(token), user.id(), randomToken(), now, now.plus(settings.sessionLifetime()));
        return token;
    }

    /** The open session behind a cookie; using it restarts its idle time. */
    public Optional<ConsoleSessions.Open> session(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        byte[] hash = hash(token);
        Optional<ConsoleSessions.Open> open = sessions.find(hash, now, now.minus(settings.idleTimeout()));
        // Touch at most once a minute: a page and its requests do not each write a row.
        open.filter(o -> o.lastSeenAt().isBefore(now.minusSeconds(60))).ifPresent(o -> sessions.touch(hash, now));
        return open;
    }

    public ConsoleAccess access(ConsoleUser user) {
        return new ConsoleAccess(user, users.assignedTo(user.id()));
    }

    public void signOut(String token) {
        if (token == null || token.isBlank()) {
            return;
        }
        byte[] hash = hash(token);
        Instant now = clock.instant();
        sessions.find(hash, now, Instant.EPOCH).ifPresent(open -> {
            sessions.end(hash, now);
            events.record(Optional.of(open.user().username()), ConsoleEvents.Kind.SIGNED_OUT,
                    open.user().displayName() + " signed out");
        });
    }

    /** Creates a user; {@code by} is who did it (a user name, or "environment" for the first firm admin). */
    public ConsoleUser createUser(NewConsoleUser user, String by) {
        ConsoleUser created = users.create(user, hasher.hash(user.password()), clock.instant());
        events.record(Optional.of(by), ConsoleEvents.Kind.USER_CREATED,
                by + " created the " + user.role().label().toLowerCase(Locale.ROOT) + " " + created.username());
        return created;
    }

    /**
     * Creates the first firm admin when there are no users yet (from the environment at start-up).
     *
     * @return whether it was created
     */
    public boolean createFirstAdmin(String username, String password) {
        if (users.count() > 0) {
            return false;
        }
        createUser(new NewConsoleUser(username, null, ConsoleRole.FIRM_ADMIN, password), "environment");
        return true;
    }

    public void assign(ConsoleUser user, OrganisationId organisation, String by) {
        users.assign(user.id(), organisation);
        events.record(Optional.of(by), ConsoleEvents.Kind.ORGANISATION_ASSIGNED,
                by + " assigned organisation " + organisation + " to " + user.username());
    }

    /** A user with the organisations assigned to them, for the users page. */
    public record UserWithOrganisations(ConsoleUser user, Set<OrganisationId> organisations) {
    }

    /** Every user, for a firm admin. */
    public List<UserWithOrganisations> users(ConsoleAccess access) {
        access.requireUserAdministration();
        Map<UUID, Set<OrganisationId>> assignments = users.assignments();
        return users.list().stream()
                .map(u -> new UserWithOrganisations(u, assignments.getOrDefault(u.id(), Set.of()))).toList();
    }

    /** The users a task can be given to (viewers work no tasks), for anyone who may change something. */
    public List<ConsoleUser> colleagues(ConsoleAccess access) {
        if (!access.changesAnything()) {
            return List.of();
        }
        return users.list().stream().filter(u -> u.role() != ConsoleRole.VIEWER && !u.disabled()).toList();
    }

    /** A firm admin creates a user. */
    public ConsoleUser createUser(ConsoleAccess access, NewConsoleUser user) {
        access.requireUserAdministration();
        return createUser(user, access.user().username());
    }

    /** A firm admin assigns an organisation to a user. */
    public void assign(ConsoleAccess access, String username, OrganisationId organisation) {
        access.requireUserAdministration();
        ConsoleUser user = user(username).orElseThrow(() -> new IllegalArgumentException("There is no user '" + username + "'."));
        assign(user, organisation, access.user().username());
    }

    public Optional<ConsoleUser> user(String username) {
        return users.byUsername(NewConsoleUser.normalise(username)).map(ConsoleUsers.WithHash::user);
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
