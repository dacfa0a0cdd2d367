-- A late commit: the meal of an order is made after its reservation expired and gave the stock
-- back. The stock is spent again, but only as much of it as no other order holds: what was reserved
-- meanwhile stays reserved (product keeps reserved <= on_hand). The rest is the line's shortfall:
-- food that left the shelf while on_hand still counts it, until the stock is counted again. If the
-- order is then cancelled before its meal was prepared, only what was spent (quantity - shortfall)
-- goes back on the shelf.
alter table reservation_line add column shortfall integer not null default 0;
alter table reservation_line add constraint reservation_line_shortfall_within_quantity
    check (shortfall >= 0 and shortfall <= quantity);
