package dev.arrears.persistence;

import dev.arrears.application.OrganisationId;
import dev.arrears.application.console.ConsoleRole;
import dev.arrears.application.console.ConsoleUser;
import dev.arrears.application.console.ConsoleUsers;
import dev.arrears.application.console.NewConsoleUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@link ConsoleUsers} on {@code console_user} and {@code console_user_organisation}. */
@ApplicationScoped
public class JpaConsoleUsers implements ConsoleUsers {

    private static final String COLUMNS = "select id::text, username, display_name, role, disabled::text, password_hash from console_user ";

    private final EntityManager em;

    JpaConsoleUsers(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public Optional<WithHash> byUsername(String username) {
        return SqlRows.rows(em.createNativeQuery(COLUMNS + "where username = :u").setParameter("u", username))
                .stream().findFirst().map(r -> new WithHash(user(r), (String) r[5]));
    }

    @Override
    @Transactional
    public ConsoleUser create(NewConsoleUser user, String passwordHash, Instant at) {
        if (byUsername(user.username()).isPresent()) {
            throw new IllegalArgumentException("There is already a user named '" + user.username() + "'");
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into console_user (id, username, display_name, role, password_hash, disabled, "
                        + "created_at, updated_at) values (:id, :u, :d, :r, :h, false, :at, :at)")
                .setParameter("id", id).setParameter("u", user.username()).setParameter("d", user.displayName())
                .setParameter("r", user.role().name()).setParameter("h", passwordHash).setParameter("at", at)
                .executeUpdate();
        return new ConsoleUser(id, user.username(), user.displayName(), user.role(), false);
    }

    @Override
    @Transactional
    public long count() {
        return ((Number) em.createNativeQuery("select count(*) from console_user").getSingleResult()).longValue();
    }

    @Override
    @Transactional
    public List<ConsoleUser> list() {
        return SqlRows.rows(em.createNativeQuery(COLUMNS + "order by username")).stream().map(JpaConsoleUsers::user).toList();
    }

    @Override
    @Transactional
    public Set<OrganisationId> assignedTo(UUID userId) {
        Set<OrganisationId> ids = new LinkedHashSet<>();
        SqlRows.rows(em.createNativeQuery("select organisation_id::text from console_user_organisation where user_id = :u")
                .setParameter("u", userId)).forEach(r -> ids.add(OrganisationId.parse((String) r[0])));
        return ids;
    }

    @Override
    @Transactional
    public Map<UUID, Set<OrganisationId>> assignments() {
        Map<UUID, Set<OrganisationId>> all = new HashMap<>();
        SqlRows.rows(em.createNativeQuery("select user_id::text, organisation_id::text from console_user_organisation"))
                .forEach(r -> all.computeIfAbsent(UUID.fromString((String) r[0]), k -> new LinkedHashSet<>())
                        .add(OrganisationId.parse((String) r[1])));
        return all;
    }

    @Override
    @Transactional
    public Optional<ConsoleUser> bySubject(String issuer, String subject) {
        return SqlRows.rows(em.createNativeQuery(COLUMNS + "where oidc_issuer = :i and oidc_subject = :s")
                .setParameter("i", issuer).setParameter("s", subject)).stream().findFirst().map(JpaConsoleUsers::user);
    }

    @Override
    @Transactional
    public boolean linkSubject(UUID userId, String issuer, String subject) {
        em.createNativeQuery("update console_user set oidc_issuer = :i, oidc_subject = :s, updated_at = now() "
                        + "where id = :u and oidc_subject is null")
                .setParameter("i", issuer).setParameter("s", subject).setParameter("u", userId).executeUpdate();
        return !SqlRows.rows(em.createNativeQuery("select 1 from console_user where id = :u and oidc_issuer = :i "
                        + "and oidc_subject = :s").setParameter("u", userId).setParameter("i", issuer).setParameter("s", subject))
                .isEmpty();
    }

    @Override
    @Transactional
    public void assign(UUID userId, OrganisationId organisation) {
        em.createNativeQuery("insert into console_user_organisation (user_id, organisation_id) values (:u, :o) "
                        + "on conflict do nothing")
                .setParameter("u", userId).setParameter("o", organisation.value()).executeUpdate();
    }

    static ConsoleUser user(Object[] r) {
        return new ConsoleUser(UUID.fromString((String) r[0]), (String) r[1], (String) r[2], ConsoleRole.valueOf((String) r[3]),
                Boolean.parseBoolean((String) r[4]));
    }
}
