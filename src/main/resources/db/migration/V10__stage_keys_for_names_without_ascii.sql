-- Issue 18 item 1. An action key held the ASCII slug of its stage's name, so a stage named without any
-- ASCII letter or digit ("最終通知") got an empty part (org:inv:stage::reminder:0) and every such stage of a
-- policy shared it. Such a stage's key is now 'x-' and the first 8 hex digits of the SHA-256 of its name
-- (StableKey.defaultFor). Rows planned before are renamed to the key of the stage they record, so what was
-- planned or done stays recognised and is not planned again. A stage whose actions collided with another's
-- never had a row, and is planned under its own key at the next decision.
update outbox_action
set action_key = regexp_replace(action_key, ':stage::',
        ':stage:x-' || substr(encode(sha256(convert_to(stage, 'UTF8')), 'hex'), 1, 8) || ':')
where action_key like '%:stage::%';

-- A reminder's contact record names its action: it follows the outbox row it was sent for.
update contact_record c
set action_key = o.action_key
from outbox_action o
where c.action_key like '%:stage::%'
  and o.action_key = regexp_replace(c.action_key, ':stage::',
        ':stage:x-' || substr(encode(sha256(convert_to(o.stage, 'UTF8')), 'hex'), 1, 8) || ':');
