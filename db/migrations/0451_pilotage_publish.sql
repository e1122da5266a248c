-- A coordinator may publish a read-only public summary of a plan (statuses and town-wide
-- indicator values, never figures by neighbourhood).
ALTER TABLE pilotage_plans ADD COLUMN published_at timestamptz;
