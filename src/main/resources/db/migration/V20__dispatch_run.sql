-- One organisation is dispatched by one thread at a time, whatever the replica. A dispatch mark
-- named only the replica, so the cycle thread and the dispatch job of one replica both passed it
-- and could dispatch one organisation at once (breaking the minimum gap between contacts). The
-- mark now also names the dispatch run that holds it; only that run may extend it. A run id left
-- behind without an owner means nothing: the mark is free when dispatch_owner is null.
alter table organisation
    add column dispatch_run uuid;
