-- Attribution des places (issue 15): campaigns with groups of places and weighted criteria,
-- families' applications, allocation runs (what-if results are never stored; a published run
-- is), offers with a capacity guarantee, refusals carried into later campaigns.

CREATE TABLE attribution_campaigns (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- a campaign imported by `relais attribution run` keeps the file's fingerprint
  external_id       text UNIQUE,
  kind              text NOT NULL CHECK (kind IN ('repit', 'mercredis', 'vacances', 'activites', 'creche')),
  title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description       text NOT NULL DEFAULT '',
  opens_at          timestamptz,
  closes_at         timestamptz,
  offer_days        int NOT NULL DEFAULT 7 CHECK (offer_days BETWEEN 1 AND 60),
  status            text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed', 'published')),
  tie_break         text NOT NULL,
  is_demo           boolean NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  CHECK (closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at)
);

CREATE TABLE attribution_groups (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id       uuid NOT NULL REFERENCES attribution_campaigns(id) ON DELETE CASCADE,
  external_id       text NOT NULL,
  label             text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  capacity          int NOT NULL CHECK (capacity >= 0),
  age_min           int CHECK (age_min IS NULL OR age_min >= 0),
  age_max           int CHECK (age_max IS NULL OR age_max >= 0),
  site              text NOT NULL DEFAULT '',
  -- the period the places are for, free text shown as is ("juillet 2026", "mercredis 2026-2027")
  period            text NOT NULL DEFAULT '',
  position          int NOT NULL DEFAULT 0,
  UNIQUE (campaign_id, external_id)
);
CREATE INDEX attribution_groups_campaign ON attribution_groups (campaign_id, position);

CREATE TABLE attribution_criteria (
  campaign_id       uuid NOT NULL REFERENCES attribution_campaigns(id) ON DELETE CASCADE,
  code              text NOT NULL CHECK (length(code) BETWEEN 1 AND 200),
  label             text NOT NULL,
  description       text NOT NULL DEFAULT '',
  weight            numeric(8, 2) NOT NULL,
  -- what proves it: a document kind of the household file, or a field of the file (plain French)
  proof             text NOT NULL DEFAULT '',
  -- how Relais derives the value from the file: null = declared by the family
  derive            text,
  position          int NOT NULL DEFAULT 0,
  PRIMARY KEY (campaign_id, code)
);

CREATE TABLE attribution_applications (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id       uuid NOT NULL REFERENCES attribution_campaigns(id) ON DELETE CASCADE,
  -- per campaign, the number staff pages name the family by ("famille n° 12")
  number            int NOT NULL,
  household_id      uuid,
  child_id          uuid,
  child_first_name  text,
  child_birth_date  date,
  external_id       text,
  -- siblings kept together share a key (the core's "family")
  family_key        text NOT NULL,
  keep_together     boolean NOT NULL DEFAULT true,
  submitted_at      timestamptz NOT NULL,
  -- code → { value 0..1, source: prefilled | declared | verified, verifiedAt? }
  criteria          jsonb NOT NULL DEFAULT '{}'::jsonb,
  choices           uuid[] NOT NULL CHECK (cardinality(choices) >= 1),
  status            text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'withdrawn')),
  is_demo           boolean NOT NULL DEFAULT false,
  anonymised        boolean NOT NULL DEFAULT false,
  UNIQUE (campaign_id, number),
  UNIQUE (campaign_id, external_id)
);
CREATE UNIQUE INDEX attribution_applications_one_per_child ON attribution_applications (campaign_id, child_id) WHERE child_id IS NOT NULL AND status = 'submitted';
CREATE INDEX attribution_applications_household ON attribution_applications (household_id) WHERE household_id IS NOT NULL;

CREATE TABLE attribution_runs (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id       uuid NOT NULL REFERENCES attribution_campaigns(id) ON DELETE CASCADE,
  weights           jsonb NOT NULL,
  capacities        jsonb NOT NULL,
  groups            jsonb NOT NULL,
  created_at        timestamptz NOT NULL,
  created_by        uuid REFERENCES users(id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX attribution_runs_one_per_campaign ON attribution_runs (campaign_id);

CREATE TABLE attribution_results (
  run_id            uuid NOT NULL REFERENCES attribution_runs(id) ON DELETE CASCADE,
  application_id    uuid NOT NULL REFERENCES attribution_applications(id) ON DELETE CASCADE,
  score             numeric(10, 2) NOT NULL,
  breakdown         jsonb NOT NULL,
  rank              int NOT NULL,
  status            text NOT NULL CHECK (status IN ('admitted', 'waitlist')),
  group_id          uuid REFERENCES attribution_groups(id) ON DELETE CASCADE,
  position          int,
  PRIMARY KEY (run_id, application_id),
  CHECK ((status = 'admitted') = (group_id IS NOT NULL) AND (status = 'waitlist') = (position IS NOT NULL))
);

CREATE TABLE attribution_offers (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id    uuid NOT NULL REFERENCES attribution_applications(id) ON DELETE CASCADE,
  group_id          uuid NOT NULL REFERENCES attribution_groups(id) ON DELETE CASCADE,
  status            text NOT NULL DEFAULT 'offered' CHECK (status IN ('offered', 'confirmed', 'refused', 'expired')),
  created_at        timestamptz NOT NULL,
  expires_at        timestamptz NOT NULL,
  decided_at        timestamptz
);
-- one live offer per application
CREATE UNIQUE INDEX attribution_offers_live ON attribution_offers (application_id) WHERE status IN ('offered', 'confirmed');
CREATE INDEX attribution_offers_expiry ON attribution_offers (expires_at) WHERE status = 'offered';

-- A group never holds more live offers (offered or confirmed) than its places: checked under
-- the group's row lock, so two concurrent offers for the last place cannot both pass.
CREATE FUNCTION attribution_offers_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cap int;
  live int;
BEGIN
  IF NEW.status NOT IN ('offered', 'confirmed') THEN RETURN NEW; END IF;
  IF TG_OP = 'UPDATE' AND OLD.status IN ('offered', 'confirmed') AND OLD.group_id = NEW.group_id THEN RETURN NEW; END IF;
  SELECT capacity INTO cap FROM attribution_groups WHERE id = NEW.group_id FOR UPDATE;
  SELECT count(*) INTO live FROM attribution_offers WHERE group_id = NEW.group_id AND status IN ('offered', 'confirmed') AND id <> NEW.id;
  IF live + 1 > cap THEN
    RAISE EXCEPTION 'group % is full', NEW.group_id USING ERRCODE = '23514', CONSTRAINT = 'attribution_offers_capacity';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER attribution_offers_capacity BEFORE INSERT OR UPDATE ON attribution_offers
  FOR EACH ROW EXECUTE FUNCTION attribution_offers_capacity();

-- A refused matching offer, carried into the family's later campaigns (criterion "refus").
CREATE TABLE attribution_refusals (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id      uuid NOT NULL,
  campaign_id       uuid NOT NULL REFERENCES attribution_campaigns(id) ON DELETE CASCADE,
  offer_id          uuid NOT NULL UNIQUE REFERENCES attribution_offers(id) ON DELETE CASCADE,
  refused_at        timestamptz NOT NULL
);
CREATE INDEX attribution_refusals_household ON attribution_refusals (household_id, refused_at);
