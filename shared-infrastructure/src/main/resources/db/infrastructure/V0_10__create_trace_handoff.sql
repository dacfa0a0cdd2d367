-- The trace that work done later continues (see StoredTraces): a ticket's meal timer, a delivery's
-- timer, a payment's gateway call. Keyed by what the work is about (the ticket, the delivery, the
-- payment), so that the entities keep no tracing state of their own.
create table trace_handoff (
    work_id        uuid        primary key,
    trace_context  text        not null,
    handed_over_at timestamptz not null
);

-- The retention job deletes by age.
create index trace_handoff_handed_over_at_idx on trace_handoff (handed_over_at);
