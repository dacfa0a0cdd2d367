-- Money is held, then taken: order.placed authorises (holds) the total, ticket.accepted captures
-- it, order.cancelled voids a hold or refunds a capture. Each gateway operation is first recorded
-- here as an intent (the pending operation), called after that commits, and settled by recording
-- its outcome (see docs/payments.md).

-- The statuses. A charge taken before this change is a captured payment; the tombstone is renamed.
alter table payment drop constraint payment_status_known;
alter table payment drop constraint payment_amount_known;
update payment set status = 'CAPTURED' where status = 'CHARGED';
update payment set status = 'CANCELLED_BEFORE_PAYMENT' where status = 'CANCELLED_BEFORE_CHARGE';
alter table payment add constraint payment_status_known check (status in
    ('AUTHORIZING', 'AUTHORIZED', 'DECLINED', 'CAPTURED', 'VOIDED', 'REFUNDED', 'CANCELLED_BEFORE_PAYMENT'));
alter table payment add constraint payment_amount_known check (amount is not null or status = 'CANCELLED_BEFORE_PAYMENT');

-- When the money moved; null until it did (refunded_at is V2's).
alter table payment add column authorized_at timestamptz;
alter table payment add column captured_at timestamptz;
alter table payment add column voided_at timestamptz;
update payment set authorized_at = created_at, captured_at = created_at where status in ('CAPTURED', 'REFUNDED');

-- Why the order was cancelled, once payment acted on it (the reason column says it in words).
alter table payment add column cancellation_reason varchar(32);

-- The intent: the one gateway operation asked for and not answered yet. One at a time per payment.
alter table payment add column pending_operation varchar(16)
    constraint payment_pending_operation_known check (pending_operation in ('AUTHORIZE', 'CAPTURE', 'VOID', 'REFUND'));
-- The event that asked for it: the causation id of the event its outcome announces.
alter table payment add column pending_cause uuid;
alter table payment add column pending_since timestamptz;
-- When the poller may call again; null until a first call was made (then pending_since decides).
alter table payment add column next_attempt_at timestamptz;
alter table payment add column attempts integer not null default 0;
-- The order.placed event, kept only while the authorisation is pending: a repeated call needs its
-- token, payment.completed its lines and address. Cleared once the gateway answered.
alter table payment add column order_placed text;
-- The trace the intent was recorded in, continued by the call and its outcome.
alter table payment add column trace_context text;

-- Which operation goes with which status: a hold is asked for while AUTHORIZING (and only then),
-- captured or voided while AUTHORIZED, refunded while CAPTURED.
alter table payment add constraint payment_intent_fits_status check (
    (status = 'AUTHORIZING') = (pending_operation is not distinct from 'AUTHORIZE')
    and (pending_operation is null
         or (pending_operation in ('CAPTURE', 'VOID') and status = 'AUTHORIZED')
         or (pending_operation = 'REFUND' and status = 'CAPTURED')
         or pending_operation = 'AUTHORIZE'));
alter table payment add constraint payment_intent_complete check (
    pending_operation is null or (pending_cause is not null and pending_since is not null));

-- A follow-up: what came while an operation was pending (a capture, or a cancellation), applied to
-- its outcome instead of being lost or retried.
alter table payment add column follow_up varchar(16)
    constraint payment_follow_up_known check (follow_up in ('CAPTURE', 'CANCEL'));
alter table payment add column follow_up_cause uuid;
alter table payment add constraint payment_follow_up_waits check (
    follow_up is null or (pending_operation is not null and follow_up_cause is not null));

-- What the poller looks for: pending intents only, a handful at any time.
create index payment_pending on payment (pending_since) where pending_operation is not null;
