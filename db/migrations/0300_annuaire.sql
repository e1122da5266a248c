-- Annuaire: structures and services of the local directory (data·inclusion v1), their
-- search columns, weekly opening intervals, territory indicators.
-- `raw` keeps every data·inclusion field as imported (or as a partner edited it) so the
-- export gives back what came in; the other columns are normalized copies for search.

CREATE TABLE annuaire_structures (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  source                text NOT NULL,
  di_id                 text NOT NULL,
  nom                   text NOT NULL,
  adresse               text,
  complement_adresse    text,
  code_postal           text,
  commune               text,
  latitude              double precision,
  longitude             double precision,
  telephone             text,
  courriel              text,
  site_web              text,
  horaires_accueil      text,
  date_maj              date,
  raw                   jsonb NOT NULL,
  -- Relais' own fields
  demo                  boolean NOT NULL DEFAULT false,
  label_ville_solidaire boolean NOT NULL DEFAULT false,
  pass_famille_solo     boolean NOT NULL DEFAULT false,
  pass_famille_solo_avantage text,
  coin_enfants          boolean NOT NULL DEFAULT false,
  poussettes            boolean NOT NULL DEFAULT false,
  langues               text[] NOT NULL DEFAULT '{}',
  date_verification     date,
  quartier              text,
  quartier_explicit     text,
  stale_reminded_at     timestamptz,
  import_seq            bigserial,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT annuaire_structures_source_id UNIQUE (source, di_id),
  CONSTRAINT annuaire_structures_coords CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX annuaire_structures_verification_idx ON annuaire_structures (coalesce(date_verification, date_maj));

CREATE TABLE annuaire_services (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  structure_id          uuid NOT NULL REFERENCES annuaire_structures(id) ON DELETE CASCADE,
  source                text NOT NULL,
  di_id                 text NOT NULL,
  nom                   text NOT NULL,
  description           text NOT NULL,
  type                  text,
  frais                 text,
  thematiques           text[] NOT NULL DEFAULT '{}',
  publics               text[] NOT NULL DEFAULT '{}',
  modes_accueil         text[] NOT NULL DEFAULT '{}',
  date_maj              date,
  raw                   jsonb NOT NULL,
  -- Relais' own fields
  demo                  boolean NOT NULL DEFAULT false,
  categorie             text,
  categorie_explicit    text,
  profession            text,
  -- Effective values (the service's own, else its structure's), for search and display.
  adresse               text,
  code_postal           text,
  commune               text,
  telephone             text,
  latitude              double precision,
  longitude             double precision,
  horaires_accueil      text,
  quartier              text,
  -- Open minutes of a typical week (Monday 00:00 = 0 … 10080), computed at import from
  -- horaires_accueil in Europe/Paris, so "open now / Saturday morning / after 18 h" is SQL.
  week_open             int4multirange NOT NULL DEFAULT '{}',
  -- Words searched besides name and description: structure name, theme and profession labels.
  search_extra          text NOT NULL DEFAULT '',
  search_tsv            tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('french_unaccent', nom), 'A') ||
    setweight(to_tsvector('french_unaccent', search_extra), 'B') ||
    setweight(to_tsvector('french_unaccent', description), 'C')
  ) STORED,
  import_seq            bigserial,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT annuaire_services_source_id UNIQUE (source, di_id),
  CONSTRAINT annuaire_services_coords CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX annuaire_services_structure_idx ON annuaire_services (structure_id);
CREATE INDEX annuaire_services_tsv_idx ON annuaire_services USING gin (search_tsv);
CREATE INDEX annuaire_services_thematiques_idx ON annuaire_services USING gin (thematiques);
CREATE INDEX annuaire_services_week_idx ON annuaire_services USING gist (week_open);
CREATE INDEX annuaire_services_earth_idx ON annuaire_services USING gist (ll_to_earth(latitude, longitude))
  WHERE latitude IS NOT NULL;
CREATE INDEX annuaire_services_categorie_idx ON annuaire_services (categorie);

-- Words of the directory (unaccented, lower case), to correct typos in searches
-- (nearest word by trigram distance).
CREATE TABLE annuaire_words (
  word text PRIMARY KEY
);
CREATE INDEX annuaire_words_trgm_idx ON annuaire_words USING gist (word gist_trgm_ops);
CREATE INDEX annuaire_words_prefix_idx ON annuaire_words (word text_pattern_ops);

-- Neighbourhood indicators of the territory (families, single-parent families, poverty
-- rate, children under 11…), entered or imported per year.
CREATE TABLE annuaire_territory_indicators (
  neighbourhood text NOT NULL,
  indicator     text NOT NULL CHECK (indicator IN ('familles', 'familles_monoparentales', 'taux_pauvrete_monoparentales', 'enfants_moins_11')),
  year          int NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  value         numeric NOT NULL CHECK (value >= 0),
  source        text,
  demo          boolean NOT NULL DEFAULT false,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (neighbourhood, indicator, year)
);
