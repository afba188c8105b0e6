package dev.arrears.persistence;

import dev.arrears.application.AuditEvent;
import dev.arrears.application.AuditKind;
import dev.arrears.application.AuditTrail;
import dev.arrears.application.OrganisationId;
import dev.arrears.application.collections.CollectionsStore;
import dev.arrears.application.collections.UnknownCollectionsFactException;
import dev.arrears.domain.collections.CollectionsContext;
import dev.arrears.domain.collections.Dispute;
import dev.arrears.domain.collections.DisputeOutcome;
import dev.arrears.domain.collections.DisputeResolution;
import dev.arrears.domain.collections.Hold;
import dev.arrears.domain.collections.HoldScope;
import dev.arrears.domain.collections.Instalment;
import dev.arrears.domain.collections.LimitationPeriod;
import dev.arrears.domain.collections.PaymentPlan;
import dev.arrears.domain.collections.PlanStanding;
import dev.arrears.domain.collections.PromiseToPay;
import dev.arrears.domain.dunning.CollectionsEvent;
import dev.arrears.domain.invoice.PaymentApplied;
import dev.arrears.domain.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link CollectionsStore} on the V2 tables, with native SQL: each fact is a handful of columns read
 * whole into a domain record, so entities would add a mapping layer and nothing else.
 */
@ApplicationScoped
public class JpaCollectionsStore implements CollectionsStore {

    private static final String HOLD_COLUMNS = "id::text, scope, customer_id, invoice_id, reason, set_by, set_on,"
            + " resume_on, released_on";
    private static final String DISPUTE_COLUMNS = "id::text, invoice_id, reason, raised_by, raised_on, resolved_on,"
            + " outcome, resolution_note, resolved_by";
    private static final String PROMISE_COLUMNS = "id::text, invoice_id, customer_id, made_on, pay_by, amount::text,"
            + " currency, recorded_by, withdrawn_on";
    private static final String PLAN_COLUMNS = "id::text, customer_id, array_to_json(invoice_ids)::text, agreed_on,"
            + " agreed_by, ended_on, currency";

    private final EntityManager em;
    private final AuditTrail audit;
    private final Clock clock;

