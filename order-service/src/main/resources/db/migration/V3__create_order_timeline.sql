-- The order timeline: every step of one order's saga, from every service, in the order they
-- happened (GET /orders/{id}/timeline). A read model, written in the same transaction as the state
-- change each entry describes; entries are only added, never changed.
create table order_timeline (
    id              bigint       generated always as identity primary key,
    order_id        uuid         not null references customer_order (id) on delete cascade,
    -- when the step happened: the event's occurredAt, or the time of the order's own change
    occurred_at     timestamptz  not null,
    -- when this service wrote it down; the gap to occurred_at is the asynchrony made visible
    recorded_at     timestamptz  not null,
    -- the producer (payment, kitchen, delivery) or order for the order's own steps
    service         varchar(32)  not null,
    -- the routing key (payment.completed) or the order's own step (placed, cancelled by customer, ...)
    step            varchar(100) not null,
    status_after    varchar(32)  not null,
    -- why the order ended, when this step ended it (PAYMENT_DECLINED, STOCK_INSUFFICIENT, ...)
    reason          varchar(32),
    detail          varchar(500),
    -- a fact that did not fit the order's state, ignored on purpose, and why
    ignored         boolean      not null default false,
    ignored_because varchar(500),
    -- the event that carried the fact; null for the order's own steps
    event_id        uuid,
    constraint order_timeline_ignored_says_why check (ignored = (ignored_because is not null))
);

-- The only question asked of it: one order's steps, in time order.
create index order_timeline_order_idx on order_timeline (order_id, occurred_at, id);

-- A passed deadline is reported once per order and state, however often the check runs.
create unique index order_timeline_deadline_once_idx on order_timeline (order_id, step)
    where step like 'deadline passed in %';
