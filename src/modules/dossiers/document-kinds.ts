/** The kinds of document (justificatifs) of the family's file: the one list the API, the other modules and the pages use. Pure. */
export const DOCUMENT_KINDS = [
  'avis-imposition',
  'attestation-caf',
  'justificatif-domicile',
  'piece-identite',
  'jugement-garde',
  'bulletin-salaire',
  'attestation-pole-emploi',
  'autre',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A kind the file knows (anything else is filed as « autre » with its own label). */
export const isDocumentKind = (kind: string): kind is DocumentKind => (DOCUMENT_KINDS as readonly string[]).includes(kind);