    JpaCollectionsStore(EntityManager em, AuditTrail audit, Clock clock) {
        this.em = em;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- holds ----------------------------------------------------------------------------------

    @Override
    @Transactional
    public Hold placeHold(OrganisationId org, HoldScope scope, String reason, String setBy, LocalDate setOn,
                          Optional<LocalDate> resumeOn) {
        Hold hold = new Hold(UUID.randomUUID().toString(), scope, reason, setBy, setOn, resumeOn, Optional.empty());
        em.createNativeQuery("insert into collections_hold (id, organisation_id, scope, customer_id, invoice_id, reason, set_by,"
                        + " set_on, set_at, resume_on) values (cast(:id as uuid), :org, :scope, :customer, :invoice, :reason, :by,"
                        + " :setOn, :at, :resumeOn)")
                .setParameter("id", hold.id()).setParameter("org", org.value())
                .setParameter("scope", switch (scope) {
                    case HoldScope.WholeOrganisation o -> "ORGANISATION";
                    case HoldScope.Customer c -> "CUSTOMER";
                    case HoldScope.Invoice i -> "INVOICE";
                })
                .setParameter("customer", scope instanceof HoldScope.Customer c ? c.customerId() : null)
                .setParameter("invoice", scope instanceof HoldScope.Invoice i ? i.invoiceId() : null)
                .setParameter("reason", reason).setParameter("by", setBy).setParameter("setOn", setOn)
                .setParameter("at", clock.instant()).setParameter("resumeOn", resumeOn.orElse(null))
                .executeUpdate();
        record(org, "hold", hold.id(), "Hold placed: " + hold.describe() + ".");
        return hold;
    }

    @Override
    @Transactional
    public Hold releaseHold(OrganisationId org, String holdId, String releasedBy, LocalDate on) {
        int updated = em.createNativeQuery("update collections_hold set released_on = :on, released_by = :by, released_at = :at"
                        + " where organisation_id = :org and id = cast(:id as uuid) and released_on is null")
                .setParameter("on", on).setParameter("by", releasedBy).setParameter("at", clock.instant())
                .setParameter("org", org.value()).setParameter("id", uuid(holdId, "hold"))
                .executeUpdate();
        Hold hold = holds(org).stream().filter(h -> h.id().equals(holdId)).findFirst()
                .orElseThrow(() -> new UnknownCollectionsFactException("organisation " + org + " has no hold " + holdId));
        if (updated == 1) {
            record(org, "hold", holdId, "Hold " + holdId + " released by " + releasedBy + " on " + on + ".");
        }
        return hold;
    }

    @Override
    @Transactional
    public List<Hold> holds(OrganisationId org) {
        Query query = em.createNativeQuery("select " + HOLD_COLUMNS + " from collections_hold where organisation_id = :org"
                + " order by set_at, id").setParameter("org", org.value());
        return SqlRows.rows(query).stream().map(JpaCollectionsStore::hold).toList();
    }

    private static Hold hold(Object[] r) {
        HoldScope scope = switch (SqlRows.text(r, 1)) {
            case "CUSTOMER" -> new HoldScope.Customer(SqlRows.text(r, 2));
            case "INVOICE" -> new HoldScope.Invoice(SqlRows.text(r, 3));
            default -> new HoldScope.WholeOrganisation();
        };
        return new Hold(SqlRows.text(r, 0), scope, SqlRows.text(r, 4), SqlRows.text(r, 5), SqlRows.date(r, 6),
                SqlRows.optionalDate(r, 7), SqlRows.optionalDate(r, 8));
    }

    // ---- disputes -------------------------------------------------------------------------------

    @Override
    @Transactional
    public Dispute raiseDispute(OrganisationId org, String invoiceId, String reason, String raisedBy, LocalDate on) {
        if (disputes(org).stream().anyMatch(d -> d.invoiceId().equals(invoiceId) && d.resolution().isEmpty())) {
            throw new IllegalStateException("invoice " + invoiceId + " already has an open dispute; resolve it first");
        }
        Dispute dispute = new Dispute(UUID.randomUUID().toString(), invoiceId, reason, raisedBy, on, Optional.empty());
        em.createNativeQuery("insert into collections_dispute (id, organisation_id, invoice_id, reason, raised_by, raised_on, raised_at)"
                        + " values (cast(:id as uuid), :org, :invoice, :reason, :by, :on, :at)")
                .setParameter("id", dispute.id()).setParameter("org", org.value()).setParameter("invoice", invoiceId)
                .setParameter("reason", reason).setParameter("by", raisedBy).setParameter("on", on).setParameter("at", clock.instant())
                .executeUpdate();
        record(org, "dispute", dispute.id(), "Invoice " + invoiceId + " " + dispute.describe() + ".");
        return dispute;
    }

    @Override
    @Transactional
    public Dispute resolveDispute(OrganisationId org, String invoiceId, DisputeResolution resolution) {
        Dispute open = disputes(org).stream().filter(d -> d.invoiceId().equals(invoiceId) && d.resolution().isEmpty()).findFirst()
                .orElseThrow(() -> new UnknownCollectionsFactException("invoice " + invoiceId + " has no open dispute"));
        Dispute resolved = new Dispute(open.id(), open.invoiceId(), open.reason(), open.raisedBy(), open.raisedOn(), Optional.of(resolution));
        em.createNativeQuery("update collections_dispute set resolved_on = :on, outcome = :outcome, resolution_note = :note,"
                        + " resolved_by = :by, resolved_at = :at where id = cast(:id as uuid)")
                .setParameter("on", resolution.resolvedOn()).setParameter("outcome", resolution.outcome().name())
                .setParameter("note", resolution.note()).setParameter("by", resolution.resolvedBy())
                .setParameter("at", clock.instant()).setParameter("id", open.id())
                .executeUpdate();
        record(org, "dispute", open.id(), "Dispute on invoice " + invoiceId + " resolved on " + resolution.resolvedOn() + ": "
                + resolution.outcome().label() + " (" + resolution.note() + ", by " + resolution.resolvedBy() + ").");
        return resolved;
    }

    private List<Dispute> disputes(OrganisationId org) {
        Query query = em.createNativeQuery("select " + DISPUTE_COLUMNS + " from collections_dispute where organisation_id = :org"
                + " order by raised_at, id").setParameter("org", org.value());
        return SqlRows.rows(query).stream().map(r -> new Dispute(SqlRows.text(r, 0), SqlRows.text(r, 1), SqlRows.text(r, 2),
                SqlRows.text(r, 3), SqlRows.date(r, 4), SqlRows.optionalDate(r, 5).map(on -> new DisputeResolution(on,
                DisputeOutcome.valueOf(SqlRows.text(r, 6)), SqlRows.optionalText(r, 7).orElse(""), SqlRows.text(r, 8))))).toList();
    }

    // ---- promises -------------------------------------------------------------------------------

    @Override
    @Transactional
    public PromiseToPay recordPromise(OrganisationId org, String invoiceId, String customerId, LocalDate madeOn, LocalDate payBy,
                                      Optional<Money> amount, String recordedBy) {
        PromiseToPay promise = new PromiseToPay(UUID.randomUUID().toString(), invoiceId, customerId, madeOn, payBy, amount,
                recordedBy, Optional.empty());
        em.createNativeQuery("insert into collections_promise (id, organisation_id, invoice_id, customer_id, made_on, pay_by, amount,"
                        + " currency, recorded_by, recorded_at) values (cast(:id as uuid), :org, :invoice, :customer, :madeOn, :payBy,"
                        + " cast(:amount as numeric), :currency, :by, :at)")
                .setParameter("id", promise.id()).setParameter("org", org.value()).setParameter("invoice", invoiceId)
                .setParameter("customer", customerId).setParameter("madeOn", madeOn).setParameter("payBy", payBy)
                .setParameter("amount", amount.map(m -> m.amount().toPlainString()).orElse(null))
                .setParameter("currency", amount.map(m -> m.currency().getCurrencyCode()).orElse(null))
                .setParameter("by", recordedBy).setParameter("at", clock.instant())
                .executeUpdate();
        record(org, "promise", promise.id(), "Invoice " + invoiceId + ": " + promise.describe() + ".");
        return promise;
    }

    @Override
    @Transactional
    public PromiseToPay withdrawPromise(OrganisationId org, String promiseId, LocalDate on) {
        em.createNativeQuery("update collections_promise set withdrawn_on = :on where organisation_id = :org"
                        + " and id = cast(:id as uuid) and withdrawn_on is null")
                .setParameter("on", on).setParameter("org", org.value()).setParameter("id", uuid(promiseId, "promise"))
                .executeUpdate();
        PromiseToPay promise = promises(org).stream().filter(p -> p.id().equals(promiseId)).findFirst()
                .orElseThrow(() -> new UnknownCollectionsFactException("organisation " + org + " has no promise " + promiseId));
        record(org, "promise", promiseId, "Promise " + promiseId + " withdrawn on " + on + ".");
        return promise;
    }

    @Override
    @Transactional
    public void recordPromiseOutcome(OrganisationId org, CollectionsEvent event, LocalDate judgedOn) {
        String promiseId;
        String outcome;
        switch (event) {
            case CollectionsEvent.PromiseBroken broken -> {
                promiseId = broken.promiseId();
                outcome = "BROKEN";
            }
            case CollectionsEvent.PromiseKept kept -> {
                promiseId = kept.promiseId();
                outcome = "KEPT";
            }
        }
        int updated = em.createNativeQuery("update collections_promise set outcome = :outcome, judged_on = :on"
                        + " where organisation_id = :org and id = cast(:id as uuid) and outcome is null")
                .setParameter("outcome", outcome).setParameter("on", judgedOn).setParameter("org", org.value())
                .setParameter("id", uuid(promiseId, "promise")).executeUpdate();
        if (updated == 1) {
            audit.append(AuditEvent.forOrganisation(org, AuditKind.COLLECTIONS_FACT,
                    Map.of("fact", "promise", "id", promiseId, "outcome", outcome, "customerId", event.customerId()),
                    "Customer " + event.customerId() + ": " + event.describe() + "."));
        }
    }

    @Override
    @Transactional
    public long brokenPromises(OrganisationId org, String customerId) {
        return ((Number) em.createNativeQuery("select count(*) from collections_promise where organisation_id = :org"
                        + " and customer_id = :customer and outcome = 'BROKEN'")
                .setParameter("org", org.value()).setParameter("customer", customerId).getSingleResult()).longValue();
    }

    private List<PromiseToPay> promises(OrganisationId org) {
        Query query = em.createNativeQuery("select " + PROMISE_COLUMNS + " from collections_promise where organisation_id = :org"
                + " order by recorded_at, id").setParameter("org", org.value());
        return SqlRows.rows(query).stream().map(r -> new PromiseToPay(SqlRows.text(r, 0), SqlRows.text(r, 1), SqlRows.text(r, 2),
                SqlRows.date(r, 3), SqlRows.date(r, 4),
                SqlRows.optionalNumber(r, 5).map(a -> Money.rounded(a, Money.currency(SqlRows.text(r, 6)), java.math.RoundingMode.UNNECESSARY)),
                SqlRows.text(r, 7), SqlRows.optionalDate(r, 8))).toList();
    }

    // ---- payment plans --------------------------------------------------------------------------

    @Override
    @Transactional
    public PaymentPlan agreePlan(OrganisationId org, String customerId, List<String> invoiceIds, LocalDate agreedOn,
                                 List<Instalment> instalments, String agreedBy) {
        PaymentPlan plan = new PaymentPlan(UUID.randomUUID().toString(), customerId, invoiceIds, agreedOn, instalments, agreedBy,
                Optional.empty());
        em.createNativeQuery("insert into payment_plan (id, organisation_id, customer_id, invoice_ids, agreed_on, agreed_by, agreed_at,"
                        + " currency) values (cast(:id as uuid), :org, :customer, array(select json_array_elements_text(cast(:invoices as json))), :on, :by, :at, :currency)")
                .setParameter("id", plan.id()).setParameter("org", org.value()).setParameter("customer", customerId)
                .setParameter("invoices", SqlRows.jsonArray(invoiceIds)).setParameter("on", agreedOn)
                .setParameter("by", agreedBy).setParameter("at", clock.instant())
                .setParameter("currency", plan.total().currency().getCurrencyCode())
                .executeUpdate();
        for (Instalment instalment : instalments) {
            em.createNativeQuery("insert into payment_plan_instalment (plan_id, number, due_on, amount)"
                            + " values (cast(:id as uuid), :number, :dueOn, cast(:amount as numeric))")
                    .setParameter("id", plan.id()).setParameter("number", instalment.number())
                    .setParameter("dueOn", instalment.dueOn()).setParameter("amount", instalment.amount().amount().toPlainString())
                    .executeUpdate();
        }
        record(org, "plan", plan.id(), "Payment plan " + plan.id() + " agreed with customer " + customerId + " on " + agreedOn
                + " for " + String.join(", ", invoiceIds) + ": " + instalments.size() + " instalments, " + plan.total() + ".");
        return plan;
    }

    @Override
    @Transactional
    public PaymentPlan endPlan(OrganisationId org, String planId, LocalDate on, String endedBy, String reason) {
        em.createNativeQuery("update payment_plan set ended_on = :on, ended_by = :by, end_reason = :reason"
                        + " where organisation_id = :org and id = cast(:id as uuid) and ended_on is null")
                .setParameter("on", on).setParameter("by", endedBy).setParameter("reason", reason)
                .setParameter("org", org.value()).setParameter("id", uuid(planId, "plan")).executeUpdate();
        PaymentPlan plan = plan(org, planId)
                .orElseThrow(() -> new UnknownCollectionsFactException("organisation " + org + " has no payment plan " + planId));
        record(org, "plan", planId, "Payment plan " + planId + " ended on " + on + " by " + endedBy + ": " + reason + ".");
        return plan;
    }

    @Override
    @Transactional
    public Optional<PaymentPlan> plan(OrganisationId org, String planId) {
        return plans(org, "id = cast(:key as uuid)", uuid(planId, "plan")).stream().findFirst();
    }

    @Override
    @Transactional
    public List<PaymentPlan> plans(OrganisationId org, String customerId) {
        return plans(org, "customer_id = :key", customerId);
    }

    private List<PaymentPlan> plans(OrganisationId org, String where, String key) {
        Query query = em.createNativeQuery("select " + PLAN_COLUMNS + " from payment_plan where organisation_id = :org"
                + (where.isEmpty() ? "" : " and " + where) + " order by agreed_at, id").setParameter("org", org.value());
        if (!where.isEmpty()) {
            query.setParameter("key", key);
        }
        List<PaymentPlan> plans = new ArrayList<>();
        for (Object[] r : SqlRows.rows(query)) {
            var currency = Money.currency(SqlRows.text(r, 6));
            List<Instalment> instalments = SqlRows.rows(em.createNativeQuery("select number::text, due_on, amount::text"
                            + " from payment_plan_instalment where plan_id = cast(:id as uuid) order by number")
                    .setParameter("id", SqlRows.text(r, 0))).stream()
                    .map(i -> new Instalment(Integer.parseInt(SqlRows.text(i, 0)), SqlRows.date(i, 1),
                            Money.rounded(new java.math.BigDecimal(SqlRows.text(i, 2)), currency, java.math.RoundingMode.UNNECESSARY)))
                    .toList();
            plans.add(new PaymentPlan(SqlRows.text(r, 0), SqlRows.text(r, 1), SqlRows.list(r, 2), SqlRows.date(r, 3), instalments,
                    SqlRows.text(r, 4), SqlRows.optionalDate(r, 5)));
        }
        return plans;
    }

    // ---- organisation settings and the engine's view -----------------------------------------

    @Override
    @Transactional
    public void setLimitation(OrganisationId org, LimitationPeriod period, String setBy) {
        em.createNativeQuery("insert into collections_settings (organisation_id, limitation_years, limitation_warn_days, updated_by,"
                        + " updated_at) values (:org, :years, :warn, :by, :at) on conflict (organisation_id) do update set"
                        + " limitation_years = excluded.limitation_years, limitation_warn_days = excluded.limitation_warn_days,"
                        + " updated_by = excluded.updated_by, updated_at = excluded.updated_at")
                .setParameter("org", org.value()).setParameter("years", period.years())
                .setParameter("warn", period.warnDaysBefore()).setParameter("by", setBy).setParameter("at", clock.instant())
                .executeUpdate();
        record(org, "limitation", org.toString(), "Limitation period set to " + period.years() + " years from the due date, warned "
                + period.warnDaysBefore() + " days before, by " + setBy + ".");
    }

    @Override
    @Transactional
    public CollectionsContext contextFor(OrganisationId org) {
        List<PlanStanding> standings = plans(org, "", null).stream()
                .map(plan -> new PlanStanding(plan, paymentsOn(org, plan.invoiceIds())))
                .toList();
        LimitationPeriod limitation = SqlRows.rows(em.createNativeQuery("select limitation_years::text, limitation_warn_days::text"
                        + " from collections_settings where organisation_id = :org").setParameter("org", org.value())).stream()
                .findFirst().map(r -> new LimitationPeriod(Integer.parseInt(SqlRows.text(r, 0)), Integer.parseInt(SqlRows.text(r, 1))))
                .orElse(LimitationPeriod.DEFAULT);
        return new CollectionsContext(holds(org), disputes(org), promises(org), standings, Optional.of(limitation));
    }

    private List<PaymentApplied> paymentsOn(OrganisationId org, List<String> invoiceIds) {
        List<PaymentApplied> payments = new ArrayList<>();
        SqlRows.rows(em.createNativeQuery("select payments::text from invoice where organisation_id = :org"
                        + " and provider_invoice_id = any(array(select json_array_elements_text(cast(:ids as json))))")
                .setParameter("org", org.value()).setParameter("ids", SqlRows.jsonArray(invoiceIds)))
                .forEach(r -> payments.addAll(PaymentsJson.read(SqlRows.text(r, 0))));
        return payments;
    }

    private void record(OrganisationId org, String fact, String id, String message) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("fact", fact);
        detail.put("id", id);
        audit.append(AuditEvent.forOrganisation(org, AuditKind.COLLECTIONS_FACT, detail, message));
    }

    private static String uuid(String id, String what) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw new UnknownCollectionsFactException("'" + id + "' is not the id of a " + what);
        }
    }
}
