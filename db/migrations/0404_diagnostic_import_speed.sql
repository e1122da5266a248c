-- Survey answers imported at disk speed (issue 20): what each written row costs the server.
--
-- The answers as `json` (their text, checked as JSON) instead of `jsonb` (parsed into a
-- binary tree): no SQL looks inside them — they are written whole and read whole, and
-- analysed in the application (response-table.ts) — so the tree was built on every write and
-- turned back into text on every read for nothing: ~40 % of the server's work per imported
-- row, and the results read 100,000 answers back as text faster.
ALTER TABLE diagnostic_responses
  ALTER answers DROP DEFAULT,
  ALTER answers TYPE json USING answers::json,
  ALTER answers SET DEFAULT '{}'::json;

-- The resume token and the link are unique where set; an imported row has neither, and no
-- longer puts a NULL entry in each of their two indexes. Lookups (`= $1`) and the link's
-- ON DELETE SET NULL use these partial indexes as before.
ALTER TABLE diagnostic_responses DROP CONSTRAINT diagnostic_responses_resume_token_hash_key;
CREATE UNIQUE INDEX diagnostic_responses_resume_token_uq ON diagnostic_responses (resume_token_hash) WHERE resume_token_hash IS NOT NULL;
ALTER TABLE diagnostic_responses DROP CONSTRAINT diagnostic_responses_link_id_key;
CREATE UNIQUE INDEX diagnostic_responses_link_uq ON diagnostic_responses (link_id) WHERE link_id IS NOT NULL;
