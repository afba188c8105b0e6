-- Ledger connector support (first used by QuickBooks; provider-neutral names so Xero may share it).
-- Append-only like every migration.

-- What the accountant chose for a connected company and what Arrears last read from its ledger.
-- The organisation row keeps the facts the rest of Arrears works with (name, zone, country,
-- currency); this row keeps the connector's own settings and the provider's back-off.
create table ledger_profile (
    organisation_id                 uuid primary key references organisation (id),
    -- Accountant's choices
    time_zone_override              text check (time_zone_override is null or length(time_zone_override) between 1 and 64),
    late_fee_item_choice            text check (late_fee_item_choice is null or length(late_fee_item_choice) between 1 and 100),
    late_fee_income_account_choice  text check (late_fee_income_account_choice is null or length(late_fee_income_account_choice) between 1 and 100),
    charge_beside_ledger_late_fees  boolean     not null default false,
    -- Read from the ledger by the daily settings refresh
    late_fee_item_id                text,       -- the item fee lines use (chosen or created by Arrears)
    late_fee_item_created           boolean     not null default false,
    multi_currency                  boolean,
    ledger_late_fees_detected       boolean     not null default false,
    late_fees_blocked_because       text,       -- null when late fees can be raised
    settings_read_at                timestamptz,
    -- The provider asked us to slow down (HTTP 429): nothing is sent before this instant, on any replica.
    backoff_until                   timestamptz,
    backoff_reason                  text,
    created_at                      timestamptz not null,
    updated_at                      timestamptz not null
);

-- OAuth 'state' values handed out with an authorization URL and not yet returned. Kept in the
-- database, not in memory, so the callback may land on any replica. Only a hash is stored.
create table oauth_pending_state (
    state_hash          text primary key check (length(state_hash) = 64),
    provider            text        not null check (provider in ('XERO', 'QUICKBOOKS')),
    policy_id           text        not null check (length(policy_id) between 1 and 100),
    display_name        text,
    created_at          timestamptz not null,
    expires_at          timestamptz not null
);

create index oauth_pending_state_expiry on oauth_pending_state (expires_at);
