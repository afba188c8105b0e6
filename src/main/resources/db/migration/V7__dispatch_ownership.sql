-- One replica works an organisation at a time, cycles and dispatch alike. A replica that claims an
-- organisation's outbox actions marks the organisation row as dispatched by it until its claims
-- expire; leases and dispatch marks are both taken by updating this one row, so the row lock orders
-- them and each sees the other (a check on another table could pass in two transactions at once).
alter table organisation
    add column dispatch_owner       text,
    add column dispatch_expires_at  timestamptz,
    add constraint organisation_dispatch_complete check ((dispatch_owner is null) = (dispatch_expires_at is null));

-- Whether the current claim got as far as the ledger write, and when the first write of this action
-- ever began. A claim that expires before its write began cannot have reached the ledger, so it is
-- not in doubt; one that expires mid-write is. The first write's time bounds the providers'
-- idempotency windows (Xero keeps an Idempotency-Key for 6 minutes) and dates delivery evidence.
alter table outbox_action
    add column writing         boolean not null default false,
    add column first_write_at  timestamptz;
