-- Who works a task of the console. A task is an outbox action waiting for a person (NEEDS_HUMAN);
-- closing it makes the action DONE, so an assignment of a closed task is history, not a task.
create table console_task_assignment (
    action_id       uuid        primary key references outbox_action (id),
    user_id         uuid        not null references console_user (id),
    assigned_by     text        not null,
    assigned_at     timestamptz not null
);

create index console_task_assignment_by_user on console_task_assignment (user_id);
