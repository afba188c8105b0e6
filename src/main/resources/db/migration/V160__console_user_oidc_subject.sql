-- Single sign-on (OpenID Connect): the identity provider's subject of a console user, stored at the
-- user's first sign-in through it (matched then by verified email). From then on the subject, which
-- the provider never reassigns, finds the user, and another subject with the same email is refused.
alter table console_user
    add column oidc_issuer  text,
    add column oidc_subject text,
    add constraint console_user_oidc_both check ((oidc_issuer is null) = (oidc_subject is null)),
    add constraint console_user_oidc_unique unique (oidc_issuer, oidc_subject);
