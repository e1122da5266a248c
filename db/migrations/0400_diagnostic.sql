-- Diagnostic: questionnaires (draft and published versions), collection (single-use links,
-- kiosk for face-to-face collection, anonymous drafts that can be resumed), CSV imports,
-- and the answers. Answers are anonymous: no account, no name; an agent's id is kept
-- for kiosk answers only (who collected, not who answered).

CREATE TABLE diagnostic_questionnaires (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title              text NOT NULL,
  -- 'links': answering needs a single-use link (or the kiosk); 'open': anyone with the address.
  access             text NOT NULL DEFAULT 'links' CHECK (access IN ('links', 'open')),
  -- The version being collected, and the version being edited (one may be null, not both).
  published_version  int,
  draft_version      int,
  closed_at          timestamptz,
  -- Where the questionnaire comes from, shown on the results (e.g. the Amiens reference data).
  source             text,
  created_by         uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  is_demo            boolean NOT NULL DEFAULT false,
  CHECK (published_version IS NOT NULL OR draft_version IS NOT NULL)
);

CREATE TABLE diagnostic_questionnaire_versions (
  questionnaire_id   uuid NOT NULL REFERENCES diagnostic_questionnaires(id) ON DELETE CASCADE,
  version            int NOT NULL CHECK (version >= 1),
  -- The questionnaire in the format of questionnaire.ts (checked by the service).
  definition         jsonb NOT NULL,
  created_at         timestamptz NOT NULL,
  published_at       timestamptz,
  PRIMARY KEY (questionnaire_id, version)
);

CREATE TABLE diagnostic_links (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  questionnaire_id   uuid NOT NULL REFERENCES diagnostic_questionnaires(id) ON DELETE CASCADE,
  -- sha256 of the token; the token itself is shown once, when the link is made.
  token_hash         text NOT NULL UNIQUE,
  label              text,
  created_by         uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at         timestamptz NOT NULL,
  used_at            timestamptz
);
CREATE INDEX diagnostic_links_questionnaire_idx ON diagnostic_links (questionnaire_id);

CREATE TABLE diagnostic_imports (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  questionnaire_id   uuid NOT NULL REFERENCES diagnostic_questionnaires(id) ON DELETE CASCADE,
  version            int NOT NULL,
  file_name          text,
  rows_imported      int NOT NULL CHECK (rows_imported >= 0),
  imported_by        uuid REFERENCES users(id) ON DELETE SET NULL,
  imported_at        timestamptz NOT NULL
);

CREATE TABLE diagnostic_responses (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  questionnaire_id   uuid NOT NULL,
  version            int NOT NULL,
  status             text NOT NULL CHECK (status IN ('draft', 'submitted')),
  channel            text NOT NULL CHECK (channel IN ('link', 'open', 'kiosk', 'import', 'demo')),
  answers            jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- sha256 of the draft token that lets the person resume; cleared on submit.
  resume_token_hash  text UNIQUE,
  link_id            uuid UNIQUE REFERENCES diagnostic_links(id) ON DELETE SET NULL,
  import_id          uuid REFERENCES diagnostic_imports(id) ON DELETE CASCADE,
  -- The `id` column of an imported CSV: importing the same file twice is refused.
  external_id        text,
  -- The town neighbourhood id read from the neighbourhood answer (for indicators).
  neighbourhood_id   text,
  collected_by       uuid REFERENCES users(id) ON DELETE SET NULL,
  started_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  submitted_at       timestamptz,
  is_demo            boolean NOT NULL DEFAULT false,
  FOREIGN KEY (questionnaire_id, version) REFERENCES diagnostic_questionnaire_versions (questionnaire_id, version) ON DELETE CASCADE,
  CHECK ((status = 'submitted') = (submitted_at IS NOT NULL)),
  CHECK (status = 'draft' OR resume_token_hash IS NULL),
  CONSTRAINT diagnostic_responses_external_uq UNIQUE (questionnaire_id, external_id)
);
CREATE INDEX diagnostic_responses_results_idx ON diagnostic_responses (questionnaire_id, submitted_at) WHERE status = 'submitted';
CREATE INDEX diagnostic_responses_neighbourhood_idx ON diagnostic_responses (neighbourhood_id, submitted_at) WHERE status = 'submitted';
