-- GET /admin/organisations/{id}/emails (issue 17): the reminder emails an organisation sent are the
-- audit events that settled them (detail.channel = 'email', detail.outcome = 'sent' or
-- 'may-have-been-sent', with the email's words). This index finds them newest first without
-- reading the rest of the organisation's trail.
create index audit_event_emails on audit_event (organisation_id, occurred_at desc, id desc)
    where detail->>'channel' = 'email' and detail->>'outcome' in ('sent', 'may-have-been-sent');
