-- An orientation asks the family's consent as part of it (issue 18): the agent may orient
-- to any structure or service of the directory, not only to those the family already
-- shares with. Either the family gives its consent at the desk (recorded as such), or it
-- confirms from its own space: until then the orientation waits ('awaiting_consent'),
-- the structure does not see it and nothing is shared. A family may refuse
-- ('refused_by_family'). `consent_parts` are the parts of the file the agent proposes to
-- share, which the family's consent then covers.
ALTER TABLE household_orientations DROP CONSTRAINT household_orientations_status_check;
ALTER TABLE household_orientations
  ADD CONSTRAINT household_orientations_status_check
    CHECK (status IN ('awaiting_consent', 'refused_by_family', 'sent', 'accepted', 'declined', 'closed')),
  ADD COLUMN consent_parts text[],
  ADD COLUMN family_answered_at timestamptz;
