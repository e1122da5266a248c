-- Reminders are sent by a periodic scan over the bookings due (48 h before, and the day
-- before at 18 h in Paris) instead of two jobs enqueued by every booking: each booking
-- remembers which reminders it got, so the scan is idempotent across processes.
-- A moved booking forgets them (its new time is reminded afresh).
ALTER TABLE rdv_bookings ADD COLUMN reminded_48h_at timestamptz;
ALTER TABLE rdv_bookings ADD COLUMN reminded_eve_at timestamptz;
CREATE INDEX rdv_bookings_reminders_due_idx ON rdv_bookings (lower(during))
  WHERE status = 'confirmed' AND reminded_eve_at IS NULL;
