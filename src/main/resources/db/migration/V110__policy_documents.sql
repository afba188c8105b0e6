-- Policies kept in PostgreSQL as versions. Each row is one version of one policy document (a full
-- policy, an organisation override or a customer override), never changed once written: saving
-- adds the next version. The files in config/policies seed them at start-up.
create table policy_document (
    id              bigserial   primary key,
    -- The document's name relative to the policies folder: default.yaml, organisations/northwind.yaml
    name            text        not null check (name ~ '^((organisations|customers)/)?[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.ya?ml$'),
    version         integer     not null check (version >= 1),
    content         text        not null,
    -- The hash decisions record as the policy version (first 16 hex digits of the SHA-256 of the text).
    content_hash    text        not null check (content_hash ~ '^[0-9a-f]{16}$'),
    -- FILE: seeded from config/policies at start-up; CONSOLE: saved by a person; IMPORT: imported.
    origin          text        not null check (origin in ('FILE', 'CONSOLE', 'IMPORT')),
    saved_by        text        not null check (length(saved_by) between 1 and 200),
    saved_at        timestamptz not null,
    constraint policy_document_version_unique unique (name, version)
);

create function policy_document_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'policy_document rows are versions and never change; save a new version instead';
end;
$$;

create trigger policy_document_append_only
    before update or delete on policy_document
    for each row execute function policy_document_is_append_only();
