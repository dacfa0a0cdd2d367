-- A reservation that was neither committed nor released within its time-to-live is EXPIRED: the
-- expiry job gave its stock back. A status of its own (not RELEASED) so that whoever reads the row
-- later can tell a saga that stalled from an order that was cancelled.
alter table reservation drop constraint reservation_status_check;
alter table reservation add constraint reservation_status_check
    check (status in ('RESERVED', 'RELEASED', 'COMMITTED', 'EXPIRED'));
