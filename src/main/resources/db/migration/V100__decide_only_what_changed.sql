-- Decide only what can have changed (issue 14). A cycle decides an open invoice when it changed since
-- its last decision (decide_reason set), was never decided, or its dunning state's next_review_on
-- (the next day its decision can differ: stage day, fee period, promise or plan date, review) has come;
-- and every open invoice once a day and whenever the organisation's policy, zone or mode changed
-- (full_decide_on, full_decide_basis). The reasons are set here, by triggers, so that no writer of
-- an invoice or a collections fact can forget them; the decide step clears a reason only if the
-- mark it read is still the invoice's (a change while it decided keeps the invoice due).

create sequence invoice_decide_mark;

alter table invoice
    add column decide_reason text,                                   -- why it must be decided; null: nothing changed
    add column decide_mark   bigint not null default 0;              -- moves on every change that sets the reason

-- Existing rows: decided again at the first cycle after the upgrade.
update invoice set decide_reason = 'not decided since the upgrade', decide_mark = nextval('invoice_decide_mark');

create index invoice_to_decide on invoice (organisation_id) where decide_reason is not null;

alter table organisation
    add column full_decide_on    date,   -- the organisation's day of the last decide of every open invoice
    add column full_decide_basis text;   -- policy files, policy id, zone and mode it was made under

-- A ledger copy that differs in anything the engine reads. (A new invoice needs no reason: it has no
-- dunning state yet, which makes it due; so a first sync leaves no reasons to clear.)
create function invoice_decide_on_change() returns trigger language plpgsql as $$
begin
    if (new.number, new.customer_id, new.customer_name, new.currency, new.issue_date, new.due_date, new.total,
           new.amount_due, new.status, new.late_fee_invoice, new.payments, new.quarantine_reason)
          is distinct from
          (old.number, old.customer_id, old.customer_name, old.currency, old.issue_date, old.due_date, old.total,
           old.amount_due, old.status, old.late_fee_invoice, old.payments, old.quarantine_reason) then
        new.decide_reason := 'ledger copy changed';
        new.decide_mark := nextval('invoice_decide_mark');
    end if;
    return new;
end $$;

create trigger invoice_decide_on_change before update on invoice
    for each row execute function invoice_decide_on_change();

-- A hold, dispute, promise, payment plan or the limitation settings changed: the open invoices it
-- can concern are due (the organisation's, the customer's, or the invoice's customer's).
create function invoice_decide_on_collections_change() returns trigger language plpgsql as $$
declare
    r        jsonb;
    org      uuid;
    customer text;
    inv      text;
begin
    foreach r in array (case tg_op when 'INSERT' then array[to_jsonb(new)] when 'DELETE' then array[to_jsonb(old)]
                                   else array[to_jsonb(new), to_jsonb(old)] end) loop
        org := (r ->> 'organisation_id')::uuid;
        customer := r ->> 'customer_id';
        inv := r ->> 'invoice_id';
        if customer is null and inv is not null then
            select i.customer_id into customer from invoice i where i.organisation_id = org and i.provider_invoice_id = inv;
        end if;
        update invoice set decide_reason = 'collections fact changed', decide_mark = nextval('invoice_decide_mark')
         where organisation_id = org and status = 'OPEN'
           and ((customer is null and inv is null) or customer_id = customer or provider_invoice_id = inv);
    end loop;
    return null;
end $$;

create trigger collections_hold_decide after insert or update or delete on collections_hold
    for each row execute function invoice_decide_on_collections_change();
create trigger collections_dispute_decide after insert or update or delete on collections_dispute
    for each row execute function invoice_decide_on_collections_change();
create trigger collections_promise_decide after insert or update or delete on collections_promise
    for each row execute function invoice_decide_on_collections_change();
create trigger payment_plan_decide after insert or update or delete on payment_plan
    for each row execute function invoice_decide_on_collections_change();
create trigger collections_settings_decide after insert or update or delete on collections_settings
    for each row execute function invoice_decide_on_collections_change();
