-- Platform: extensions the modules need, accounts, sessions, audit log, notification outbox.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- unaccent() is only STABLE; an IMMUTABLE wrapper lets indexes use it.
CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- French full-text configuration that ignores accents.
CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
ALTER TEXT SEARCH CONFIGURATION french_unaccent
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

CREATE TYPE user_role AS ENUM ('parent', 'agent', 'partner', 'coordinator', 'admin');

CREATE TABLE users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email         text,
  phone         text,
  password_hash text,
  role          user_role NOT NULL,
  display_name  text NOT NULL,
  locale        text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en', 'ar')),
  easy_read     boolean NOT NULL DEFAULT false,
  -- a partner account acts for one structure of the directory (annuaire)
  structure_id  uuid,
  is_demo       boolean NOT NULL DEFAULT false,
  disabled_at   timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_identifier CHECK (email IS NOT NULL OR phone IS NOT NULL),
  CONSTRAINT users_partner_structure CHECK (role <> 'partner' OR structure_id IS NOT NULL)
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email)) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX users_phone_key ON users (phone) WHERE phone IS NOT NULL;

-- Sessions live here so that any server process serves any user. Only a hash of the
-- token is stored: a leaked table does not open sessions.
CREATE TABLE sessions (
  token_hash   bytea PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expiry_idx ON sessions (expires_at);

-- Failed logins, per identifier and per address, for throttling across processes.
CREATE TABLE login_failures (
  id          bigserial PRIMARY KEY,
  identifier  text NOT NULL,
  ip          text NOT NULL,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_identifier_idx ON login_failures (identifier, at);
CREATE INDEX login_failures_ip_idx ON login_failures (ip, at);

CREATE TABLE password_resets (
  token_hash  bytea PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);

-- Append-only audit log: who, when, what, which household, why.
CREATE TABLE audit_log (
  id           bigserial PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  actor_id     uuid,
  actor_role   user_role,
  action       text NOT NULL,
  household_id uuid,
  subject_type text,
  subject_id   text,
  reason       text,
  details      jsonb NOT NULL DEFAULT '{}'::jsonb,
  request_id   text
);
CREATE INDEX audit_log_household_idx ON audit_log (household_id, at DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, at DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Notification outbox: written in the same transaction as the change that causes it,
-- sent by a queue worker with retries.
CREATE TYPE notification_channel AS ENUM ('email', 'sms');
CREATE TYPE notification_status AS ENUM ('pending', 'sent', 'failed');
CREATE TABLE notifications (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  channel      notification_channel NOT NULL,
  recipient    text NOT NULL,
  user_id      uuid REFERENCES users(id) ON DELETE SET NULL,
  subject      text,
  body         text NOT NULL,
  template     text NOT NULL,
  status       notification_status NOT NULL DEFAULT 'pending',
  attempts     int NOT NULL DEFAULT 0,
  last_error   text,
  transport    text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  sent_at      timestamptz
);
CREATE INDEX notifications_status_idx ON notifications (status, created_at);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);

-- Small key/value state of the platform (demo seeded, town settings overrides).
CREATE TABLE platform_state (
  key        text PRIMARY KEY,
  value      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
