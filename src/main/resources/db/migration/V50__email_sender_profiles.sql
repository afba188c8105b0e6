-- Arrears' own email channel (issue 17): who an organisation's reminder emails come from and
-- through which SMTP server. No row = the organisation's reminders go through the ledger's own
-- invoice email, as before. The SMTP password is sealed like the OAuth tokens, never plaintext.
create table sender_profile (
    organisation_id             uuid        primary key references organisation (id),
    channel                     text        not null check (channel in ('EMAIL', 'LEDGER')),
    from_address                text        not null check (length(from_address) between 3 and 254),
    from_name                   text        check (length(from_name) between 1 and 200),
    reply_to                    text        check (length(reply_to) between 3 and 500),
    -- One mailbox per line, "Name <address>" or a bare address.
    cc                          text        not null default '',
    bcc                         text        not null default '',
    escalated_from              text        check (length(escalated_from) between 3 and 500),
    escalated_from_stage        text        check (length(escalated_from_stage) between 1 and 200),
    -- No host = the firm-wide default server from the environment (ARREARS_EMAIL_SMTP_*).
    smtp_host                   text        check (length(smtp_host) between 1 and 253),
    smtp_port                   integer     check (smtp_port between 1 and 65535),
    smtp_security               text        check (smtp_security in ('STARTTLS', 'TLS', 'NONE')),
    smtp_user                   text        check (length(smtp_user) between 1 and 320),
    smtp_password_ciphertext    bytea,
    smtp_password_key_id        text,
    language                    text        not null default 'en' check (length(language) between 2 and 35),
    created_at                  timestamptz not null,
    updated_at                  timestamptz not null,
    constraint sender_profile_escalation_complete check ((escalated_from is null) = (escalated_from_stage is null)),
    constraint sender_profile_server_complete check ((smtp_host is null) = (smtp_port is null)
        and (smtp_host is null) = (smtp_security is null)),
    constraint sender_profile_login_complete check ((smtp_user is null) = (smtp_password_ciphertext is null)
        and (smtp_password_ciphertext is null) = (smtp_password_key_id is null))
);
