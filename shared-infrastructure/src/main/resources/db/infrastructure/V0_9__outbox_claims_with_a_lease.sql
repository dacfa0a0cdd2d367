-- The relay holds no transaction (and so no row lock and no pooled connection) open while it
-- waits for the broker's confirms. It claims a batch in one short statement, publishes outside
-- any transaction, and records each row's outcome in another short transaction. A claim is a
-- lease: claim_id names the claim that holds the row, claimed_until says until when. Every poll,
-- of this relay or of another replica, leaves a claimed row alone until then; a relay that dies
-- holding rows leaves leases that run out, and the rows are claimed again.
alter table outbox_message add column claim_id uuid;
alter table outbox_message add column claimed_until timestamptz;

-- How many times the row was handed to the broker. More than once means its event may have gone
-- out more than once (after a return, a refusal, a confirm that never came, or a relay that died
-- before it recorded the confirm): the consumers are idempotent, and this column shows how often
-- they had to be. Rows sent before this column existed show 0.
alter table outbox_message add column publications integer not null default 0;
