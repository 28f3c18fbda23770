-- what the panel was shown after a round: its statistics per cell, computed once when the round
-- closes and stored as a JSON document; the application only ever inserts and reads these rows
create table round_snapshot (
    round_id    bigint                   not null,
    computed_at timestamp with time zone not null,
    content     text                     not null,
    constraint round_snapshot_pk primary key (round_id),
    constraint round_snapshot_round_fk foreign key (round_id) references round (id) on delete cascade
);
