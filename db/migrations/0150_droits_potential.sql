-- Droits potentiels: the estimate a family chose to save in its household file, and a
-- count of simulations run (indicator droits.simulations, no personal data).
-- household_id refers to dossiers' households (created by a later migration, so no
-- foreign key here); rows are erased through dossiers' erasure hook.

CREATE TABLE droits_estimates (
  household_id    uuid PRIMARY KEY,
  -- the household as the simulator received it (benefits-sample `input` format)
  input           jsonb NOT NULL,
  -- benefit keys the family said it already receives
  received        text[] NOT NULL DEFAULT '{}',
  period          text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  -- the revaluation (parameter date) the amounts were computed with
  parameter_date  date NOT NULL,
  -- amounts in integer cents per benefit key (before CRDS, and paid after CRDS)
  amounts_cents   jsonb NOT NULL,
  net_cents       jsonb NOT NULL,
  -- benefit keys likely missed (amount > 0 and not received)
  missed          text[] NOT NULL DEFAULT '{}',
  saved_by        uuid,
  saved_at        timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  notified_at     timestamptz
);
CREATE INDEX droits_estimates_parameter_date_idx ON droits_estimates (parameter_date);

CREATE TABLE droits_simulation_runs (
  id               bigserial PRIMARY KEY,
  ran_at           timestamptz NOT NULL,
  neighbourhood_id text,
  source           text NOT NULL CHECK (source IN ('simulateur', 'potentiels', 'agent'))
);
CREATE INDEX droits_simulation_runs_ran_at_idx ON droits_simulation_runs (ran_at);
