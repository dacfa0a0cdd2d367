-- The relay takes the oldest unsent event of each order ("no earlier unsent event of the same
-- order"). Without this index that check scans the unsent rows once per row: harmless with a few,
-- slow with the backlog a broker outage leaves behind.
create index outbox_message_unsent_by_order_idx on outbox_message (order_id, id) where sent_at is null;
