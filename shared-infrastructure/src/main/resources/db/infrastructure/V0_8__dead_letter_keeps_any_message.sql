-- A dead letter is kept whatever it is: the dead-letter queue is the end of the line, and a row
-- that cannot be written would leave its message stuck in that queue. So nothing about a message
-- may stop its row from being written:
--   body           any bytes (a text column refuses a NUL byte and anything that is not UTF-8);
--                  the rows written so far were UTF-8 text and keep exactly those bytes
--   event_id, original_routing_key, content_type
--                  as long as AMQP allows (255 bytes); varchar(100) refused a longer one
--   reason         whatever the reason header says, also a value this version does not know
--   exception      the code still keeps the first 2000 characters; the column no longer checks it
--   headers        every header the message arrived with, as JSON text (not jsonb, which refuses
--                  the escaped NUL character a header may hold); null in the rows written before
alter table dead_letter
    alter column body                 type bytea using convert_to(body, 'UTF8'),
    alter column event_id             type text,
    alter column original_routing_key type text,
    alter column content_type         type text,
    alter column reason               type text,
    alter column exception            type text,
    add column headers text;
