-- The Idempotency-Key of POST /orders: a key is claimed, fixing its order id, BEFORE inventory is
-- called, so that a client's retry of a request whose answer it never got reuses that order id.
-- Inventory's reservation is idempotent on the order id, hence the retry reserves nothing twice.
create table idempotency_key (
    key          varchar(255) primary key,
    -- SHA-256 of the request as understood (hex): the same key with another request is refused
    request_hash char(64)     not null,
    order_id     uuid         not null,
    -- for a clean-up of old keys (not done yet: a key is kept as long as its order)
    created_at   timestamptz  not null
);
