package dev.arrears.persistence;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.InvoiceRef;
import dev.arrears.application.Organisation;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.OrganisationMode;
import dev.arrears.application.UnknownOrganisationException;
import dev.arrears.application.cycle.GoLiveResult;
import dev.arrears.application.cycle.OrganisationControl;
import dev.arrears.domain.dunning.ActionKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * {@link OrganisationControl}: each mode change and the outbox rows it moves, under the
 * organisation's row lock, in one transaction.
 */
@ApplicationScoped
public class JpaOrganisationControl implements OrganisationControl {

    // The go-live rule (see OrganisationControl): per invoice still chased and still owed, the
    // previewed actions of its current stage, and of each fee rule still charging it, only the latest
    // period. A fee row's stage is the stage whose rule it belongs to, which a repeating rule keeps
    // charging after the invoice moved on; so a rule is still charging when its latest period was
    // charged in the current stage (on or after the day the invoice entered it), whatever its tag.
    // An action a person excluded from the queue is not promoted; it is still ranked, so that excluding
    // a fee's latest period does not promote the period before it instead.
    private static final String PROMOTE = """
            with candidate as (
                select o.id, o.kind, o.stage, (o.payload -> 'fee' ->> 'chargeDate')::date as charge_date,
                       s.status as dunning_status, s.stage as current_stage, s.stage_entered_on,
                       exists (select 1 from withheld_action w where w.action_id = o.id) as withheld,
                       row_number() over (
                           partition by o.invoice_id,
                               case when o.kind = 'CHARGE_LATE_FEE' then o.payload -> 'fee' ->> 'ruleId' else o.id::text end
                           order by (o.payload -> 'fee' ->> 'period')::int desc nulls last) as newest
                from outbox_action o
                join dunning_state s on s.invoice_id = o.invoice_id
                join invoice i on i.id = o.invoice_id
                where o.organisation_id = :org and o.status = 'PREVIEWED'
                  and i.status = 'OPEN' and i.amount_due > 0 and i.quarantine_reason is null)
            update outbox_action a set status = 'PENDING', next_attempt_at = :now, status_reason = null, updated_at = :now
            from candidate c
            where a.id = c.id and c.newest = 1 and not c.withheld
              and ((c.dunning_status = 'ACTIVE'
                    and (c.stage = c.current_stage
                         or (c.kind = 'CHARGE_LATE_FEE' and c.charge_date >= c.stage_entered_on)))
                   or (c.dunning_status = 'FLAGGED' and c.kind = 'FLAG_FOR_PERSON'))
            returning a.action_key, (select i.provider_invoice_id from invoice i where i.id = a.invoice_id)""";

    private final EntityManager em;
    private final JpaOrganisationStore organisations;
    private final AuditTrail audit;

    JpaOrganisationControl(EntityManager em, JpaOrganisationStore organisations, AuditTrail audit) {
        this.em = em;
        this.organisations = organisations;
        this.audit = audit;
    }

    @Override
    @Transactional
    public GoLiveResult goLive(OrganisationId id, Instant at) {
        OrganisationEntity row = lock(id);
        if (row.mode.equals(OrganisationMode.LIVE.name())) {
            return new GoLiveResult(JpaOrganisationStore.toOrganisation(row), List.of());
        }
        if (!row.mode.equals(OrganisationMode.PREVIEW.name())) {
            throw new IllegalStateException("organisation " + id + " is " + row.mode + ": only an organisation in preview goes live"
                    + (row.mode.equals(OrganisationMode.PAUSED.name()) ? "; resume it first" : "; reconnect it first"));
        }
        List<ActionKey> promoted = new ArrayList<>();
        List<Object[]> rows = session().createNativeQuery(PROMOTE, Object[].class)
                .setParameter("org", id.value())
                .setParameter("now", at)
                .getResultList();
        for (Object[] r : rows) {
            ActionKey key = new ActionKey((String) r[0]);
            promoted.add(key);
            audit.append(AuditEvent.forInvoice(new InvoiceRef(id, (String) r[1]), AuditKind.ACTION_PROMOTED, Optional.of(key),
                    Optional.empty(), Map.of("rule", "go-live: current stage only"),
                    "The organisation went live: this action of the invoice's current stage (or the latest period of a fee "
                            + "still charging it) will be carried out; earlier stages stay previewed, never sent."));
        }
        return new GoLiveResult(organisations.setMode(id, OrganisationMode.LIVE), promoted);
    }

