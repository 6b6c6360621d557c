-- Shared venues, second increment: who recorded a booking's outcome (used / no-show) and when.
-- The approval's decider (decided_by, decided_at) stays as it was.
alter table booking
  add column marked_by uuid references app_user(id),
  add column marked_at timestamptz,
  add constraint booking_marked_outcome check ((marked_at is null) = (marked_by is null)
    and (marked_at is null or state in ('used', 'no_show')));
