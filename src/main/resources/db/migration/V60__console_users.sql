-- The accountant's console: its users, what each may see, signed-in sessions, throttled sign-ins,
-- and the record of who did what in the console that concerns no single organisation.

create table console_user (
    id              uuid primary key,
    username        text        not null unique check (username ~ '^[a-z0-9][a-z0-9._@+-]{0,99}$'),
    display_name    text        not null check (length(display_name) between 1 and 200),
    role            text        not null check (role in ('FIRM_ADMIN', 'ACCOUNTANT', 'VIEWER')),
    password_hash   text        not null, -- bcrypt (modular crypt format); never the password
    disabled        boolean     not null default false,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

-- Accountants and viewers see the organisations assigned to them; firm admins see every one.
create table console_user_organisation (
    user_id         uuid not null references console_user (id),
    organisation_id uuid not null references organisation (id),
    primary key (user_id, organisation_id)
);

create index console_user_organisation_by_organisation on console_user_organisation (organisation_id);

-- A signed-in browser. Only the SHA-256 of its cookie is stored, so a copy of this table signs no one in.
create table console_session (
    token_hash      bytea       primary key,
    user_id         uuid        not null references console_user (id),
    csrf_token      text        not null,
    created_at      timestamptz not null,
    last_seen_at    timestamptz not null,
    expires_at      timestamptz not null, -- the absolute end; idle expiry is counted from last_seen_at
    ended_at        timestamptz           -- signed out
);

create index console_session_by_user on console_session (user_id);

-- Failed sign-ins per user name (known or not), so that guessing is throttled across restarts and replicas.
create table console_sign_in_failure (
    username        text        primary key,
    failures        integer     not null check (failures >= 1),
    first_failed_at timestamptz not null,
    locked_until    timestamptz
);

-- Sign-ins, sign-outs, refusals and user administration. Append-only, like audit_event.
create table console_event (
    id              bigserial   primary key,
    occurred_at     timestamptz not null,
    username        text,
    kind            text        not null check (kind ~ '^[A-Z][A-Z0-9_]{0,63}$'),
    message         text        not null
);

create trigger console_event_no_update_or_delete
    before update or delete on console_event
    for each row execute function audit_event_is_append_only();
