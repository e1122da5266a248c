-- Attribution (issue 15): each criterion names the kind of document that proves it (null: a
-- field of the family's file or Relais' own records prove it); a family attaches that document
-- to its application from the form, staff read it (audited); an offer says whether it was made
-- at publication or for a place a refusal or an expiry freed (staff follow a place onwards).

ALTER TABLE attribution_criteria ADD COLUMN proof_document text
  CHECK (proof_document IS NULL OR proof_document IN ('attestation-caf', 'avis-imposition', 'jugement-garde', 'bulletin-salaire',
    'attestation-formation', 'attestation-pole-emploi', 'notification-mdph', 'courrier-travailleur-social', 'justificatif-domicile', 'autre'));
UPDATE attribution_criteria SET proof_document = CASE
  WHEN derive = 'single_parent' THEN 'jugement-garde'
  WHEN derive = 'work' THEN 'bulletin-salaire'
  WHEN derive LIKE 'qf:%' THEN 'attestation-caf'
  WHEN code = 'handicap' THEN 'notification-mdph'
  WHEN code = 'orientation_sociale' THEN 'courrier-travailleur-social'
END;

-- One document per family, campaign and criterion (a new one replaces it). The content is
-- kept in the database: it goes with the application's transaction, its backup and its erasure.
CREATE TABLE attribution_documents (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id       uuid NOT NULL REFERENCES attribution_campaigns(id) ON DELETE CASCADE,
  household_id      uuid NOT NULL,
  criterion_code    text NOT NULL,
  original_name     text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 200),
  mime_type         text NOT NULL CHECK (mime_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes        int NOT NULL CHECK (size_bytes > 0),
  content           bytea NOT NULL,
  uploaded_at       timestamptz NOT NULL,
  uploaded_by       uuid REFERENCES users(id) ON DELETE SET NULL,
  CONSTRAINT attribution_documents_one_per_criterion UNIQUE (campaign_id, household_id, criterion_code)
);
CREATE INDEX attribution_documents_household ON attribution_documents (household_id);

ALTER TABLE attribution_offers ADD COLUMN passed_on boolean NOT NULL DEFAULT false;
