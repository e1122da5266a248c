-- The territory figure a plan indicator's count is reported to (« pour 1 000 … »), chosen per
-- indicator by the coordination: families with children, single-parent families (the default,
-- as before) or children under 11. Read only for counts (never a rate, a mean or a share).
ALTER TABLE pilotage_indicators ADD COLUMN denominator text NOT NULL DEFAULT 'familles_monoparentales'
  CONSTRAINT pilotage_indicators_denominator CHECK (denominator IN ('familles', 'familles_monoparentales', 'enfants_moins_11'));
