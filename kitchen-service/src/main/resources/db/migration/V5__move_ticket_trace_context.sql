-- The trace a ticket was opened in moves to the shared trace_handoff table (see StoredTraces in
-- shared-infrastructure, V0_10): the meal timer reads it there, and the ticket keeps no tracing state.
insert into trace_handoff (work_id, trace_context, handed_over_at)
select id, trace_context, updated_at from ticket where trace_context is not null
on conflict (work_id) do nothing;

alter table ticket drop column trace_context;
