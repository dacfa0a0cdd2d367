-- The simulated gateway's own books: what it did, once per idempotency key ("<order id>:capture").
-- A call with a key already here gets the recorded outcome and changes nothing. It stands for
-- another system's records: written in transactions of its own, never in payment's.
create table gateway_ledger (
    idempotency_key varchar(80)    primary key,
    order_id        uuid           not null,
    operation       varchar(16)    not null check (operation in ('AUTHORIZE', 'CAPTURE', 'VOID', 'REFUND')),
    amount          numeric(12, 2) not null,
    outcome         varchar(16)    not null check (outcome in ('APPROVED', 'DECLINED')),
    decline_reason  varchar(200),
    recorded_at     timestamptz    not null
);

create index gateway_ledger_order on gateway_ledger (order_id);
