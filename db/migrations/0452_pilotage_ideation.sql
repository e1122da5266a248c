-- Ideation: proposals collected in a workshop (entered by a coordinator) or online (a parent,
-- moderated before publication), supported by parents (one support per account), grouped by
-- axis of a plan; a coordinator turns one into an action of the plan. The proposal's events
-- (published, refused, became an action, the action started or changed) are what its author
-- and supporters are told; `told_at` is set once the notifications are queued.

ALTER TABLE pilotage_plans ADD COLUMN ideation_open boolean NOT NULL DEFAULT false;

CREATE TABLE pilotage_proposals (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id        uuid NOT NULL REFERENCES pilotage_plans(id) ON DELETE CASCADE,
  axis_id        uuid REFERENCES pilotage_axes(id) ON DELETE SET NULL,
  title          text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  body           text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  origin         text NOT NULL CHECK (origin IN ('online', 'workshop')),
  -- The workshop it comes from, as the coordinator names it ("Atelier d'idéation, centre social Nord, 12 mars").
  workshop       text CHECK (length(workshop) BETWEEN 1 AND 300),
  author_id      uuid REFERENCES users(id) ON DELETE SET NULL,
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'published', 'refused')),
  refusal_reason text CHECK (length(refusal_reason) BETWEEN 3 AND 1000),
  moderated_by   uuid REFERENCES users(id) ON DELETE SET NULL,
  moderated_at   timestamptz,
  -- The action of the plan it became (one proposal, one action).
  action_id      uuid REFERENCES pilotage_actions(id) ON DELETE SET NULL,
  is_demo        boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL,
  CONSTRAINT pilotage_proposals_action_key UNIQUE (action_id),
  CONSTRAINT pilotage_proposals_refusal CHECK ((status = 'refused') = (refusal_reason IS NOT NULL)),
  CONSTRAINT pilotage_proposals_workshop CHECK ((origin = 'workshop') = (workshop IS NOT NULL)),
  CONSTRAINT pilotage_proposals_action_published CHECK (action_id IS NULL OR status = 'published')
);
CREATE INDEX pilotage_proposals_plan_idx ON pilotage_proposals (plan_id, status);
CREATE INDEX pilotage_proposals_author_idx ON pilotage_proposals (author_id);

-- One support per account and proposal.
CREATE TABLE pilotage_supports (
  proposal_id uuid NOT NULL REFERENCES pilotage_proposals(id) ON DELETE CASCADE,
  user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL,
  CONSTRAINT pilotage_supports_pkey PRIMARY KEY (proposal_id, user_id)
);
CREATE INDEX pilotage_supports_user_idx ON pilotage_supports (user_id);

CREATE TABLE pilotage_proposal_events (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the order events happened in (several may share a moment)
  seq         bigint GENERATED ALWAYS AS IDENTITY,
  proposal_id uuid NOT NULL REFERENCES pilotage_proposals(id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('published', 'refused', 'became-action', 'action-status', 'action-news')),
  -- the action's new status (action-status), the refusal's reason (refused), the coordinator's news (action-news)
  detail      text,
  at          timestamptz NOT NULL,
  told_at     timestamptz
);
CREATE INDEX pilotage_proposal_events_proposal_idx ON pilotage_proposal_events (proposal_id, at);
CREATE INDEX pilotage_proposal_events_untold_idx ON pilotage_proposal_events (at) WHERE told_at IS NULL;
