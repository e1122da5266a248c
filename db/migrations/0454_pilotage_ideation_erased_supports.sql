-- Ideation and the family's erasure: the supports of an erased account are deleted (who
-- supported what is personal data) but still counted, so a proposal's count, the action it
-- became and its evaluation keep their figure. Counts = rows of pilotage_supports + this.
ALTER TABLE pilotage_proposals ADD COLUMN erased_supports int NOT NULL DEFAULT 0 CONSTRAINT pilotage_proposals_erased_supports CHECK (erased_supports >= 0);
