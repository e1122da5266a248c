-- Pilotage: the town's action plans (plan → axes → strategic objectives → actions →
-- indicators) and the indicators' values, snapshotted per month and neighbourhood so
-- that history charts exist. Evaluation reports ("bilan de l'expérimentation") per action.

CREATE TABLE pilotage_plans (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description text NOT NULL DEFAULT '',
  -- Where the plan comes from (a published document), shown with the plan.
  source      text,
  is_demo     boolean NOT NULL DEFAULT false,
  created_by  uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);

CREATE TABLE pilotage_axes (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id     uuid NOT NULL REFERENCES pilotage_plans(id) ON DELETE CASCADE,
  position    int NOT NULL,
  code        text NOT NULL DEFAULT '',
  title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description text NOT NULL DEFAULT '',
  -- The axis' strategic objectives as the plan states them (Dijon: "Objectif 1 : …").
  goals       text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX pilotage_axes_plan_idx ON pilotage_axes (plan_id, position);

CREATE TABLE pilotage_objectives (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  axis_id     uuid NOT NULL REFERENCES pilotage_axes(id) ON DELETE CASCADE,
  position    int NOT NULL,
  code        text NOT NULL DEFAULT '',
  title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description text NOT NULL DEFAULT ''
);
CREATE INDEX pilotage_objectives_axis_idx ON pilotage_objectives (axis_id, position);

CREATE TABLE pilotage_actions (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  objective_id         uuid NOT NULL REFERENCES pilotage_objectives(id) ON DELETE CASCADE,
  position             int NOT NULL,
  title                text NOT NULL CHECK (length(title) BETWEEN 1 AND 600),
  description          text NOT NULL DEFAULT '',
  lead_service         text NOT NULL DEFAULT '',
  -- Partners as named in the plan, and the directory structures that may read the action.
  partners             text[] NOT NULL DEFAULT '{}',
  partner_structure_ids uuid[] NOT NULL DEFAULT '{}',
  -- Neighbourhood ids of the town configuration (empty: the whole town).
  neighbourhoods       text[] NOT NULL DEFAULT '{}',
  status               text NOT NULL DEFAULT 'a_lancer' CHECK (status IN ('a_lancer', 'en_cours', 'realisee', 'abandonnee')),
  budget_planned_cents bigint CHECK (budget_planned_cents >= 0),
  budget_spent_cents   bigint CHECK (budget_spent_cents >= 0),
  start_date           date,
  end_date             date,
  updated_at           timestamptz NOT NULL,
  CONSTRAINT pilotage_actions_dates CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX pilotage_actions_objective_idx ON pilotage_actions (objective_id, position);
CREATE INDEX pilotage_actions_partners_idx ON pilotage_actions USING gin (partner_structure_ids);

CREATE TABLE pilotage_indicators (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  action_id   uuid NOT NULL REFERENCES pilotage_actions(id) ON DELETE CASCADE,
  position    int NOT NULL,
  label       text NOT NULL CHECK (length(label) BETWEEN 1 AND 300),
  unit        text NOT NULL DEFAULT '',
  baseline    numeric,
  -- null: "à définir" (the plan does not give it)
  target      numeric,
  direction   text NOT NULL DEFAULT 'increase' CHECK (direction IN ('increase', 'decrease', 'maintain')),
  source      text NOT NULL CHECK (source IN ('manual', 'relais', 'questionnaire')),
  -- source 'relais': an id of the platform indicator registry (`module.name`)
  relais_id   text,
  -- source 'questionnaire': { questionnaireId, measure, question?, option? }
  questionnaire jsonb,
  CONSTRAINT pilotage_indicators_source CHECK (
    (source = 'manual' AND relais_id IS NULL AND questionnaire IS NULL)
    OR (source = 'relais' AND relais_id IS NOT NULL AND questionnaire IS NULL)
    OR (source = 'questionnaire' AND relais_id IS NULL AND questionnaire IS NOT NULL))
);
CREATE INDEX pilotage_indicators_action_idx ON pilotage_indicators (action_id, position);

-- One value per indicator, month and neighbourhood. neighbourhood: a town id, '*' for the
-- whole town, '?' for "not located".
CREATE TABLE pilotage_values (
  indicator_id uuid NOT NULL REFERENCES pilotage_indicators(id) ON DELETE CASCADE,
  period       text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  neighbourhood text NOT NULL CHECK (neighbourhood ~ '^(\*|\?|[a-z0-9-]+)$'),
  value        numeric NOT NULL,
  -- respondents a questionnaire value rests on
  base         int,
  origin       text NOT NULL CHECK (origin IN ('manual', 'computed')),
  recorded_by  uuid REFERENCES users(id) ON DELETE SET NULL,
  recorded_at  timestamptz NOT NULL,
  PRIMARY KEY (indicator_id, period, neighbourhood)
);

-- The evaluation of an experiment (bilan de l'expérimentation), one per action.
CREATE TABLE pilotage_evaluations (
  action_id                 uuid PRIMARY KEY REFERENCES pilotage_actions(id) ON DELETE CASCADE,
  title                     text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  period_from               text NOT NULL CHECK (period_from ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  period_to                 text NOT NULL CHECK (period_to ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  reached_indicator_id      uuid REFERENCES pilotage_indicators(id) ON DELETE SET NULL,
  satisfaction_indicator_id uuid REFERENCES pilotage_indicators(id) ON DELETE SET NULL,
  participation_indicator_id uuid REFERENCES pilotage_indicators(id) ON DELETE SET NULL,
  obstacles                 text NOT NULL DEFAULT '',
  conclusions               text NOT NULL DEFAULT '',
  updated_at                timestamptz NOT NULL,
  CONSTRAINT pilotage_evaluations_periods CHECK (period_to >= period_from)
);