    @Override
    @Transactional
    public Organisation toPreview(OrganisationId id, Instant at) {
        OrganisationEntity row = lock(id);
        if (row.mode.equals(OrganisationMode.LIVE.name())) {
            session().createNativeMutationQuery("""
                            update outbox_action set status = 'PREVIEWED', status_reason = 'the organisation went back to preview',
                                updated_at = :at
                            where organisation_id = :org and status = 'PENDING'""")
                    .setParameter("at", at)
                    .setParameter("org", id.value())
                    .executeUpdate();
        } else if (!row.mode.equals(OrganisationMode.PREVIEW.name())) {
            throw new IllegalStateException("organisation " + id + " is " + row.mode + ": resume or reconnect it first");
        }
        return organisations.setMode(id, OrganisationMode.PREVIEW);
    }

    @Override
    @Transactional
    public Organisation pause(OrganisationId id, Instant at) {
        OrganisationEntity row = lock(id);
        forgetResumeDay(id);
        if (row.mode.equals(OrganisationMode.PAUSED.name())) {
            return JpaOrganisationStore.toOrganisation(row);
        }
        session().createNativeMutationQuery("update organisation set mode_before_pause = :mode where id = :id")
                .setParameter("mode", row.mode)
                .setParameter("id", id.value())
                .executeUpdate();
        return organisations.setMode(id, OrganisationMode.PAUSED);
    }

    @Override
    @Transactional
    public Organisation pauseUntil(OrganisationId id, LocalDate resumeOn, String by, Instant at) {
        OrganisationEntity row = lock(id);
        LocalDate today = LocalDate.ofInstant(at, ZoneId.of(row.timeZone));
        if (!resumeOn.isAfter(today)) {
            throw new IllegalArgumentException("The resume date must be after today (" + today
                    + " in the organisation's time zone).");
        }
        Organisation paused = pause(id, at);
        session().createNativeMutationQuery("""
                        insert into organisation_resume (organisation_id, resume_on, paused_by) values (:id, :day, :by)
                        on conflict (organisation_id) do update set resume_on = :day, paused_by = :by""")
                .setParameter("id", id.value()).setParameter("day", resumeOn).setParameter("by", by)
                .executeUpdate();
        return paused;
    }

    @Override
    @Transactional
    public Optional<LocalDate> resumeOn(OrganisationId id) {
        return session().createNativeQuery("""
                        select r.resume_on from organisation_resume r join organisation o on o.id = r.organisation_id
                        where r.organisation_id = :id and o.mode = 'PAUSED'""", LocalDate.class)
                .setParameter("id", id.value()).getResultStream().findFirst();
    }

    @Override
    @Transactional
    public List<OrganisationId> resumeDue(Instant now) {
        List<Object[]> paused = session().createNativeQuery("""
                        select o.id, o.time_zone, r.resume_on from organisation_resume r
                        join organisation o on o.id = r.organisation_id where o.mode = 'PAUSED'""", Object[].class)
                .getResultList();
        List<OrganisationId> resumed = new ArrayList<>();
        for (Object[] r : paused) {
            LocalDate day = (LocalDate) r[2];
            if (!day.isAfter(LocalDate.ofInstant(now, ZoneId.of((String) r[1])))) {
                OrganisationId id = new OrganisationId((UUID) r[0]);
                // Another replica's tick (or a person) may have resumed it since the read above.
                if (!lock(id).mode.equals(OrganisationMode.PAUSED.name())) {
                    continue;
                }
                resume(id, now);
                audit.append(AuditEvent.forOrganisation(id, AuditKind.MODE_CHANGED, Map.of("resumeOn", day.toString()),
                        "The pause ended on its resume date, " + day + "."));
                resumed.add(id);
            }
        }
        return resumed;
    }

    @Override
    @Transactional
    public Organisation resume(OrganisationId id, Instant at) {
        OrganisationEntity row = lock(id);
        forgetResumeDay(id);
        if (!row.mode.equals(OrganisationMode.PAUSED.name())) {
            return JpaOrganisationStore.toOrganisation(row);
        }
        OrganisationMode back = row.modeBeforePause == null ? OrganisationMode.PREVIEW : OrganisationMode.valueOf(row.modeBeforePause);
        session().createNativeMutationQuery("update organisation set mode_before_pause = null where id = :id")
                .setParameter("id", id.value())
                .executeUpdate();
        return organisations.setMode(id, back);
    }

    private void forgetResumeDay(OrganisationId id) {
        session().createNativeMutationQuery("delete from organisation_resume where organisation_id = :id")
                .setParameter("id", id.value()).executeUpdate();
    }

    private OrganisationEntity lock(OrganisationId id) {
        OrganisationEntity row = em.find(OrganisationEntity.class, id.value(), LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw new UnknownOrganisationException(id);
        }
        return row;
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
