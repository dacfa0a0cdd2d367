-- The trace a payment's intent was recorded in moves to the shared trace_handoff table (see
-- StoredTraces in shared-infrastructure, V0_10): the gateway call reads it there, and the payment
-- keeps no tracing state.
insert into trace_handoff (work_id, trace_context, handed_over_at)
select id, trace_context, updated_at from payment where trace_context is not null
on conflict (work_id) do nothing;

alter table payment drop column trace_context;
