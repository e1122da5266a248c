-- Territory figures (INSEE-style: families, single-parent families, poverty rate, children
-- under 11…) by year, for the whole town, a neighbourhood or an IRIS, imported from CSV with
-- their source. An import replaces the figures of its year (kept by year: earlier years stay).

CREATE TABLE pilotage_territory_imports (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  year        int NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  source      text NOT NULL CHECK (length(source) BETWEEN 3 AND 500),
  file_name   text CHECK (length(file_name) <= 255),
  lines       int NOT NULL CHECK (lines >= 0),
  is_demo     boolean NOT NULL DEFAULT false,
  imported_by uuid REFERENCES users(id) ON DELETE SET NULL,
  imported_at timestamptz NOT NULL
);
CREATE INDEX pilotage_territory_imports_year_idx ON pilotage_territory_imports (year, imported_at DESC);

CREATE TABLE pilotage_territory_figures (
  import_id     uuid NOT NULL REFERENCES pilotage_territory_imports(id) ON DELETE CASCADE,
  year          int NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  -- '*': the whole town; a neighbourhood id of the town configuration; 'iris:' and the IRIS code
  area          text NOT NULL CHECK (area ~ '^(\*|[a-z0-9-]+|iris:[0-9][0-9AB][0-9]{7})$'),
  -- the neighbourhood an IRIS belongs to, as the file says (null: not said)
  neighbourhood text CHECK (neighbourhood ~ '^[a-z0-9-]+$'),
  figure        text NOT NULL CHECK (figure ~ '^[a-z0-9_]+$'),
  value         numeric NOT NULL CHECK (value >= 0),
  CONSTRAINT pilotage_territory_figures_pkey PRIMARY KEY (year, area, figure)
);
