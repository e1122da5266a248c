-- Issue 19: a form sent again (the phone's offline queue replays it when the network
-- returns, and may replay it twice) carries an Idempotency-Key. The first answer is kept
-- here for a day and given again to any replay of the same key by the same user, so a
-- replay never writes twice. A key being answered (status NULL) is claimed by the
-- primary key: a concurrent replay waits for it instead of running the change again.
CREATE TABLE idempotency_keys (
  user_id      uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  key          text NOT NULL CHECK (length(key) BETWEEN 8 AND 100),
  method       text NOT NULL,
  path         text NOT NULL,
  request_hash bytea NOT NULL,
  status       integer,
  content_type text,
  body         text,
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
