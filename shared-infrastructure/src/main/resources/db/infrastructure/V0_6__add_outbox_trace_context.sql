-- The trace context (W3C traceparent, as JSON headers) of the transaction that wrote the event.
-- The relay publishes in that trace, so one order's saga is one trace across the five services,
-- although the publish happens later, on another thread. Null when the event was written outside
-- any trace.
alter table outbox_message add column trace_context text;
