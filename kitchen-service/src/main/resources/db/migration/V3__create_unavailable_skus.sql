-- The dishes the kitchen cannot make right now: a teaching switch that an operator sets through
-- /admin/kitchen/unavailable-skus. A ticket with any of these SKUs is rejected. Empty at first: the
-- kitchen makes everything on the menu. This table is the only place the list lives, so every
-- replica decides the same way and a restart keeps the operator's choice.
create table unavailable_sku (
    sku       varchar(64) collate "C" primary key,
    marked_at timestamptz not null
);
