package dev.arrears.persistence;

import dev.arrears.application.console.SignInFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link SignInFailures} on {@code console_sign_in_failure}. A failure is counted in one upsert, so
 * guesses sent at once from many browsers (or to many replicas) are all counted.
 */
@ApplicationScoped
public class JpaSignInFailures implements SignInFailures {

    private static final String COUNT = """
            insert into console_sign_in_failure as f (username, failures, first_failed_at, locked_until)
            values (:u, 1, :at, case when 1 >= :max then cast(:lock as timestamptz) end)
            on conflict (username) do update set
                failures = case when f.first_failed_at < :window then 1 else f.failures + 1 end,
                first_failed_at = case when f.first_failed_at < :window then excluded.first_failed_at else f.first_failed_at end,
                locked_until = case when (case when f.first_failed_at < :window then 1 else f.failures + 1 end) >= :max
                                    then cast(:lock as timestamptz) else f.locked_until end
            returning (extract(epoch from locked_until) * 1000)::bigint, failures
            """;

    private final EntityManager em;

    JpaSignInFailures(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public Optional<Instant> lockedUntil(String username, Instant now) {
        return SqlRows.rows(em.createNativeQuery("select (extract(epoch from locked_until) * 1000)::bigint "
                        + "from console_sign_in_failure where username = :u and locked_until > :now")
                        .setParameter("u", username).setParameter("now", now))
                .stream().findFirst().map(r -> Instant.ofEpochMilli(((Number) r[0]).longValue()));
    }

    @Override
    @Transactional
    public Optional<Instant> recordFailure(String username, Instant at, Instant windowStart, int maxFailures, Instant lockUntil) {
        Object[] row = SqlRows.rows(em.createNativeQuery(COUNT).setParameter("u", username).setParameter("at", at)
                .setParameter("window", windowStart).setParameter("max", maxFailures).setParameter("lock", lockUntil)).get(0);
        return Optional.ofNullable((Number) row[0]).map(n -> Instant.ofEpochMilli(n.longValue())).filter(i -> i.isAfter(at));
    }

    @Override
    @Transactional
    public void clear(String username) {
        em.createNativeQuery("delete from console_sign_in_failure where username = :u").setParameter("u", username)
                .executeUpdate();
    }
}
