-- The waitlist's order when two families join in the same instant (the clock's millisecond):
-- the order of arrival in the database, never a random tie-break on the id.
ALTER TABLE rdv_waitlist ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
DROP INDEX rdv_waitlist_queue_idx;
CREATE INDEX rdv_waitlist_queue_idx ON rdv_waitlist (session_id, created_at, seq) WHERE status = 'waiting';
