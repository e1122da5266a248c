-- Listening sessions: a family invited from its household file. An agent or a coordinator who
-- opened the file (with a reason, audited by dossiers) invites the family to a session; the
-- family answers from its own account and chooses its consents itself. Only an accepted
-- invitation makes a participant (diagnostic_listening_participants.household_id), holding
-- only what the family agreed to be quoted with. The file's erasure deletes the family's
-- invitations and clears the participant's link (the dossiers erasure hook of diagnostic).

CREATE TABLE diagnostic_listening_invitations (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id      uuid NOT NULL REFERENCES diagnostic_listening_sessions(id) ON DELETE CASCADE,
  -- The household file it was sent from (no foreign key across modules).
  household_id    uuid NOT NULL,
  -- The parent's account that sees and answers it.
  user_id         uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  invited_by      uuid REFERENCES users(id) ON DELETE SET NULL,
  invited_at      timestamptz NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
  answered_at     timestamptz,
  participant_id  uuid REFERENCES diagnostic_listening_participants(id) ON DELETE SET NULL,
  CONSTRAINT diagnostic_listening_invitations_answered CHECK ((status = 'pending') = (answered_at IS NULL)),
  CONSTRAINT diagnostic_listening_invitations_participant CHECK (participant_id IS NULL OR status = 'accepted'),
  -- A family is invited once per session (a second invitation answers "already invited").
  CONSTRAINT diagnostic_listening_invitations_once UNIQUE (session_id, household_id)
);
CREATE INDEX diagnostic_listening_invitations_user_idx ON diagnostic_listening_invitations (user_id, invited_at DESC);
CREATE INDEX diagnostic_listening_invitations_household_idx ON diagnostic_listening_invitations (household_id);
