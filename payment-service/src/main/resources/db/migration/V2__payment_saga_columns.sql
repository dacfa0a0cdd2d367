-- What V1 lacked once payment took part in the saga.

-- One column says why a payment is where it is: the gateway's decline, the cancellation that
-- refunded it, or the cancellation that came before any charge. Not only declines any more.
alter table payment rename column decline_reason to reason;

-- A tombstone (CANCELLED_BEFORE_CHARGE) is stored when order.cancelled arrives before
-- order.placed: nothing was charged and the amount is not known yet.
alter table payment alter column amount drop not null;
alter table payment add constraint payment_amount_known check (amount is not null or status = 'CANCELLED_BEFORE_CHARGE');

alter table payment add constraint payment_status_known
    check (status in ('CHARGED', 'DECLINED', 'REFUNDED', 'CANCELLED_BEFORE_CHARGE'));

-- Whose money it is, as order.placed said (null for a tombstone); as long as order-service allows.
alter table payment add column customer_id varchar(64);

-- When the money went back; null until then.
alter table payment add column refunded_at timestamptz;

-- Optimistic locking: of two different order.cancelled events handled at the same time (two
-- replicas), the second to commit fails on the version, is retried, finds REFUNDED and refunds
-- nothing. The event-id check of the idempotent consumer only stops the SAME event twice.
alter table payment add column version bigint not null default 0;
