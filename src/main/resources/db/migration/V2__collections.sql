-- Collections facts: holds, disputes, promises to pay, payment plans with their instalments, contact
-- records (manual ones included), the organisation's limitation period, and the engine's one-off
-- notices in the dunning state. Conventions as in V1 (uuid ids set by the application, dates for
-- organisation days, timestamptz for instants, money as numeric(19,4) + char(3), text enums with CHECKs).
-- Invoices are referred to by the ledger's id (provider_invoice_id) as the engine sees them.

-- One-off things the engine has done outside the ladder (a pause's cancellation, a broken promise
-- recorded, a thank-you, a limitation warning), by key: never done again.
alter table dunning_state add column notices text[] not null default '{}';

create table collections_settings (
    organisation_id         uuid primary key references organisation (id),
    limitation_years        integer     not null default 6 check (limitation_years between 1 and 30),
    limitation_warn_days    integer     not null default 180 check (limitation_warn_days between 0 and 3650),
    updated_by              text        not null,
    updated_at              timestamptz not null
);

create table collections_hold (
    id                  uuid primary key,
    organisation_id     uuid        not null references organisation (id),
    scope               text        not null check (scope in ('ORGANISATION', 'CUSTOMER', 'INVOICE')),
    customer_id         text,
    invoice_id          text,
    reason              text        not null check (length(reason) between 1 and 1000),
    set_by              text        not null check (length(set_by) between 1 and 200),
    set_on              date        not null,        -- the organisation's day it was set
    set_at              timestamptz not null,
    resume_on           date,                        -- first day chasing may resume; null: until released
    released_on         date,
    released_by         text,
    released_at         timestamptz,
    constraint collections_hold_scope_target check (
        (scope = 'ORGANISATION' and customer_id is null and invoice_id is null)
        or (scope = 'CUSTOMER' and customer_id is not null and invoice_id is null)
        or (scope = 'INVOICE' and invoice_id is not null)),
    constraint collections_hold_resume_after_set check (resume_on is null or resume_on > set_on),
    constraint collections_hold_release_complete check ((released_on is null) = (released_by is null))
);

create index collections_hold_by_organisation on collections_hold (organisation_id);

create table collections_dispute (
    id                  uuid primary key,
    organisation_id     uuid        not null references organisation (id),
    invoice_id          text        not null,
    reason              text        not null check (length(reason) between 1 and 1000),
    raised_by           text        not null,
    raised_on           date        not null,
    raised_at           timestamptz not null,
    resolved_on         date,
    outcome             text        check (outcome in ('UPHELD', 'REJECTED', 'PARTLY_UPHELD', 'WITHDRAWN')),
    resolution_note     text,
    resolved_by         text,
    resolved_at         timestamptz,
    constraint collections_dispute_resolution_complete check (
        (resolved_on is null and outcome is null and resolved_by is null)
        or (resolved_on is not null and outcome is not null and resolved_by is not null)),
    constraint collections_dispute_resolved_after_raised check (resolved_on is null or resolved_on >= raised_on)
);

create index collections_dispute_by_organisation on collections_dispute (organisation_id, invoice_id);
-- at most one open dispute per invoice
create unique index collections_dispute_one_open on collections_dispute (organisation_id, invoice_id) where resolved_on is null;

create table collections_promise (
    id                  uuid primary key,
    organisation_id     uuid        not null references organisation (id),
    invoice_id          text        not null,
    customer_id         text        not null,
    made_on             date        not null,
    pay_by              date        not null,
    amount              numeric(19, 4) check (amount is null or amount > 0),
    currency            char(3)     check (currency ~ '^[A-Z]{3}$'),
    recorded_by         text        not null,
    recorded_at         timestamptz not null,
    withdrawn_on        date,
    -- set by the application when the engine judged it; the customer's record of promises
    outcome             text        check (outcome in ('KEPT', 'BROKEN')),
    judged_on           date,
    constraint collections_promise_dates check (pay_by >= made_on),
    constraint collections_promise_amount_currency check ((amount is null) = (currency is null))
);

create index collections_promise_by_organisation on collections_promise (organisation_id, invoice_id);
create index collections_promise_by_customer on collections_promise (organisation_id, customer_id, outcome);

create table payment_plan (
    id                  uuid primary key,
    organisation_id     uuid        not null references organisation (id),
    customer_id         text        not null,
    invoice_ids         text[]      not null check (cardinality(invoice_ids) >= 1),
    agreed_on           date        not null,
    agreed_by           text        not null,
    agreed_at           timestamptz not null,
    currency            char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    ended_on            date,
    ended_by            text,
    end_reason          text,
    constraint payment_plan_end_complete check ((ended_on is null) = (ended_by is null))
);

create index payment_plan_by_organisation on payment_plan (organisation_id, customer_id);

create table payment_plan_instalment (
    plan_id             uuid        not null references payment_plan (id),
    number              integer     not null check (number >= 1),
    due_on              date        not null,
    amount              numeric(19, 4) not null check (amount > 0),
    primary key (plan_id, number)
);

create table contact_record (
    id                  uuid primary key,
    organisation_id     uuid        not null references organisation (id),
    customer_id         text        not null,
    invoice_id          text,
    contacted_at        timestamptz not null,
    channel             text        not null check (channel in ('EMAIL', 'PHONE', 'LETTER', 'IN_PERSON', 'OTHER')),
    origin              text        not null check (origin in ('AUTOMATIC', 'MANUAL')),
    action_key          text,
    note                text,
    recorded_by         text        not null,
    created_at          timestamptz not null,
    constraint contact_record_automatic_has_action check (origin <> 'AUTOMATIC' or action_key is not null)
);

create index contact_record_by_customer on contact_record (organisation_id, customer_id, contacted_at);
