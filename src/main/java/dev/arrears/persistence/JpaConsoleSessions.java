package dev.arrears.persistence;

import dev.arrears.application.console.ConsoleSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** {@link ConsoleSessions} on {@code console_session}. */
@ApplicationScoped
public class JpaConsoleSessions implements ConsoleSessions {

    private final EntityManager em;

    JpaConsoleSessions(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public void open(byte[] tokenHash, UUID userId, String csrfToken, Instant at, Instant expiresAt) {
        em.createNativeQuery("insert into console_session (token_hash, user_id, csrf_token, created_at, last_seen_at, "
                        + "expires_at) values (:h, :u, :c, :at, :at, :exp)")
                .setParameter("h", tokenHash).setParameter("u", userId).setParameter("c", csrfToken)
                .setParameter("at", at).setParameter("exp", expiresAt).executeUpdate();
    }

    @Override
    @Transactional
    public Optional<Open> find(byte[] tokenHash, Instant now, Instant idleSince) {
        return SqlRows.rows(em.createNativeQuery("select u.id::text, u.username, u.display_name, u.role, u.disabled::text, "
                                + "s.csrf_token, (extract(epoch from s.last_seen_at) * 1000)::bigint "
                                + "from console_session s join console_user u on u.id = s.user_id "
                                + "where s.token_hash = :h and s.ended_at is null and s.expires_at > :now "
                                + "and s.last_seen_at >= :idle and not u.disabled")
                        .setParameter("h", tokenHash).setParameter("now", now).setParameter("idle", idleSince))
                .stream().findFirst()
                .map(r -> new Open(JpaConsoleUsers.user(r), (String) r[5], Instant.ofEpochMilli(((Number) r[6]).longValue())));
    }

    @Override
    @Transactional
    public void touch(byte[] tokenHash, Instant at) {
        em.createNativeQuery("update console_session set last_seen_at = greatest(last_seen_at, :at) where token_hash = :h")
                .setParameter("h", tokenHash).setParameter("at", at).executeUpdate();
    }

    @Override
    @Transactional
    public void end(byte[] tokenHash, Instant at) {
        em.createNativeQuery("update console_session set ended_at = :at where token_hash = :h and ended_at is null")
                .setParameter("h", tokenHash).setParameter("at", at).executeUpdate();
    }
}
