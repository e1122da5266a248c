-- A booking's confirmation is one row of the module's own outbox, written by the booking's
-- statement, and one job (rendezvous.send-notice) that turns it into the family's SMS and
-- e-mail after the commit: the booking's transaction no longer writes two messages and
-- enqueues two sendings while it holds the session's seat lock. `sent_at` makes the
-- sending idempotent (a retried job sends nothing twice).
CREATE TABLE rdv_notices (
  id           uuid PRIMARY KEY,
  household_id uuid NOT NULL,
  session_id   uuid NOT NULL REFERENCES rdv_sessions(id),
  kind         text NOT NULL CHECK (kind IN ('confirmation')),
  created_at   timestamptz NOT NULL,
  sent_at      timestamptz
);
CREATE INDEX rdv_notices_pending_idx ON rdv_notices (created_at) WHERE sent_at IS NULL;
CREATE INDEX rdv_notices_household_idx ON rdv_notices (household_id);
