-- The message hospital: every message this service gave up on, with why, so that an operator can
-- list, inspect, replay or discard it (/admin/dead-letters). The dead-letter queue only carries
-- them here; a queue is not a database to browse.
create table dead_letter (
    id                   uuid         primary key,
    event_id             varchar(100),
    original_routing_key varchar(100),
    reason               varchar(20)  not null,
    exception            varchar(2000),
    attempts             integer      not null,
    body                 text         not null,
    content_type         varchar(100),
    dead_lettered_at     timestamptz  not null
);

create index dead_letter_time_idx on dead_letter (dead_lettered_at);
