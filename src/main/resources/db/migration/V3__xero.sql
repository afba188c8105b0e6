-- Ledger connector state beyond the connection itself (first needed by the Xero connector; the
-- columns are provider-neutral so the QuickBooks connector may use them too).

create table ledger_settings (
    organisation_id                 uuid        primary key references organisation (id),
    -- Organisations connected by one consent share one token set and are refreshed together.
    token_group                     text        check (length(token_group) between 1 and 100),
    -- The accountant's late-fee choices, checked against the ledger's accounts, tax rates and items.
    late_fee_account_code           text        check (length(late_fee_account_code) between 1 and 30),
    late_fee_tax_type               text        check (length(late_fee_tax_type) between 1 and 50),
    late_fee_item_code              text        check (length(late_fee_item_code) between 1 and 30),
    late_fees_approved              boolean     not null default false,
    ledger_reminders_on             boolean     not null default false,
    chase_despite_ledger_reminders  boolean     not null default false,
    late_fees_blocked_because       text,
    daily_email_cap                 integer     not null check (daily_email_cap >= 0),
    checked_at                      timestamptz,
    -- A pause the ledger asked for (Retry-After, organisation offline): no request before paused_until.
    paused_until                    timestamptz,
    pause_reason                    text,
    -- Invoice emails reserved on emails_day (UTC), against daily_email_cap.
    emails_day                      date,
    emails_reserved                 integer     not null default 0 check (emails_reserved >= 0),
    created_at                      timestamptz not null,
    updated_at                      timestamptz not null
);

create index ledger_settings_token_group on ledger_settings (token_group) where token_group is not null;

-- OAuth consents started and not yet completed. The state is random and single-use; the PKCE
-- verifier is sealed like the tokens. Kept in the database so any replica can take the callback.
create table oauth_pending_consent (
    state                       text        primary key check (length(state) between 16 and 200),
    provider                    text        not null check (provider in ('XERO', 'QUICKBOOKS')),
    code_verifier_ciphertext    bytea       not null,
    code_verifier_key_id        text        not null,
    policy_id                   text        not null check (length(policy_id) between 1 and 100),
    expires_at                  timestamptz not null,
    created_at                  timestamptz not null
);
