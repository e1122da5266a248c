-- Who a booking comes from (issue 14: motifs say who may book — the family online, an agent
-- at the desk, a partner structure on referral, the prescripteur of RDV-Service-Public).
-- `origin` feeds pilotage; a partner's booking records the structure that proposed it and
-- its name as the family read it at the time (« proposé par … »), which its confirmation repeats.
ALTER TABLE rdv_bookings
  ADD COLUMN origin text NOT NULL DEFAULT 'family' CHECK (origin IN ('family', 'desk', 'partner')),
  ADD COLUMN referrer_structure_id uuid,
  ADD COLUMN referrer_name text,
  ADD CONSTRAINT rdv_bookings_referrer CHECK ((origin = 'partner') = (referrer_structure_id IS NOT NULL AND referrer_name IS NOT NULL));

-- Bookings made so far by staff at the desk.
UPDATE rdv_bookings b SET origin = 'desk' FROM users u WHERE u.id = b.booked_by AND u.role IN ('agent', 'coordinator');

CREATE INDEX rdv_bookings_referrer_idx ON rdv_bookings (referrer_structure_id, household_id) WHERE referrer_structure_id IS NOT NULL;

ALTER TABLE rdv_notices ADD COLUMN referrer_name text;
