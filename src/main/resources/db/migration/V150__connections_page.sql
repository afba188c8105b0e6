-- The console's Connections page: who connected an organisation and when, and where the browser
-- of a consent in progress goes back to (the console, or the JSON answer the admin API's flow gives).
alter table ledger_connection
    add column connected_at timestamptz,
    add column connected_by text check (length(connected_by) between 1 and 200);
update ledger_connection set connected_at = created_at where connected_at is null;

alter table oauth_pending_consent
    add column started_by text check (length(started_by) between 1 and 200),
    add column return_to_console boolean not null default false;

alter table oauth_pending_state
    add column started_by text check (length(started_by) between 1 and 200),
    add column return_to_console boolean not null default false;
