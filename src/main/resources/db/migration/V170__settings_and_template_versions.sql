-- Organisation settings and message templates are kept as versions like the policies (V110): the same
-- append-only table, one kind of document per row. Each kind has its own names and its own versions;
-- the cycle reads a kind again only when a version of that kind was saved.
alter table policy_document
    add column kind text not null default 'POLICY' check (kind in ('POLICY', 'ORGANISATION_SETTINGS', 'TEMPLATE'));

alter table policy_document drop constraint policy_document_name_check;
alter table policy_document add constraint policy_document_name_of_kind check (
    (kind = 'POLICY' and name ~ '^((organisations|customers)/)?[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.ya?ml$')
    -- relative to config/organisations: northwind.yaml
    or (kind = 'ORGANISATION_SETTINGS' and name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.ya?ml$')
    -- relative to config/templates: friendly.txt, email/en/friendly.subject.txt, email/de/_closing.html
    or (kind = 'TEMPLATE' and name ~ '^([A-Za-z0-9][A-Za-z0-9_-]{0,39}/){0,2}[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$' and name !~ '\.\.'));

alter table policy_document drop constraint policy_document_version_unique;
alter table policy_document add constraint policy_document_version_unique unique (kind, name, version);

create index policy_document_kind_name on policy_document (kind, name, version desc);
