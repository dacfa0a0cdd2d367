-- The transactional outbox: an event is written here in the same transaction as the state change
-- that caused it, and published to RabbitMQ afterwards by the relay. The id orders the rows, so
-- that the events of one order go out in the order they were written.
-- (Migrations of the shared infrastructure are numbered 0.x, so they sort before every service's own.)
create table outbox_message (
    id          bigint       generated always as identity primary key,
    event_id    uuid         not null unique,
    order_id    uuid         not null,
    routing_key varchar(100) not null,
    payload     text         not null,
    created_at  timestamptz  not null,
    sent_at     timestamptz
);

-- The relay's question is always "what is not sent yet, oldest first?"
create index outbox_message_unsent_idx on outbox_message (id) where sent_at is null;
