-- Escalation documents: the demand letter of a final notice and the case file of a hand-off, kept
-- as produced when an invoice reached the stage that names them (policy 'document:'). One row per
-- trigger: the trigger key names the organisation, the invoice, the stage and the kind, so
-- deciding again (a re-run, a crash before the document was stored, another replica) never
-- produces a second copy for the same stage of the same invoice.
create table escalation_document (
    id               uuid primary key,
    organisation_id  uuid        not null references organisation (id),
    customer_id      text        not null,
    invoice_id       text        not null,  -- the invoice whose stage produced it
    kind             text        not null check (kind in ('DEMAND_LETTER', 'CASE_FILE')),
    stage            text        not null,
    trigger_key      text        not null unique check (length(trigger_key) between 1 and 600),
    created_at       timestamptz not null,
    text_rendering   text        not null,
    json_rendering   jsonb,                 -- the case file's facts for an agency's or a lawyer's system
    policy_version   text        not null,
    check ((kind = 'CASE_FILE') = (json_rendering is not null))
);

create index escalation_document_by_customer on escalation_document (organisation_id, customer_id, created_at);
