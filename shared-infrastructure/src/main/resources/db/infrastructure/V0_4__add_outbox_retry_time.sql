-- An event that no queue takes yet (its consumer has never started) is returned by the broker.
-- It stays unsent, and waits before the next try, longer each time (attempts), instead of being
-- published again at every poll.
alter table outbox_message add column attempts integer not null default 0;
alter table outbox_message add column next_attempt_at timestamptz;
