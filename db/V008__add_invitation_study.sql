-- an invitation may be to one study's panel: accepting it puts the new account on that panel as an expert
alter table invitation add column study_id bigint;
alter table invitation add constraint invitation_study_fk foreign key (study_id) references study (id) on delete cascade;
