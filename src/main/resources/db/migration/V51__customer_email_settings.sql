-- An accountant's settings for one customer's reminder emails (issue 17): addresses that replace
-- the ledger's, extra copies, and the customer's language for the templates. Mailboxes one per line.
create table customer_email_setting (
    organisation_id     uuid        not null references organisation (id),
    customer_id         text        not null check (length(customer_id) between 1 and 100),
    to_override         text        check (length(to_override) between 3 and 5000),
    cc                  text        not null default '',
    bcc                 text        not null default '',
    language            text        check (length(language) between 2 and 35),
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    primary key (organisation_id, customer_id)
);
