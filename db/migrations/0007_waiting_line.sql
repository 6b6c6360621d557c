-- The waiting line on its own: sign-ups ask "does anyone wait in this quota?" and "how many are
-- ahead of me?" without a lock, releases look up the head of the line, and the sweep finds lines
-- next to a free seat. A partial index holds only the people waiting, so it stays small.
create index registration_waiting on registration (activity_id, quota_key, queue_position) where state = 'waitlisted';
