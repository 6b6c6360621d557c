-- Unit rating (五星): the weights the district sets for a year's unit scores. Without a row the
-- defaults in server/domain/score/formula.ts apply. Weights are points out of 100.
create table unit_score_weights (
  district_id     text not null references district(id),
  year            integer not null check (year between 2020 and 2100),
  completion      smallint not null check (completion between 0 and 100),
  satisfaction    smallint not null check (satisfaction between 0 and 100),
  response        smallint not null check (response between 0 and 100),
  participation   smallint not null check (participation between 0 and 100),
  hours           smallint not null check (hours between 0 and 100),
  -- Approved hours per event that earn the hours part in full.
  hours_target    numeric(6, 1) not null check (hours_target > 0),
  updated_by      uuid references app_user(id),
  updated_at      timestamptz not null,
  primary key (district_id, year),
  check (completion + satisfaction + response + participation + hours = 100)
);
