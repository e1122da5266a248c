-- Garde partagée: cooperatives of 2–4 families sharing a childminder at home; each family's
-- weekly hours (a default pattern with alternating custody weeks, and week-by-week changes).
CREATE TABLE entraide_coops (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name                text NOT NULL CHECK (char_length(name) BETWEEN 2 AND 80),
  neighbourhood_id    text NOT NULL,
  -- the childminder's cost per hour, employer charges included
  hourly_cost_cents   int NOT NULL CHECK (hourly_cost_cents BETWEEN 100 AND 10000),
  is_demo             boolean NOT NULL DEFAULT false,
  created_at          timestamptz NOT NULL
);

CREATE TABLE entraide_coop_members (
  coop_id            uuid NOT NULL REFERENCES entraide_coops(id) ON DELETE CASCADE,
  household_id       uuid NOT NULL,
  minutes_per_week   int NOT NULL CHECK (minutes_per_week BETWEEN 0 AND 3600),
  custody            text NOT NULL DEFAULT 'all' CHECK (custody IN ('all', 'even', 'odd')),
  joined_at          timestamptz NOT NULL,
  PRIMARY KEY (coop_id, household_id)
);
CREATE INDEX entraide_coop_members_household ON entraide_coop_members (household_id);

-- A week that differs from the pattern (holidays, a change of shift): the family's minutes that week.
CREATE TABLE entraide_coop_weeks (
  coop_id       uuid NOT NULL REFERENCES entraide_coops(id) ON DELETE CASCADE,
  household_id  uuid NOT NULL,
  monday        date NOT NULL CHECK (extract(isodow FROM monday) = 1),
  minutes       int NOT NULL CHECK (minutes BETWEEN 0 AND 3600),
  PRIMARY KEY (coop_id, household_id, monday)
);
