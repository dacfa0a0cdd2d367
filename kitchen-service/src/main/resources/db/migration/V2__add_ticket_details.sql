-- What a ticket needs beyond V1: who ordered and where it goes (meal.prepared carries both, so that
-- delivery never has to ask), the unit prices (the lines travel on in the kitchen's events), the meal
-- timer, and the event that made the ticket.
-- customer_id and the address are null only for a tombstone: the CANCELLED row, without lines, of an
-- order cancelled before its payment completed (it keeps the order id taken, see Ticket).
alter table ticket
    add column customer_id       varchar(64),
    add column delivery_street   varchar(200),
    add column delivery_city     varchar(100),
    add column delivery_postcode varchar(20),
    -- The meal timer: an ACCEPTED ticket is prepared by the first poll at or after ready_at. It is a
    -- row, not a timer in a process's memory, so it survives a restart or a crash of the service: a
    -- meal due while no replica was running is prepared by the first poll after one starts.
    add column ready_at          timestamptz,
    -- The payment.completed that made the ticket: meal.prepared names it as its cause.
    add column cause_event_id    uuid,
    -- Optimistic locking, and how Spring Data tells a new ticket (insert) from a loaded one.
    add column version           bigint not null default 0,
    add constraint ticket_status_check check (status in ('ACCEPTED', 'REJECTED', 'PREPARED', 'CANCELLED')),
    add constraint ticket_accepted_has_ready_at check (status <> 'ACCEPTED' or ready_at is not null),
    add constraint ticket_has_customer_and_address check (status = 'CANCELLED' or (customer_id is not null
        and delivery_street is not null and delivery_city is not null and delivery_postcode is not null));

-- Nothing wrote tickets before this migration, so the new not-null column needs no default.
alter table ticket_line
    add column unit_price numeric(10, 2) not null check (unit_price >= 0);

-- The meal timer's question, at every poll: "which accepted tickets are due?"
create index ticket_due_idx on ticket (ready_at) where status = 'ACCEPTED';
