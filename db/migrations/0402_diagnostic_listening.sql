-- Diagnostic, qualitative part: listening sessions (focus groups and individual interviews),
-- their participants with the consents they gave, the verbatims quoted from them (tagged with
-- the town's themes), and personas that rest on figures of the answers and on verbatims.
--
-- Consent is enforced by the schema, not only by the code: a verbatim carries its speaker's
-- quote consent through a composite foreign key (ON UPDATE CASCADE) and a CHECK refuses
-- 'none'. So a verbatim can exist (and be listed, analysed, put in the report) only while its
-- speaker consents to be quoted; withdrawing the consent while a verbatim still exists fails,
-- the service deletes the participant's verbatims in the same transaction.

CREATE TABLE diagnostic_listening_sessions (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind               text NOT NULL CHECK (kind IN ('focus_group', 'interview')),
  title              text NOT NULL CHECK (length(btrim(title)) BETWEEN 3 AND 200),
  -- A theme id of the town's list (rules/diagnostic/listening-themes.json).
  theme              text NOT NULL,
  -- The partner structure of the directory (annuaire) and its name when the session was planned.
  structure_id       uuid,
  partner_name       text,
  neighbourhood_id   text,
  starts_at          timestamptz NOT NULL,
  duration_minutes   int NOT NULL DEFAULT 120 CHECK (duration_minutes BETWEEN 10 AND 600),
  facilitator        text NOT NULL CHECK (length(btrim(facilitator)) BETWEEN 2 AND 200),
  place              text,
  notes              text NOT NULL DEFAULT '',
  cancelled_at       timestamptz,
  cancel_reason      text,
  created_by         uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  is_demo            boolean NOT NULL DEFAULT false,
  CHECK ((cancelled_at IS NULL) = (cancel_reason IS NULL))
);
CREATE INDEX diagnostic_listening_sessions_starts_idx ON diagnostic_listening_sessions (starts_at);

CREATE TABLE diagnostic_listening_participants (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id           uuid NOT NULL REFERENCES diagnostic_listening_sessions(id) ON DELETE CASCADE,
  first_name           text CHECK (first_name IS NULL OR length(btrim(first_name)) BETWEEN 1 AND 60),
  pseudonym            text CHECK (pseudonym IS NULL OR length(btrim(pseudonym)) BETWEEN 1 AND 60),
  age                  int CHECK (age BETWEEN 14 AND 110),
  age_band             text CHECK (age_band IN ('under-25', '25-29', '30-39', '40-49', '50-plus')),
  neighbourhood_id     text,
  children_count       int CHECK (children_count BETWEEN 0 AND 20),
  -- Invited from a household file (with the family's agreement): the file it came from.
  -- No foreign key across modules; the dossiers erasure hook clears it.
  household_id         uuid,
  -- How the person accepts to be quoted: first name, pseudonym, anonymously, or not at all.
  quote_consent        text NOT NULL CHECK (quote_consent IN ('first_name', 'pseudonym', 'anonymous', 'none')),
  -- Whether age, neighbourhood and number of children may accompany a quote.
  profile_consent      boolean NOT NULL DEFAULT false,
  -- Whether what the person says may be written in the session's notes.
  record_consent       boolean NOT NULL,
  consent_at           timestamptz NOT NULL,
  consent_recorded_by  uuid REFERENCES users(id) ON DELETE SET NULL,
  withdrawn_at         timestamptz,
  withdrawn_by         uuid REFERENCES users(id) ON DELETE SET NULL,
  attended             boolean,
  created_at           timestamptz NOT NULL,
  is_demo              boolean NOT NULL DEFAULT false,
  CHECK (quote_consent <> 'first_name' OR first_name IS NOT NULL),
  CHECK (quote_consent <> 'pseudonym' OR pseudonym IS NOT NULL),
  CHECK (withdrawn_at IS NULL OR (quote_consent = 'none' AND NOT record_consent AND NOT profile_consent)),
  CONSTRAINT diagnostic_listening_participants_quote_key UNIQUE (id, session_id, quote_consent),
  CONSTRAINT diagnostic_listening_participants_household_uq UNIQUE (session_id, household_id)
);
CREATE INDEX diagnostic_listening_participants_session_idx ON diagnostic_listening_participants (session_id);
CREATE INDEX diagnostic_listening_participants_household_idx ON diagnostic_listening_participants (household_id) WHERE household_id IS NOT NULL;

CREATE TABLE diagnostic_verbatims (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id             uuid NOT NULL,
  participant_id         uuid NOT NULL,
  -- The speaker's quote consent, kept equal to the participant's by the foreign key below.
  speaker_quote_consent  text NOT NULL,
  text                   text NOT NULL CHECK (length(btrim(text)) BETWEEN 2 AND 2000),
  themes                 text[] NOT NULL CHECK (cardinality(themes) BETWEEN 1 AND 12),
  -- Chosen by a coordinator for the diagnostic report.
  in_report              boolean NOT NULL DEFAULT false,
  recorded_by            uuid REFERENCES users(id) ON DELETE SET NULL,
  recorded_at            timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL,
  is_demo                boolean NOT NULL DEFAULT false,
  CONSTRAINT diagnostic_verbatims_quotable CHECK (speaker_quote_consent <> 'none'),
  CONSTRAINT diagnostic_verbatims_speaker_fk FOREIGN KEY (participant_id, session_id, speaker_quote_consent)
    REFERENCES diagnostic_listening_participants (id, session_id, quote_consent) ON UPDATE CASCADE ON DELETE CASCADE
);
CREATE INDEX diagnostic_verbatims_session_idx ON diagnostic_verbatims (session_id);
CREATE INDEX diagnostic_verbatims_participant_idx ON diagnostic_verbatims (participant_id);
CREATE INDEX diagnostic_verbatims_themes_idx ON diagnostic_verbatims USING gin (themes);

CREATE TABLE diagnostic_personas (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name          text NOT NULL CHECK (length(btrim(name)) BETWEEN 2 AND 120),
  situation     text NOT NULL CHECK (length(situation) <= 4000),
  needs         text NOT NULL CHECK (length(needs) <= 4000),
  -- A sentence the coordinator writes to sum the persona up (not a participant's words:
  -- those are the linked verbatims, shown with their consent).
  quote         text CHECK (quote IS NULL OR length(quote) <= 500),
  created_by    uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  is_demo       boolean NOT NULL DEFAULT false
);

-- A figure a persona rests on: the share of one answer to one question of a questionnaire
-- (or the mean of a scale), computed live from the answers each time it is shown.
CREATE TABLE diagnostic_persona_figures (
  persona_id        uuid NOT NULL REFERENCES diagnostic_personas(id) ON DELETE CASCADE,
  position          int NOT NULL CHECK (position >= 0),
  questionnaire_id  uuid NOT NULL REFERENCES diagnostic_questionnaires(id) ON DELETE CASCADE,
  question_id       text NOT NULL,
  answer            text NOT NULL DEFAULT '',
  PRIMARY KEY (persona_id, position),
  UNIQUE (persona_id, questionnaire_id, question_id, answer)
);

CREATE TABLE diagnostic_persona_verbatims (
  persona_id    uuid NOT NULL REFERENCES diagnostic_personas(id) ON DELETE CASCADE,
  verbatim_id   uuid NOT NULL REFERENCES diagnostic_verbatims(id) ON DELETE CASCADE,
  PRIMARY KEY (persona_id, verbatim_id)
);
CREATE INDEX diagnostic_persona_verbatims_verbatim_idx ON diagnostic_persona_verbatims (verbatim_id);
