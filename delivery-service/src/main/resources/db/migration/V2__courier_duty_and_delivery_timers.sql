-- A courier is available when an operator has them on duty AND they are not out on a delivery.
-- Both facts live on the courier's own row, so the row lock that an assignment takes guards them
-- together, and "available" is computed by the database from them: no code path can mark a
-- courier free who is still out on a delivery, or forget to mark one busy.
alter table courier add column on_duty boolean not null default true;
alter table courier add column delivery_id uuid references delivery (id);
alter table courier drop column available;
alter table courier add column available boolean generated always as (on_duty and delivery_id is null) stored;
-- A courier carries at most one delivery, and a delivery has at most one courier.
create unique index courier_one_delivery_at_a_time on courier (delivery_id);

-- The delivery's timers live in these columns, not in memory: a restart, a crash or another replica
-- picks up every waiting delivery where it stood. due_at is when the poller next moves it on: the
-- next search for a courier while WAITING_FOR_COURIER, the hand-over while ASSIGNED; null once it ended.
alter table delivery add column due_at         timestamptz;
alter table delivery add column assigned_at    timestamptz;
alter table delivery add column delivered_at   timestamptz;
alter table delivery add column failed_at      timestamptz;
alter table delivery add column failure_reason varchar(200);
-- The id of the latest event in this delivery's story (first the meal.prepared that started it):
-- the causation id of the next event it emits, so the timeline can chain them.
alter table delivery add column last_event_id  uuid not null;
alter table delivery add column version        bigint not null default 0;

alter table delivery add constraint delivery_status_known
    check (status in ('WAITING_FOR_COURIER', 'ASSIGNED', 'DELIVERED', 'FAILED'));
-- The same invariant seen from the delivery side: a courier is on one ASSIGNED delivery at a time.
create unique index delivery_one_per_courier_at_a_time on delivery (courier_id) where status = 'ASSIGNED';
-- What the poller asks for on every tick.
create index delivery_due on delivery (due_at) where status in ('WAITING_FOR_COURIER', 'ASSIGNED');
