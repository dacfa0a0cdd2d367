-- The retention job (RetentionJob) deletes, every hour, the sent outbox rows and the processed
-- event ids past their retention. These indexes let it find them without reading the whole table.
-- The outbox one covers the sent rows only: the relay's queries look at the unsent ones.
create index outbox_message_sent_idx on outbox_message (sent_at) where sent_at is not null;
create index processed_event_time_idx on processed_event (processed_at);
