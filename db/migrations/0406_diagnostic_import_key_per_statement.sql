-- Survey answers imported at disk speed (issue 20): an imported answer's import is checked
-- once per statement, for all the rows it wrote, instead of once per row.
--
-- The foreign key diagnostic_responses_import_fk (0405) ran a query per imported answer —
-- about a third of the server's work for 100,000 answers (0.5 of 1.5 s of CPU, measured by
-- dropping it). The same guarantees are kept by triggers, under the same constraint name and
-- error code (23503), and tested (import-keys.int.test.ts):
-- - rows written by INSERT or COPY: after each statement, the imports its rows name are
--   locked as a foreign key locks them (FOR KEY SHARE: an import being deleted waits for this
--   transaction, or is found gone) and each must exist with the row's questionnaire and
--   version, else the statement fails and nothing of it is kept;
-- - a row whose import, questionnaire or version changes: checked the same way, for that row;
-- - deleting an import deletes its answers (ON DELETE CASCADE); emptying the imports
--   (TRUNCATE) empties their answers; an import's keys are never changed.
-- The answers collected here (link, kiosk, demo: no import) keep their foreign key to the
-- version (diagnostic_responses_version_fk), checked per row as before.
ALTER TABLE diagnostic_responses DROP CONSTRAINT diagnostic_responses_import_fk;

-- The imports named by `rows` (import_id, questionnaire_id, version): locked, and each must exist.
CREATE FUNCTION diagnostic_check_imports(import_ids uuid[], questionnaire_ids uuid[], versions int[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  missing record;
BEGIN
  PERFORM 1 FROM diagnostic_imports WHERE id = ANY (import_ids) FOR KEY SHARE;
  SELECT k.import_id, k.questionnaire_id, k.version INTO missing
    FROM unnest(import_ids, questionnaire_ids, versions) AS k(import_id, questionnaire_id, version)
   WHERE NOT EXISTS (SELECT 1 FROM diagnostic_imports i
                      WHERE i.id = k.import_id AND i.questionnaire_id = k.questionnaire_id AND i.version = k.version)
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'insert or update on table "diagnostic_responses" violates foreign key constraint "diagnostic_responses_import_fk"'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'diagnostic_responses_import_fk', TABLE = 'diagnostic_responses',
            DETAIL = format('Key (import_id, questionnaire_id, version)=(%s, %s, %s) is not present in table "diagnostic_imports".',
                            missing.import_id, missing.questionnaire_id, missing.version);
  END IF;
END $$;

CREATE FUNCTION diagnostic_responses_imports_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  qs uuid[];
  vs int[];
BEGIN
  SELECT array_agg(import_id), array_agg(questionnaire_id), array_agg(version) INTO ids, qs, vs
    FROM (SELECT DISTINCT import_id, questionnaire_id, version FROM written WHERE import_id IS NOT NULL) k;
  IF ids IS NOT NULL THEN
    PERFORM diagnostic_check_imports(ids, qs, vs);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER diagnostic_responses_import_fk_insert
  AFTER INSERT ON diagnostic_responses REFERENCING NEW TABLE AS written
  FOR EACH STATEMENT EXECUTE FUNCTION diagnostic_responses_imports_inserted();

CREATE FUNCTION diagnostic_responses_import_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM diagnostic_check_imports(ARRAY[NEW.import_id], ARRAY[NEW.questionnaire_id], ARRAY[NEW.version]);
  RETURN NULL;
END $$;

CREATE TRIGGER diagnostic_responses_import_fk_update
  AFTER UPDATE OF import_id, questionnaire_id, version ON diagnostic_responses
  FOR EACH ROW
  WHEN (NEW.import_id IS NOT NULL AND (NEW.import_id, NEW.questionnaire_id, NEW.version) IS DISTINCT FROM (OLD.import_id, OLD.questionnaire_id, OLD.version))
  EXECUTE FUNCTION diagnostic_responses_import_changed();

CREATE FUNCTION diagnostic_imports_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM diagnostic_responses WHERE import_id IS NOT NULL;
  ELSE
    DELETE FROM diagnostic_responses WHERE import_id = OLD.id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER diagnostic_imports_cascade
  AFTER DELETE ON diagnostic_imports FOR EACH ROW EXECUTE FUNCTION diagnostic_imports_deleted();
CREATE TRIGGER diagnostic_imports_cascade_truncate
  AFTER TRUNCATE ON diagnostic_imports FOR EACH STATEMENT EXECUTE FUNCTION diagnostic_imports_deleted();

CREATE FUNCTION diagnostic_imports_keys_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'an import''s id, questionnaire and version are not changed'
    USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'diagnostic_responses_import_fk', TABLE = 'diagnostic_imports';
END $$;

CREATE TRIGGER diagnostic_imports_keys
  BEFORE UPDATE OF id, questionnaire_id, version ON diagnostic_imports
  FOR EACH ROW
  WHEN ((NEW.id, NEW.questionnaire_id, NEW.version) IS DISTINCT FROM (OLD.id, OLD.questionnaire_id, OLD.version))
  EXECUTE FUNCTION diagnostic_imports_keys_kept();

