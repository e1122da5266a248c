-- Rendez-vous & accueil: motifs, lieux, plages d'ouverture, absences, resources
-- (crèche occasionnelle, répit), sessions (one occurrence of a slot, the row that holds
-- its capacity), bookings, waitlist and offers, emergency childcare requests, agent feeds.
-- The guarantees are the database's: a session's seats are a counter with a CHECK,
-- changed only under the row's lock; overlapping bookings of one person, and two sessions
-- of one agent at once, are refused by exclusion constraints.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Places (lieux). A mobile desk's stop is a single-use place (one date).
CREATE TABLE rdv_lieux (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  address          text NOT NULL CHECK (length(address) <= 300),
  neighbourhood_id text,
  accessibility    text CHECK (length(accessibility) <= 1000),
  single_use_date  date,
  is_demo          boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL
);

-- What a meeting is for.
CREATE TABLE rdv_motifs (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind               text NOT NULL CHECK (kind IN ('permanence', 'atelier', 'creche', 'repit')),
  description        text CHECK (length(description) <= 2000),
  duration_minutes   int NOT NULL CHECK (duration_minutes BETWEEN 5 AND 720),
  -- who may book: a family online, an agent only, or a partner referral
  bookable_by        text NOT NULL DEFAULT 'family' CHECK (bookable_by IN ('family', 'agent', 'referral')),
  min_notice_minutes int NOT NULL DEFAULT 0 CHECK (min_notice_minutes >= 0),
  max_notice_days    int NOT NULL DEFAULT 60 CHECK (max_notice_days BETWEEN 1 AND 730),
  cancel_notice_minutes int NOT NULL DEFAULT 240 CHECK (cancel_notice_minutes >= 0),
  documents          text[] NOT NULL DEFAULT '{}',
  collective         boolean NOT NULL DEFAULT false,
  -- seats of a collective session (individual: 1); a resource's come from rdv_resource_capacities
  capacity           int NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 500),
  active             boolean NOT NULL DEFAULT true,
  is_demo            boolean NOT NULL DEFAULT false,
  created_at         timestamptz NOT NULL
);

-- A bookable resource (crèche occasionnelle, journée de répit): capacity per half-day and age group.
CREATE TABLE rdv_resources (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  lieu_id    uuid REFERENCES rdv_lieux(id),
  is_demo    boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL
);
CREATE TABLE rdv_resource_capacities (
  resource_id uuid NOT NULL REFERENCES rdv_resources(id) ON DELETE CASCADE,
  age_group   text NOT NULL CHECK (age_group IN ('0-1', '1-3', '3-6', '6-12')),
  capacity    int NOT NULL CHECK (capacity BETWEEN 0 AND 500),
  PRIMARY KEY (resource_id, age_group)
);

-- Opening ranges of an agent (a user) or a resource, with their recurrence (JSON, see slots.ts).
CREATE TABLE rdv_plages (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agent_id    uuid REFERENCES users(id) ON DELETE CASCADE,
  resource_id uuid REFERENCES rdv_resources(id) ON DELETE CASCADE,
  lieu_id     uuid REFERENCES rdv_lieux(id),
  motif_ids   uuid[] NOT NULL CHECK (cardinality(motif_ids) >= 1),
  first_date  date NOT NULL,
  until_date  date CHECK (until_date IS NULL OR until_date >= first_date),
  start_time  time NOT NULL,
  end_time    time NOT NULL CHECK (end_time > start_time),
  recurrence  jsonb NOT NULL,
  is_demo     boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL,
  CONSTRAINT rdv_plages_owner CHECK ((agent_id IS NULL) <> (resource_id IS NULL))
);
CREATE INDEX rdv_plages_motifs_idx ON rdv_plages USING gin (motif_ids);

-- Absences of an agent or a resource, or closures of everyone (both null: a public holiday).
CREATE TABLE rdv_absences (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agent_id    uuid REFERENCES users(id) ON DELETE CASCADE,
  resource_id uuid REFERENCES rdv_resources(id) ON DELETE CASCADE,
  during      tstzrange NOT NULL CHECK (NOT isempty(during)),
  label       text CHECK (length(label) <= 200),
  created_at  timestamptz NOT NULL
);
CREATE INDEX rdv_absences_during_idx ON rdv_absences USING gist (during);

