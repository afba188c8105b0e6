-- Issue 18 item 1, the part V10 left. Before keys could be written, an action key held the whole ASCII slug of
-- its stage's name (or its fee rule's id). Now a slug longer than 80 characters is cut to 71 (without a trailing
-- hyphen) and given '-' and the first 8 hex digits of the SHA-256 of the name (StableKey.defaultFor), so a
-- stage named in about 81 to 108 ASCII characters, whose keys still fitted the column, plans under a new key.
-- A row stored under the old key would then not be recognised, and the action could be planned a second time
-- (a paused stage's reminders are planned again on resumption, relying on the key). Such rows are renamed to the
-- key the engine plans now. A segment over 80 characters can only be such an old default key: a written key has
-- at most 80. The payload keeps the key the ledger saw (idempotency key, fee reference), so an attempt in doubt
-- is still found under it.

with renames as (
    select id, action_key as old_key,
           case when m_stage is not null then
                    m_stage[1] || ':stage:' || rtrim(substr(m_stage[2], 1, 71), '-') || '-'
                        || substr(encode(sha256(convert_to(stage, 'UTF8')), 'hex'), 1, 8) || ':' || m_stage[3]
                else
                    -- A fee rule's id is its own slug, so the hash is taken of the key's part itself.
                    m_fee[1] || ':fee:' || rtrim(substr(m_fee[2], 1, 71), '-') || '-'
                        || substr(encode(sha256(convert_to(m_fee[2], 'UTF8')), 'hex'), 1, 8) || ':' || m_fee[3]
           end as new_key
    from (select id, action_key, stage,
                 regexp_match(action_key, '^(.*):stage:([a-z0-9-]{81,}):([a-z]+:[0-9]+)$') as m_stage,
                 regexp_match(action_key, '^(.*):fee:([a-z0-9-]{81,}):(p[0-9]+)$') as m_fee
          from outbox_action) k
    where m_stage is not null or m_fee is not null),
-- A reminder's contact record names its action: it follows the outbox row it was sent for.
contacts as (
    update contact_record c
    set action_key = r.new_key
    from renames r
    where c.action_key = r.old_key
    returning c.id)
update outbox_action o
set action_key = r.new_key
from renames r
where o.id = r.id;
