-- A document's validity starts before it ends. NOT VALID: rows stored before are not
-- rechecked, every new or changed row is.
ALTER TABLE household_documents
  ADD CONSTRAINT household_documents_validity CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until) NOT VALID;
