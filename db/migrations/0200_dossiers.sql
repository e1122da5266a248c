-- Dossier unique: one household file (foyer) reused by every module, versioned,
-- shared with partners only under recorded consent, renewed each year, exportable
-- and erasable. Ids are random uuids: they appear in URLs and must not be guessable.
-- Money in integer cents.

CREATE TABLE households (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  status                  text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'erased')),
  -- address (adresse) and neighbourhood (quartier: an id of the town configuration)
  address_line            text,
  postal_code             text CHECK (postal_code IS NULL OR postal_code ~ '^\d{5}$'),
  city                    text,
  insee_code              text CHECK (insee_code IS NULL OR insee_code ~ '^\d[\dAB]\d{3}$'),
  neighbourhood_id        text,
  -- situation and resources (what the rights simulator needs)
  activity                text CHECK (activity IN ('actif', 'chomeur', 'inactif')),
  unemployment_since      date,
  salary_net_monthly_cents        int CHECK (salary_net_monthly_cents >= 0),
  unemployment_net_monthly_cents  int CHECK (unemployment_net_monthly_cents >= 0),
  other_income_monthly_cents      int CHECK (other_income_monthly_cents >= 0),
  alimony_received_monthly_cents  int CHECK (alimony_received_monthly_cents >= 0),
  family_benefits_monthly_cents   int CHECK (family_benefits_monthly_cents >= 0),
  annual_income_cents             int CHECK (annual_income_cents >= 0),
  recently_separated      boolean,
  housing_status          text CHECK (housing_status IN ('locataire_hlm', 'locataire_vide', 'locataire_meuble', 'proprietaire', 'loge_gratuitement', 'heberge', 'sans_domicile')),
  rent_monthly_cents      int CHECK (rent_monthly_cents >= 0),
  -- quotient familial in euros: entered (from a CAF letter) or computed (see quotient.ts)
  qf_entered              int CHECK (qf_entered >= 0),
  -- the agent who follows the family (caseload)
  referent_agent_id       uuid REFERENCES users(id) ON DELETE SET NULL,
  version                 int NOT NULL DEFAULT 1,
  last_confirmed_at       timestamptz,
  created_by              uuid,
  created_at              timestamptz NOT NULL,
  updated_at              timestamptz NOT NULL,
  erased_at               timestamptz,
  is_demo                 boolean NOT NULL DEFAULT false
);
CREATE INDEX households_referent_idx ON households (referent_agent_id) WHERE status = 'active';

-- Adults: the parent (account holder) and, sometimes, the other parent outside the home.
CREATE TABLE household_members (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id            uuid NOT NULL REFERENCES households(id) ON DELETE CASCADE,
  kind                    text NOT NULL CHECK (kind IN ('parent', 'other_parent')),
  user_id                 uuid REFERENCES users(id) ON DELETE SET NULL,
  first_name              text,
  last_name               text,
  birth_date              date,
  phone                   text,
  email                   text,
  -- other parent: custody arrangement and alimony owed (pension alimentaire due)
  custody                 text CHECK (custody IN ('exclusive', 'alternate', 'visiting', 'none')),
  alimony_due_monthly_cents int CHECK (alimony_due_monthly_cents >= 0),
  alimony_paid_regularly  boolean,
  created_at              timestamptz NOT NULL,
  updated_at              timestamptz NOT NULL
);
-- One parent and at most one other parent per household; an account holds one household.
CREATE UNIQUE INDEX household_members_kind_key ON household_members (household_id, kind);
CREATE UNIQUE INDEX household_members_user_key ON household_members (user_id) WHERE user_id IS NOT NULL;

-- The children (fratrie).
CREATE TABLE household_children (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id            uuid NOT NULL REFERENCES households(id) ON DELETE CASCADE,
  first_name              text NOT NULL,
  last_name               text,
  birth_date              date NOT NULL,
  custody                 text NOT NULL DEFAULT 'full' CHECK (custody IN ('full', 'alternate', 'visiting')),
  school_name             text,
  school_level            text,
  created_at              timestamptz NOT NULL,
  updated_at              timestamptz NOT NULL
);
CREATE INDEX household_children_household_idx ON household_children (household_id);

-- Documents: metadata, validity, an optional file under DATA_DIR/uploads with a random name.
CREATE TABLE household_documents (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id            uuid NOT NULL REFERENCES households(id) ON DELETE CASCADE,
  kind                    text NOT NULL,
  label                   text,
  valid_from              date,
  valid_until             date,
  storage_name            text UNIQUE,
  original_name           text,
  mime_type               text,
  size_bytes              int,
  uploaded_by             uuid,
  created_at              timestamptz NOT NULL
);
CREATE INDEX household_documents_household_idx ON household_documents (household_id);

