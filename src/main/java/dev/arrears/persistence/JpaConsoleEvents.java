package dev.arrears.persistence;

import dev.arrears.application.console.ConsoleEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/** {@link ConsoleEvents} on {@code console_event} (append-only: the table refuses updates and deletes). */
@ApplicationScoped
public class JpaConsoleEvents implements ConsoleEvents {

    private final EntityManager em;
    private final Clock clock;

    JpaConsoleEvents(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void record(Optional<String> username, Kind kind, String message) {
        em.createNativeQuery("insert into console_event (occurred_at, username, kind, message) values (:at, :u, :k, :m)")
                .setParameter("at", clock.instant()).setParameter("u", username.orElse(null))
                .setParameter("k", kind.name()).setParameter("m", message).executeUpdate();
    }
}
