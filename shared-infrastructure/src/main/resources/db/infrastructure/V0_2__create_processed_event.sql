-- The idempotent consumer: the id of every event a service has handled, written in the same
-- transaction as the handler's effect. A redelivered or duplicated event finds its id here and
-- changes nothing a second time.
create table processed_event (
    event_id     uuid         primary key,
    routing_key  varchar(100) not null,
    order_id     uuid         not null,
    processed_at timestamptz  not null
);
