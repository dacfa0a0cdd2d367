-- A kitchen ticket per paid order, with what to cook.
create table ticket (
    id         uuid         primary key,
    order_id   uuid         not null unique,
    status     varchar(32)  not null,
    reason     varchar(200),
    created_at timestamptz  not null,
    updated_at timestamptz  not null
);

create table ticket_line (
    ticket_id uuid         not null references ticket (id) on delete cascade,
    line_no   integer      not null,
    sku       varchar(64)  not null,
    name      varchar(200) not null,
    quantity  integer      not null check (quantity > 0),
    primary key (ticket_id, line_no)
);
