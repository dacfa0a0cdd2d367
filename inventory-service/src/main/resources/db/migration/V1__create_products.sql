-- The menu and its stock. on_hand is what is physically there; reserved is the part of it held
-- for orders that are not through yet; what can still be ordered is on_hand - reserved.
-- The checks make "stock never goes negative" a property of the database, not only of the code:
-- a bug that tried to reserve more than is there would fail here instead of overselling.
-- SKUs are codes, not words: collated "C" (byte order), so that "sorted by SKU" means the same in
-- SQL as in Java, whatever the server's locale. Reservations lock products in that order.
create table product (
    sku      varchar(64)    collate "C" primary key,
    name     varchar(200)   not null,
    price    numeric(10, 2) not null check (price >= 0),
    on_hand  integer        not null check (on_hand >= 0),
    reserved integer        not null default 0 check (reserved >= 0),
    constraint product_reserved_within_on_hand check (reserved <= on_hand)
);