-- One occurrence of a slot: the row that holds its seats. Created by the first booking or
-- waitlist entry; `taken` counts confirmed seats plus seats held by a pending waitlist offer.
CREATE TABLE rdv_sessions (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  motif_id    uuid NOT NULL REFERENCES rdv_motifs(id),
  agent_id    uuid REFERENCES users(id),
  resource_id uuid REFERENCES rdv_resources(id),
  lieu_id     uuid REFERENCES rdv_lieux(id),
  age_group   text NOT NULL DEFAULT '',
  during      tstzrange NOT NULL CHECK (NOT isempty(during)),
  capacity    int NOT NULL CHECK (capacity >= 0),
  taken       int NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL,
  CONSTRAINT rdv_sessions_seats CHECK (taken BETWEEN 0 AND capacity),
  CONSTRAINT rdv_sessions_owner CHECK ((agent_id IS NULL) <> (resource_id IS NULL)),
  -- an agent never runs two occupied sessions at once (an individual slot is a session of capacity 1)
  CONSTRAINT rdv_sessions_agent_overlap EXCLUDE USING gist (agent_id WITH =, during WITH &&) WHERE (agent_id IS NOT NULL AND taken > 0)
);
CREATE UNIQUE INDEX rdv_sessions_key ON rdv_sessions (motif_id, coalesce(agent_id, resource_id), age_group, lower(during));
CREATE INDEX rdv_sessions_during_idx ON rdv_sessions USING gist (during);

-- A booking: one person (the parent, or a child of the file) in one session.
CREATE TABLE rdv_bookings (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id    uuid NOT NULL REFERENCES rdv_sessions(id),
  household_id  uuid NOT NULL,
  -- who attends: 'parent:<household id>' or 'child:<child id>'
  subject_key   text NOT NULL,
  child_id      uuid,
  during        tstzrange NOT NULL,
  status        text NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'seen', 'noshow', 'excused', 'revoked')),
  booked_by     uuid REFERENCES users(id) ON DELETE SET NULL,
  via_waitlist  boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL,
  status_at     timestamptz NOT NULL,
  -- one person is never in two places at once
  CONSTRAINT rdv_bookings_subject_overlap EXCLUDE USING gist (subject_key WITH =, during WITH &&) WHERE (status IN ('confirmed', 'seen', 'noshow'))
);
CREATE INDEX rdv_bookings_session_idx ON rdv_bookings (session_id);
CREATE INDEX rdv_bookings_household_idx ON rdv_bookings (household_id);

-- Waitlist entries (liste d'attente): clearly not bookings. An offer holds a seat of the
-- session (counted in `taken`) until it is accepted, declined or expires.
CREATE TABLE rdv_waitlist (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id    uuid NOT NULL REFERENCES rdv_sessions(id),
  household_id  uuid NOT NULL,
  subject_key   text NOT NULL,
  child_id      uuid,
  status        text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'offered', 'accepted', 'declined', 'expired', 'withdrawn')),
  created_at    timestamptz NOT NULL,
  offered_at    timestamptz,
  offer_expires_at timestamptz,
  closed_at     timestamptz,
  booking_id    uuid REFERENCES rdv_bookings(id),
  CONSTRAINT rdv_waitlist_offer CHECK (status <> 'offered' OR offer_expires_at IS NOT NULL)
);
CREATE UNIQUE INDEX rdv_waitlist_once ON rdv_waitlist (session_id, subject_key) WHERE status IN ('waiting', 'offered');
CREATE INDEX rdv_waitlist_queue_idx ON rdv_waitlist (session_id, created_at) WHERE status = 'waiting';
CREATE INDEX rdv_waitlist_offers_idx ON rdv_waitlist (offer_expires_at) WHERE status = 'offered';

-- Private ICS feed of an agent: only a hash of the random token is stored.
CREATE TABLE rdv_agent_feeds (
  agent_id    uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  token_hash  text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL
);

-- Agents on call for emergency childcare.
CREATE TABLE rdv_oncall (
  agent_id    uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  since       timestamptz NOT NULL
);

-- Emergency childcare requests (garde d'urgence).
CREATE TABLE rdv_emergency_requests (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id  uuid NOT NULL,
  child_id      uuid NOT NULL,
  day           date NOT NULL,
  from_time     time NOT NULL,
  to_time       time NOT NULL CHECK (to_time > from_time),
  reason        text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'placed', 'refused')),
  answer        text CHECK (length(answer) <= 1000),
  answered_by   uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at    timestamptz NOT NULL,
  answered_at   timestamptz
);
CREATE INDEX rdv_emergency_open_idx ON rdv_emergency_requests (created_at) WHERE status = 'open';
