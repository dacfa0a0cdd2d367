-- The trace the ticket was opened in (see TraceHandoff in shared-infrastructure): when the meal
-- timer fires, the preparation and its meal.prepared continue that order's trace.
alter table ticket add column trace_context text;
