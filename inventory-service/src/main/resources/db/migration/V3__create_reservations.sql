-- A reservation holds stock for one order. The order id is the primary key: it is what makes a
-- retried request idempotent (a second insert for the same order cannot succeed) and what a
-- concurrent duplicate waits on until the first one commits.
-- status: RESERVED (stock held), RELEASED (given back, or a tombstone that never held any),
-- COMMITTED (the kitchen took the order: the stock is spent).
create table reservation (
    order_id   uuid        primary key,
    status     varchar(16) not null check (status in ('RESERVED', 'RELEASED', 'COMMITTED')),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    -- The deadline of a RESERVED reservation: past it, it is to expire and give its stock back by
    -- itself, so that a saga that never finishes cannot hold stock forever.
    expires_at timestamptz not null
);

-- The expiry's question is always "which RESERVED reservations are past their time?"
create index reservation_expiring_idx on reservation (expires_at) where status = 'RESERVED';

-- What was reserved, with the name and unit price as they were at that moment: the order is
-- priced from these, and a later change of the menu does not change a reservation already made.
create table reservation_line (
    order_id   uuid           not null references reservation (order_id),
    sku        varchar(64)    collate "C" not null references product (sku),
    name       varchar(200)   not null,
    quantity   integer        not null check (quantity > 0),
    unit_price numeric(10, 2) not null check (unit_price >= 0),
    primary key (order_id, sku)
);
