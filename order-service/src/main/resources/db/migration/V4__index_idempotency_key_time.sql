-- Idempotency keys are remembered for food.orders.idempotency-key-retention (24 h), then the
-- retention job deletes them (IdempotencyKeyRetention): this index lets it find the old ones.
create index idempotency_key_created_idx on idempotency_key (created_at);
