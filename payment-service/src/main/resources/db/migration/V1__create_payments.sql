-- One payment per order: the unique order_id is what makes "never charge twice" hold even when
-- the same order.placed event is delivered twice.
create table payment (
    id             uuid           primary key,
    order_id       uuid           not null unique,
    amount         numeric(12, 2) not null check (amount >= 0),
    status         varchar(32)    not null,
    decline_reason varchar(200),
    created_at     timestamptz    not null,
    updated_at     timestamptz    not null
);
