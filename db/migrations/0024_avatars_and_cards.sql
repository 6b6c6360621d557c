-- Home cards (issue 16): a person's avatar, shown (never with a name) on the cards of events they hold a
-- seat at, and the index that finds the first few seat holders of each card's event.

-- A file id the person uploaded to a name the server gave out for them (avatars/<user id>/<128 random bits>.<ext>);
-- null when none is set or it was removed. Shown only through short-lived display links.
alter table app_user add column avatar text check (char_length(avatar) <= 300);

-- The first seat holders of an event in order of arrival: a card reads at most a handful of them
-- (server/store/activities.ts, SHOWN_AVATARS), so the list stays one statement per page.
create index registration_seat_holders on registration (activity_id, queue_position)
  where state in ('confirmed', 'attended');

-- 附近 orders the whole filtered set by distance (server/store/activities.ts, listActivitiesNear): for the
-- statuses of published events this covering index lets it read narrow index entries instead of the
-- table (start_at bounds "not yet ended" as in the browse index; the status columns and the place ride along).
create index activity_near on activity (district_id, start_at)
  include (id, end_at, signup_opens_at, signup_closes_at, latitude, longitude, category)
  where state = 'published';