-- Every change of the file: who, when, which field, old → new. Shown to the family.
CREATE TABLE household_changes (
  id                      bigserial PRIMARY KEY,
  household_id            uuid NOT NULL REFERENCES households(id) ON DELETE CASCADE,
  version                 int NOT NULL,
  at                      timestamptz NOT NULL,
  actor_id                uuid,
  actor_role              text,
  source                  text NOT NULL CHECK (source IN ('family', 'agent', 'renewal', 'system')),
  field                   text NOT NULL,
  old_value               jsonb,
  new_value               jsonb
);
CREATE INDEX household_changes_household_idx ON household_changes (household_id, id DESC);

-- Consent: per partner structure and purpose, over named parts of the file.
CREATE TABLE household_consents (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id            uuid NOT NULL REFERENCES households(id) ON DELETE CASCADE,
  structure_id            uuid NOT NULL,
  purpose                 text NOT NULL,
  parts                   text[] NOT NULL CHECK (cardinality(parts) > 0),
  granted_at              timestamptz NOT NULL,
  granted_by              uuid,
  recorded_at_desk        boolean NOT NULL DEFAULT false,
  expires_at              timestamptz,
  revoked_at              timestamptz,
  revoked_by              uuid
);
-- One live consent per structure and purpose: a new grant replaces it (revoke first).
CREATE UNIQUE INDEX household_consents_live_key ON household_consents (household_id, structure_id, purpose) WHERE revoked_at IS NULL;

-- Orientation of a family to a partner structure.
CREATE TABLE household_orientations (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id            uuid NOT NULL REFERENCES households(id) ON DELETE CASCADE,
  structure_id            uuid NOT NULL,
  service_id              uuid,
  agent_id                uuid,
  note                    text NOT NULL,
  status                  text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'accepted', 'declined', 'closed')),
  created_at              timestamptz NOT NULL,
  accepted_at             timestamptz,
  accepted_by             uuid,
  outcome                 text CHECK (outcome IN ('accompanied', 'redirected', 'no_contact', 'not_needed')),
  outcome_note            text,
  outcome_at              timestamptz,
  outcome_by              uuid
);
CREATE INDEX household_orientations_structure_idx ON household_orientations (structure_id, created_at DESC);
CREATE INDEX household_orientations_household_idx ON household_orientations (household_id);

-- Tasks for the CCAS: early detection flags, renewal reviews, erasure requests.
CREATE TABLE household_tasks (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id            uuid NOT NULL REFERENCES households(id) ON DELETE CASCADE,
  kind                    text NOT NULL CHECK (kind IN ('early_detection', 'renewal_review', 'orientation_outcome', 'follow_up')),
  note                    text,
  structure_id            uuid,
  created_by              uuid,
  created_at              timestamptz NOT NULL,
  assigned_to             uuid REFERENCES users(id) ON DELETE SET NULL,
  done_at                 timestamptz,
  done_by                 uuid
);
CREATE INDEX household_tasks_open_idx ON household_tasks (created_at) WHERE done_at IS NULL;
CREATE INDEX household_tasks_household_idx ON household_tasks (household_id);

-- Agents' notes on a family (timeline).
CREATE TABLE household_notes (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id            uuid NOT NULL REFERENCES households(id) ON DELETE CASCADE,
  author_id               uuid,
  at                      timestamptz NOT NULL,
  body                    text NOT NULL
);
CREATE INDEX household_notes_household_idx ON household_notes (household_id, at DESC);

-- An agent's opening of a file, with the reason typed; valid for a few hours.
CREATE TABLE household_access_grants (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id            uuid NOT NULL REFERENCES households(id) ON DELETE CASCADE,
  user_id                 uuid NOT NULL,
  reason                  text NOT NULL,
  opened_at               timestamptz NOT NULL,
  expires_at              timestamptz NOT NULL
);
CREATE INDEX household_access_grants_idx ON household_access_grants (household_id, user_id, expires_at DESC);

-- Yearly renewal (reconduction): one per household and campaign year.
CREATE TABLE household_renewals (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id            uuid NOT NULL REFERENCES households(id) ON DELETE CASCADE,
  campaign_year           int NOT NULL,
  opened_at               timestamptz NOT NULL,
  confirmed_at            timestamptz,
  confirmed_by            uuid,
  changes_count           int NOT NULL DEFAULT 0,
  CONSTRAINT household_renewals_year_key UNIQUE (household_id, campaign_year)
);

-- What the law makes us keep after an erasure (e.g. identity behind a granted aid),
-- until `retain_until`; a job purges expired rows. No FK: the household row is anonymised.
CREATE TABLE dossier_retention (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id            uuid NOT NULL,
  category                text NOT NULL,
  reference               text NOT NULL,
  legal_basis             text NOT NULL,
  kept                    jsonb NOT NULL,
  retain_until            date NOT NULL,
  created_at              timestamptz NOT NULL
);
CREATE INDEX dossier_retention_until_idx ON dossier_retention (retain_until);

-- Agents search by name, phone or child's first name (accent- and case-insensitive).
CREATE INDEX household_members_name_trgm ON household_members USING gin (immutable_unaccent(lower(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))) gin_trgm_ops);
CREATE INDEX household_children_name_trgm ON household_children USING gin (immutable_unaccent(lower(first_name)) gin_trgm_ops);
