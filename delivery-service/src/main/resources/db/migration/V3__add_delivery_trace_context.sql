-- The trace the delivery was started in (see TraceHandoff in shared-infrastructure): each later step
-- of its timer (another search for a courier, the hand-over) continues that order's trace.
alter table delivery add column trace_context text;
