-- Issue 10: the CSRF token is bound to its session (only its hash is stored, like the
-- session token); audit entries record the client address as Fastify resolved it
-- (X-Forwarded-For only from TRUST_PROXY); login failures are counted per
-- (identifier, address).
ALTER TABLE sessions ADD COLUMN csrf_hash bytea;
UPDATE sessions SET csrf_hash = digest(csrf_token, 'sha256');
ALTER TABLE sessions ALTER COLUMN csrf_hash SET NOT NULL;
ALTER TABLE sessions DROP COLUMN csrf_token;

ALTER TABLE audit_log ADD COLUMN ip text;

CREATE INDEX login_failures_pair_idx ON login_failures (identifier, ip, at);
