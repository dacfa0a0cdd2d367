-- An order as the customer placed it, and where its saga stands.
-- "order" is a reserved word in SQL, hence customer_order.
create table customer_order (
    id                uuid           primary key,
    customer_id       varchar(64)    not null,
    status            varchar(32)    not null,
    reason            varchar(32),
    reason_detail     varchar(500),
    -- null until inventory has priced the lines (an order refused before that has no total)
    total             numeric(12, 2) check (total >= 0),
    delivery_street   varchar(200)   not null,
    delivery_city     varchar(100)   not null,
    delivery_postcode varchar(20)    not null,
    payment_token     varchar(100)   not null,
    created_at        timestamptz    not null,
    updated_at        timestamptz    not null,
    version           bigint         not null default 0
);

-- GET /orders?status=... lists the newest first; GET /orders without a status too.
create index customer_order_status_created_idx on customer_order (status, created_at desc);
create index customer_order_created_idx on customer_order (created_at desc);

-- The lines keep the name and unit price the order was priced with: a later price change on the
-- menu must not change an order already placed. Both are null for an order that inventory never
-- priced (rejected for want of stock, or cancelled because inventory was unavailable).
create table order_line (
    order_id   uuid           not null references customer_order (id) on delete cascade,
    line_no    integer        not null,
    sku        varchar(64)    not null,
    name       varchar(200),
    quantity   integer        not null check (quantity > 0),
    unit_price numeric(10, 2) check (unit_price >= 0),
    primary key (order_id, line_no)
);
