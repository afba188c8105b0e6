-- The cycle: per-organisation bookkeeping for the scheduler (steps, failures, back-off, operator
-- requests) and per-action bookkeeping for the dispatcher (doubt, ledger reference). Every fact a
-- replica needs to carry on after another one died is here, never only in a replica's memory.
-- Instants come from the application's clock (simulated clocks included), never from now().

alter table organisation
    -- When each step last completed; a step is due again once its cadence has passed.
    add column last_sync_at          timestamptz,
    add column last_decide_at        timestamptz,
    add column settings_refreshed_at timestamptz,
    -- Failures in a row and the back-off they earned: the organisation is not leased before backoff_until.
    add column consecutive_failures  integer     not null default 0 check (consecutive_failures >= 0),
    add column backoff_until         timestamptz,
    -- The ledger asked us to slow down (429 Retry-After): nothing is written to it before this instant.
    add column writes_paused_until   timestamptz,
    -- An operator asked for a cycle now; any replica picks it up at its next tick.
    add column cycle_requested_at    timestamptz,
    -- The mode to return to when a paused organisation is resumed.
    add column mode_before_pause     text        check (mode_before_pause in ('PREVIEW', 'LIVE', 'NEEDS_RECONNECT'));

-- The scheduler looks for organisations whose lease is free or expired.
create index organisation_leasable on organisation (lease_expires_at) where mode in ('PREVIEW', 'LIVE');

alter table outbox_action
    -- The last attempt may have reached the ledger (timeout after sending, a replica that died while
    -- holding the claim): the next attempt looks for its evidence before writing again.
    add column in_doubt         boolean not null default false,
    -- What the ledger made (note id, fee invoice id) once the action is done.
    add column ledger_reference text;
