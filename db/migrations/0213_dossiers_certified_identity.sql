-- Issue 19: the parent's identity certified by FranceConnect (given names, birth name, birth
-- date) prefills the file and is locked there: who certified it and when. Cleared when the
-- family unlinks FranceConnect (the identity is theirs to correct again).
ALTER TABLE household_members
  ADD COLUMN identity_certified_by text CHECK (identity_certified_by IN ('franceconnect')),
  ADD COLUMN identity_certified_at timestamptz,
  ADD CONSTRAINT household_members_certified_parent CHECK (identity_certified_by IS NULL OR kind = 'parent'),
  ADD CONSTRAINT household_members_certified_at CHECK ((identity_certified_by IS NULL) = (identity_certified_at IS NULL));
