-- The courier pool lives in the database, so that an operator can empty and refill it and every
-- replica of the service sees the same pool.
create table courier (
    id        varchar(32)  primary key,
    name      varchar(100) not null,
    available boolean      not null default true
);

insert into courier (id, name) values
    ('courier-1', 'Ada'),
    ('courier-2', 'Grace'),
    ('courier-3', 'Linus');

create table delivery (
    id                uuid         primary key,
    order_id          uuid         not null unique,
    courier_id        varchar(32)  references courier (id),
    status            varchar(32)  not null,
    delivery_street   varchar(200) not null,
    delivery_city     varchar(100) not null,
    delivery_postcode varchar(20)  not null,
    attempts          integer      not null default 0,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null
);
