-- A person kept one action of the queue from going out. EXCLUDED: a previewed action that going
-- live does not promote (undone by deleting the row, while the organisation is still in preview).
-- STOPPED: a pending action of a live organisation, cancelled for good; the row keeps the engine from
-- planning it again in place (a plain CANCELLED row is planned again by the next decision).
create table withheld_action (
    action_id       uuid        primary key references outbox_action (id),
    kind            text        not null check (kind in ('EXCLUDED', 'STOPPED')),
    withheld_by     text        not null check (length(withheld_by) between 1 and 200),
    withheld_at     timestamptz not null
);

-- The day a paused organisation resumes by itself (in its own time zone). No row: paused until a
-- person resumes it.
create table organisation_resume (
    organisation_id uuid        primary key references organisation (id),
    resume_on       date        not null,
    paused_by       text        not null check (length(paused_by) between 1 and 200)
);
