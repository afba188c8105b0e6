package dev.arrears.persistence;

import dev.arrears.application.OperationsFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The operator's figures in four aggregate queries, read-only and short. */
@ApplicationScoped
public class SqlOperationsFigures implements OperationsFigures {

    // The dispatcher records the channel in the payload right before the write (ActionClaims.markWriting):
    // a reminder's channel is chosen only then, so one not dispatched yet has none; everything else
    // is written into the ledger.
    private static final String ACTIONS = """
            select kind,
                   coalesce(payload->>'channel', case when kind = 'SEND_REMINDER' then 'UNDECIDED' else 'LEDGER' end),
                   status, count(*)
            from outbox_action group by 1, 2, 3 order by 1, 2, 3""";
    private static final String DUE = """
            select count(*) filter (where in_doubt and status in ('PENDING', 'CLAIMED')),
                   min(next_attempt_at) filter (where status = 'PENDING' and next_attempt_at <= :now)
            from outbox_action""";
    private static final String MODES = "select mode, count(*) from organisation group by mode";
    private static final String PAUSED = "select count(*) from organisation where writes_paused_until > :now";

    private final EntityManager em;

    SqlOperationsFigures(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public Figures read(Instant now) {
        List<ActionCount> actions = new ArrayList<>();
        for (Object row : em.createNativeQuery(ACTIONS).getResultList()) {
            Object[] r = (Object[]) row;
            actions.add(new ActionCount((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue()));
        }
        Object[] due = (Object[]) em.createNativeQuery(DUE).setParameter("now", now).getSingleResult();
        Map<String, Long> modes = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery(MODES).getResultList()) {
            Object[] r = (Object[]) row;
            modes.put((String) r[0], ((Number) r[1]).longValue());
        }
        long paused = ((Number) em.createNativeQuery(PAUSED).setParameter("now", now).getSingleResult()).longValue();
        return new Figures(actions, ((Number) due[0]).longValue(), Optional.ofNullable(due[1]).map(SqlOperationsFigures::instant),
                modes, paused);
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }
}
