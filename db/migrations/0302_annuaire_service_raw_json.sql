-- A service's `raw` (every data·inclusion field as imported, for the lossless export) is
-- kept as `json`, its text, instead of `jsonb` (issue 20: imports at disk speed). No query
-- looks inside it but for a few fields of the page shown (`raw->>'…'`, which json answers
-- too); building jsonb's binary tree from each imported record was ~1 s of the server's CPU
-- per 100,000 services, checking the text as JSON costs a fraction of it. The structures'
-- `raw` (ten times fewer rows) stays jsonb.
ALTER TABLE annuaire_services ALTER COLUMN raw TYPE json USING raw::json;
