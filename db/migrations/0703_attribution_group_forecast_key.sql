-- The forecast meets a group's earlier namesakes by a stable key (site, age band, kind of
-- period) rather than by label; a coordinator maps a renamed or moved group to the key of the
-- earlier groups it continues.
ALTER TABLE attribution_groups ADD COLUMN forecast_key text CHECK (forecast_key IS NULL OR length(forecast_key) BETWEEN 1 AND 600);
