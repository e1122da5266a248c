-- Groupes de parole: rooms by theme and neighbourhood, pseudonymous memberships,
-- messages numbered per room (the sequence is taken in the insert's transaction from
-- the room's counter row, locked), live sessions run by facilitators, reports, blocks,
-- danger-word alerts, the editable word list and the town's retention period.

CREATE TABLE groupes_rooms (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  description       text NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
  theme             text NOT NULL CHECK (theme IN ('separation', 'budget', 'ados', 'petite-enfance', 'sante-mentale', 'premiers-mois', 'quartier', 'autre')),
  neighbourhood     text,
  -- An announcement room: only its facilitators post.
  kind              text NOT NULL DEFAULT 'discussion' CHECK (kind IN ('discussion', 'announcement')),
  -- The last sequence number given in this room (the counter row, locked by each insert).
  last_seq          bigint NOT NULL DEFAULT 0,
  slow_mode_seconds int NOT NULL DEFAULT 0 CHECK (slow_mode_seconds BETWEEN 0 AND 3600),
  pinned_seq        bigint,
  is_demo           boolean NOT NULL DEFAULT false,
  created_by        uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at        timestamptz NOT NULL
);

CREATE TABLE groupes_members (
  room_id     uuid NOT NULL REFERENCES groupes_rooms(id) ON DELETE CASCADE,
  user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  pseudonym   text NOT NULL CHECK (length(pseudonym) BETWEEN 2 AND 40),
  role        text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'facilitator')),
  -- A member reads the history after this number (what was said before it joined is not its).
  joined_seq  bigint NOT NULL,
  joined_at   timestamptz NOT NULL,
  muted_until timestamptz,
  removed_at  timestamptz,
  last_post_at timestamptz,
  PRIMARY KEY (room_id, user_id)
);
CREATE UNIQUE INDEX groupes_members_pseudonym_key ON groupes_members (room_id, lower(pseudonym));
CREATE INDEX groupes_members_user_idx ON groupes_members (user_id);

CREATE TABLE groupes_messages (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  room_id       uuid NOT NULL REFERENCES groupes_rooms(id) ON DELETE CASCADE,
  seq           bigint NOT NULL,
  -- NULL once the author's account is erased (the message itself is deleted then).
  author_id     uuid REFERENCES users(id) ON DELETE SET NULL,
  pseudonym     text NOT NULL,
  kind          text NOT NULL DEFAULT 'message' CHECK (kind IN ('message', 'summary')),
  body          text NOT NULL CHECK (length(body) <= 4000),
  -- Accent- and case-free text, for near-duplicate detection.
  normalised    text NOT NULL,
  created_at    timestamptz NOT NULL,
  hidden_at     timestamptz,
  hidden_reason text,
  deleted_at    timestamptz,
  CONSTRAINT groupes_messages_seq_key UNIQUE (room_id, seq)
);
CREATE INDEX groupes_messages_author_idx ON groupes_messages (author_id, created_at);
CREATE INDEX groupes_messages_created_idx ON groupes_messages (created_at);

CREATE TABLE groupes_reports (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  message_id  uuid NOT NULL REFERENCES groupes_messages(id) ON DELETE CASCADE,
  room_id     uuid NOT NULL REFERENCES groupes_rooms(id) ON DELETE CASCADE,
  -- Never shown to moderators: a report does not reveal who made it.
  reporter_id uuid REFERENCES users(id) ON DELETE SET NULL,
  reason      text NOT NULL CHECK (length(reason) <= 500),
  created_at  timestamptz NOT NULL,
  resolved_at timestamptz,
  resolved_by uuid REFERENCES users(id) ON DELETE SET NULL,
  resolution  text CHECK (resolution IN ('hidden', 'dismissed')),
  CONSTRAINT groupes_reports_once UNIQUE (message_id, reporter_id)
);
CREATE INDEX groupes_reports_open_idx ON groupes_reports (room_id) WHERE resolved_at IS NULL;

-- A block works both ways: neither sees the other's messages.
CREATE TABLE groupes_blocks (
  blocker_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  blocked_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (blocker_id, blocked_id),
  CHECK (blocker_id <> blocked_id)
);
CREATE INDEX groupes_blocks_blocked_idx ON groupes_blocks (blocked_id);

-- A message that mentions danger: the room's facilitators are alerted (never a public sanction).
CREATE TABLE groupes_alerts (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  room_id         uuid NOT NULL REFERENCES groupes_rooms(id) ON DELETE CASCADE,
  message_id      uuid REFERENCES groupes_messages(id) ON DELETE SET NULL,
  categories      text[] NOT NULL,
  created_at      timestamptz NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by uuid REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX groupes_alerts_open_idx ON groupes_alerts (room_id) WHERE acknowledged_at IS NULL;

-- The word list moderators edit (first filled from rules/groupes/mots-vigilance.yaml).
CREATE TABLE groupes_words (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind       text NOT NULL CHECK (kind IN ('term', 'whitelist')),
  category   text CHECK (category IN ('suicide', 'violence', 'enfance')),
  pattern    text NOT NULL CHECK (length(pattern) BETWEEN 2 AND 120),
  updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT groupes_words_key UNIQUE (kind, pattern),
  CHECK ((kind = 'term') = (category IS NOT NULL))
);

-- One row: what the town sets.
CREATE TABLE groupes_settings (
  id             boolean PRIMARY KEY DEFAULT true CHECK (id),
  retention_days int NOT NULL DEFAULT 365 CHECK (retention_days BETWEEN 7 AND 3650),
  words_seeded   boolean NOT NULL DEFAULT false,
  updated_at     timestamptz
);
-- No row until the town sets something or the word list is seeded (the code reads the defaults):
-- a freshly migrated database stays empty, as a backup restore requires.

CREATE TABLE groupes_sessions (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  room_id        uuid NOT NULL REFERENCES groupes_rooms(id) ON DELETE CASCADE,
  title          text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  starts_at      timestamptz NOT NULL,
  ends_at        timestamptz NOT NULL,
  facilitator_id uuid REFERENCES users(id) ON DELETE SET NULL,
  status         text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'closed')),
  closed_at      timestamptz,
  summary_seq    bigint,
  created_at     timestamptz NOT NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX groupes_sessions_room_idx ON groupes_sessions (room_id, starts_at);

CREATE TABLE groupes_registrations (
  session_id uuid NOT NULL REFERENCES groupes_sessions(id) ON DELETE CASCADE,
  user_id    uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (session_id, user_id)
);
