-- Addresses a mail server refused for good (a 5xx for the recipient) per customer (issue 17 item 7):
-- later reminders do not send to them, and wait for a person instead, until an accountant sets or
-- clears the customer's addresses in Arrears (which deletes the customer's rows here).
create table undeliverable_address (
    organisation_id  uuid        not null references organisation (id),
    customer_id      text        not null check (length(customer_id) between 1 and 100),
    -- lower-case, as compared
    address          text        not null check (length(address) between 3 and 320),
    reason           text        not null check (length(reason) between 1 and 2000),
    marked_at        timestamptz not null,
    primary key (organisation_id, customer_id, address)
);
