-- A proof a family attaches to its application is a document of its file (household_documents,
-- through dossiers): it shows in the family's documents list, its validity dates apply, and a
-- staff read goes through the file's access rules (opened with a reason, audited). The
-- attribution row only links it to the campaign and criterion; proofs stored before keep
-- their content here (read under the same access rules).
ALTER TABLE attribution_documents ALTER COLUMN content DROP NOT NULL;
ALTER TABLE attribution_documents ADD COLUMN household_document_id uuid;
ALTER TABLE attribution_documents ADD CONSTRAINT attribution_documents_stored CHECK (content IS NOT NULL OR household_document_id IS NOT NULL);
