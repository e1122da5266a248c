-- One definition of the rent between the file and the rights simulator: the rent
-- WITHOUT charges (loyer principal), the figure the housing aid uses (code de la
-- construction et de l'habitation, livre VIII: the rent retained excludes charges,
-- which count as a forfait; OpenFisca-France keeps `loyer` and `charges_locatives`
-- apart and adds the forfait). The file used to ask the rent "charges comprises",
-- which overestimated the aid once copied into the simulator.
--
-- Existing rents cannot be split honestly: the figure typed "charges comprises" is
-- kept aside (rent_with_charges_former_cents, shown to the family as what it typed),
-- the rent itself is emptied so that nothing computes on it until the family gives the
-- rent without charges; the history says what happened and why (source 'system').
-- Charges are asked separately (optional): local housing aids read the whole cost.

ALTER TABLE households
  ADD COLUMN charges_monthly_cents int CHECK (charges_monthly_cents >= 0),
  ADD COLUMN rent_with_charges_former_cents int CHECK (rent_with_charges_former_cents >= 0);

COMMENT ON COLUMN households.rent_monthly_cents IS 'Loyer principal par mois, SANS les charges (aide au logement).';
COMMENT ON COLUMN households.charges_monthly_cents IS 'Charges locatives par mois, à part (optionnel).';
COMMENT ON COLUMN households.rent_with_charges_former_cents IS 'Loyer charges comprises saisi avant 0210, gardé pour le montrer à la famille.';

INSERT INTO household_changes (household_id, version, at, actor_id, actor_role, source, field, old_value, new_value)
SELECT id, version + 1, now(), NULL, NULL, 'system', 'housing.rentMonthlyCents', to_jsonb(rent_monthly_cents), 'null'::jsonb
  FROM households
 WHERE status = 'active' AND rent_monthly_cents IS NOT NULL;

UPDATE households
   SET rent_with_charges_former_cents = rent_monthly_cents,
       rent_monthly_cents = NULL,
       version = version + 1
 WHERE status = 'active' AND rent_monthly_cents IS NOT NULL;
