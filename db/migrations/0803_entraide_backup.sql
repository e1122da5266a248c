-- Garde de dépannage: a parent lists trusted neighbours (validated households it exchanged
-- contact details with); a short-notice request (sick child, job interview) reaches them all,
-- the first to accept takes it (a conditional update: never two takers).

CREATE TABLE entraide_roster (
  owner_household_id   uuid NOT NULL,
  member_household_id  uuid NOT NULL,
  -- the conversation where both shared their contact details (the reason of the trust)
  answer_id            uuid REFERENCES entraide_answers(id) ON DELETE SET NULL,
  added_at             timestamptz NOT NULL,
  PRIMARY KEY (owner_household_id, member_household_id),
  CONSTRAINT entraide_roster_not_self CHECK (owner_household_id <> member_household_id)
);
CREATE INDEX entraide_roster_member ON entraide_roster (member_household_id);

CREATE TABLE entraide_backup_requests (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id           uuid NOT NULL,
  reason                 text NOT NULL CHECK (reason IN ('enfant-malade', 'entretien', 'rendez-vous', 'autre')),
  note                   text NOT NULL DEFAULT '' CHECK (char_length(note) <= 500),
  starts_at              timestamptz NOT NULL,
  ends_at                timestamptz NOT NULL,
  status                 text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'taken', 'cancelled')),
  taken_by_household_id  uuid,
  taken_at               timestamptz,
  created_at             timestamptz NOT NULL,
  CONSTRAINT entraide_backup_dates CHECK (ends_at > starts_at AND ends_at <= starts_at + interval '24 hours'),
  CONSTRAINT entraide_backup_taken CHECK ((status = 'taken') = (taken_by_household_id IS NOT NULL))
);
CREATE INDEX entraide_backup_household ON entraide_backup_requests (household_id, created_at);
CREATE INDEX entraide_backup_open ON entraide_backup_requests (household_id) WHERE status = 'open';
