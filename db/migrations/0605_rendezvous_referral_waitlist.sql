-- A partner structure (the prescripteur of RDV-Service-Public) may put a family that consented on
-- the waitlist of a full slot of a referral motif: the entry records the structure and its name,
-- so that the partner sees and withdraws the entries it made, and the booking the family accepts
-- from it stays « proposé par » that structure (its origin is the partner's).
ALTER TABLE rdv_waitlist
  ADD COLUMN referrer_structure_id uuid,
  ADD COLUMN referrer_name text,
  ADD CONSTRAINT rdv_waitlist_referrer CHECK ((referrer_structure_id IS NULL) = (referrer_name IS NULL));

CREATE INDEX rdv_waitlist_referrer_idx ON rdv_waitlist (referrer_structure_id, household_id) WHERE referrer_structure_id IS NOT NULL;
