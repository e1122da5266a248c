-- Rate limits that hold across processes: one row per attempt, keyed by a hash (never
-- the identifier or address itself), counted over a sliding window.
CREATE TABLE throttle_events (
  id      bigserial PRIMARY KEY,
  bucket  text NOT NULL,
  key     bytea NOT NULL,
  at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX throttle_events_lookup_idx ON throttle_events (bucket, key, at);
CREATE INDEX throttle_events_at_idx ON throttle_events (at);
