-- Aides: local aids as dated versions (a change is a new version; requests keep the one
-- they were judged by), funds with a yearly budget and an append-only ledger of entries
-- (commitment, payment, release) whose remainder is derived, requests with their events,
-- decisions (never edited: a correction is a new decision), documents, mandates, messages.
-- Household ids are dossiers' households(id); the dossiers erasure hook erases our rows.

CREATE TABLE aid_funds (
  id          text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  is_demo     boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL
);

CREATE TABLE aid_fund_budgets (
  fund_id      text NOT NULL REFERENCES aid_funds(id),
  year         int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  budget_cents bigint NOT NULL CHECK (budget_cents >= 0),
  updated_at   timestamptz NOT NULL,
  PRIMARY KEY (fund_id, year)
);

CREATE TABLE aid_versions (
  aid_id      text NOT NULL CHECK (aid_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  version     int NOT NULL CHECK (version >= 1),
  definition  jsonb NOT NULL,
  fund_id     text NOT NULL REFERENCES aid_funds(id),
  end_date    date,
  is_demo     boolean NOT NULL,
  note        text,
  created_by  uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (aid_id, version)
);

-- A version, a decision, a ledger entry are facts: never updated, never deleted.
CREATE FUNCTION aides_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = '55000';
END $$;
CREATE TRIGGER aid_versions_append_only BEFORE UPDATE OR DELETE ON aid_versions
  FOR EACH ROW EXECUTE FUNCTION aides_append_only();

-- A family's mandate to an agent: limited in time and purpose, visible to the family.
CREATE TABLE aid_mandates (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id  uuid NOT NULL,
  agent_id      uuid NOT NULL REFERENCES users(id),
  -- One aid, or any local aid when null.
  aid_id        text,
  purpose       text NOT NULL CHECK (length(purpose) BETWEEN 3 AND 300),
  granted_by    uuid REFERENCES users(id) ON DELETE SET NULL,
  granted_at    timestamptz NOT NULL,
  valid_until   timestamptz NOT NULL,
  revoked_at    timestamptz,
  CHECK (valid_until > granted_at)
);
CREATE INDEX aid_mandates_household_idx ON aid_mandates (household_id);

CREATE TABLE aid_requests (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id      uuid NOT NULL,
  aid_id            text NOT NULL,
  aid_version       int NOT NULL,
  fund_id           text NOT NULL REFERENCES aid_funds(id),
  neighbourhood     text,
  status            text NOT NULL CHECK (status IN ('brouillon', 'deposee', 'en_instruction', 'a_corriger', 'accordee', 'refusee', 'classee', 'versee')),
  -- The form's answers beyond the file (cost, purpose…), money in cents.
  fields            jsonb NOT NULL DEFAULT '{}',
  -- The eligibility answer when filed (status, reasons, questions).
  eligibility       jsonb,
  assigned_to       uuid REFERENCES users(id) ON DELETE SET NULL,
  mandate_id        uuid REFERENCES aid_mandates(id),
  created_by        uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at        timestamptz NOT NULL,
  submitted_at      timestamptz,
  status_changed_at timestamptz NOT NULL,
  -- While à corriger: instruction paused since then (the time is not counted).
  paused_since      timestamptz,
  paused_seconds    bigint NOT NULL DEFAULT 0,
  decided_at        timestamptz,
  is_demo           boolean NOT NULL DEFAULT false,
  FOREIGN KEY (aid_id, aid_version) REFERENCES aid_versions (aid_id, version)
);
CREATE INDEX aid_requests_household_idx ON aid_requests (household_id);
CREATE INDEX aid_requests_queue_idx ON aid_requests (fund_id, status, submitted_at);

-- Every change of a request: dated, by whom (and under which mandate), why.
CREATE TABLE aid_request_events (
  id           bigserial PRIMARY KEY,
  request_id   uuid NOT NULL REFERENCES aid_requests(id) ON DELETE CASCADE,
  at           timestamptz NOT NULL,
  actor_id     uuid REFERENCES users(id) ON DELETE SET NULL,
  actor_role   text,
  mandate_id   uuid REFERENCES aid_mandates(id),
  kind         text NOT NULL,
  from_status  text,
  to_status    text,
  -- Plain French shown to the family (no personal data beyond the request's own).
  detail       jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX aid_request_events_request_idx ON aid_request_events (request_id, id);

CREATE TABLE aid_decisions (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id    uuid NOT NULL REFERENCES aid_requests(id) ON DELETE CASCADE,
  kind          text NOT NULL CHECK (kind IN ('accordee', 'refusee', 'classee')),
  amount_cents  int CHECK (amount_cents > 0),
  schedule      jsonb,
  motif         text,
  motif_text    text,
  contest       text,
  -- A correction supersedes the decision it corrects (at most once).
  supersedes    uuid UNIQUE REFERENCES aid_decisions(id),
  decided_by    uuid REFERENCES users(id) ON DELETE SET NULL,
  decided_at    timestamptz NOT NULL,
  CHECK ((kind = 'accordee') = (amount_cents IS NOT NULL))
);
CREATE INDEX aid_decisions_request_idx ON aid_decisions (request_id, decided_at);
CREATE TRIGGER aid_decisions_append_only BEFORE UPDATE ON aid_decisions
  FOR EACH ROW EXECUTE FUNCTION aides_append_only();

-- The funds' ledger: the remainder of a (fund, year) is budget − commitments + releases;
-- payments settle commitments. Never updated.
CREATE TABLE aid_fund_entries (
  id            bigserial PRIMARY KEY,
  fund_id       text NOT NULL,
  year          int NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('commitment', 'payment', 'release')),
  amount_cents  bigint NOT NULL CHECK (amount_cents > 0),
  -- No foreign key: an erased family's requests go, the fund's money history stays.
  request_id    uuid,
  decision_id   uuid,
  neighbourhood text,
  created_by    uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at    timestamptz NOT NULL,
  FOREIGN KEY (fund_id, year) REFERENCES aid_fund_budgets (fund_id, year)
);
CREATE INDEX aid_fund_entries_fund_idx ON aid_fund_entries (fund_id, year, kind);
CREATE TRIGGER aid_fund_entries_append_only BEFORE UPDATE OR DELETE ON aid_fund_entries
  FOR EACH ROW EXECUTE FUNCTION aides_append_only();

-- The database refuses an over-commitment, even when agents grant at the same instant:
-- the budget row is locked (concurrent commitments on one fund queue here), then the
-- remainder is summed with a fresh snapshot, the new entry included.
CREATE FUNCTION aid_fund_not_overcommitted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  budget bigint;
  used bigint;
BEGIN
  IF NEW.kind <> 'commitment' THEN RETURN NULL; END IF;
  SELECT budget_cents INTO budget FROM aid_fund_budgets WHERE fund_id = NEW.fund_id AND year = NEW.year FOR UPDATE;
  SELECT COALESCE(SUM(CASE kind WHEN 'commitment' THEN amount_cents WHEN 'release' THEN -amount_cents ELSE 0 END), 0)
    INTO used FROM aid_fund_entries WHERE fund_id = NEW.fund_id AND year = NEW.year;
  IF used > budget THEN
    RAISE EXCEPTION 'fund % % over-committed', NEW.fund_id, NEW.year
      USING ERRCODE = '23514', CONSTRAINT = 'aid_fund_not_overcommitted';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER aid_fund_not_overcommitted AFTER INSERT ON aid_fund_entries
  FOR EACH ROW EXECUTE FUNCTION aid_fund_not_overcommitted();

-- Documents of a request: one of the file's still-valid documents (dossiers), or a file
-- uploaded for this request, under DATA_DIR/uploads/aides/<random>.<ext>.
CREATE TABLE aid_request_documents (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id             uuid NOT NULL REFERENCES aid_requests(id) ON DELETE CASCADE,
  kind                   text NOT NULL,
  household_document_id  uuid,
  storage_name           text UNIQUE,
  original_name          text,
  mime_type              text,
  size_bytes             int,
  added_by               uuid REFERENCES users(id) ON DELETE SET NULL,
  mandate_id             uuid REFERENCES aid_mandates(id),
  added_at               timestamptz NOT NULL,
  CHECK ((household_document_id IS NULL) <> (storage_name IS NULL))
);
CREATE INDEX aid_request_documents_request_idx ON aid_request_documents (request_id);

-- The thread with the family, and agents' private annotations (internal).
CREATE TABLE aid_messages (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq         bigint GENERATED ALWAYS AS IDENTITY,
  request_id  uuid NOT NULL REFERENCES aid_requests(id) ON DELETE CASCADE,
  author_id   uuid REFERENCES users(id) ON DELETE SET NULL,
  author_role text,
  mandate_id  uuid REFERENCES aid_mandates(id),
  internal    boolean NOT NULL,
  body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  at          timestamptz NOT NULL
);
CREATE INDEX aid_messages_request_idx ON aid_messages (request_id, seq);
