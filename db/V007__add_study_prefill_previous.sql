-- whether round n+1 starts with each expert's own round-n ratings filled in (never anyone else's)
alter table study add column prefill_previous boolean not null default false;
