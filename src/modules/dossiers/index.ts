/**
 * The household file (dossier unique) as other modules use it. Nothing else of this
 * folder is imported from outside.
 *
 *   // in your ModuleDef: which fields your form needs, and why (see DossiersHooks)
 *   hooks: { dossiers: { forms: [defineForm('aides.request', { title: "Demande d'aide", purpose: '…', fields: ['parent.lastName', 'quotient.value'] })] } }
 *
 *   const h = await getHouseholdForUser(ctx);                 // the parent's own file (or null)
 *   const p = await prefill(ctx, householdId, 'aides.request'); // only the declared fields, access checked
 *   await assertCanAccess(ctx, householdId, 'aides.instruct');  // parent: own; staff: opened with a reason; partner: consented
 *   const input = toDroitsInput(h, '2026-03');                  // the rights simulator's household
 *
 * Life-cycle hooks, in your ModuleDef's `hooks: { dossiers: { … } }` (DossiersHooks):
 * `timeline` (agent's timeline), `erasure` (erase your rows when a family's file is
 * erased), `retention` (what the law makes you keep, until when), `export` (your rows in
 * the family's export), `forms`.
 */
export { defineForm, getForm, listForms, fieldUsage, type FormDeclaration } from './form-registry';
export { FIELDS, FIELD_KEYS, PARTS, PART_LABELS, projectHousehold, fieldsOfParts, type FieldKey, type Part, type ProjectedHousehold } from './fields';
export { assertCanAccess, type HouseholdAccess } from './access';
/** The parent's identity certified by FranceConnect fills and locks the file (wired as `hooks.auth` in dossiers.module.ts). */
export { applyCertifiedIdentity, withdrawCertification } from './certified-identity';
export { getHouseholdForUser, prefill, readHouseholdAsSystem, householdNeighbourhoods, activeHouseholdIds, type Prefill } from './prefill';
/** Indicator values by the neighbourhood of each row's household (the action plan's figures of every module). */
export { valuesByHouseholdNeighbourhood, sumsByHouseholdNeighbourhood } from './neighbourhood-values';
export { familyCard, familyCardOfUser, type FamilyCard } from './family-card.store';
export { staffFamilyCard } from './card-access';
/** A document of the family's file, added (the family's own or an opened file) and read (access and audit as dossiers requires). */
export { addDocument, readDocumentFile, type DocumentInput as FileDocumentInput } from './household.service';
export { isDocumentKind } from './document-kinds';
export { documentsMeta, type DocumentMeta } from './document-meta.store';
export { toDroitsInput, droitsMissingFields, DROITS_FIELDS } from './droits-input';
export { computeQuotient, quotientParts, resolveQuotient } from './quotient';
export { ageOn, dependentChildren, type Household, type Child, type Parent, type Situation, type Housing, type Address } from './household';
export type { DossiersHooks, TimelineItem, RetentionNeed, OfferItem, OfferSection } from './extensions';
export type { FileOffers } from './offers.schemas';
export { PURPOSES, type Purpose } from './purposes';
export type { DeskConsents, DirectoryStructure, OrientationRequest, RecentFamily } from './desk.schemas';
export type { DraftData, DraftOut, DraftSaved } from './draft.schemas';
/** The API's answers, inferred from the response schemas (the web imports these, type-only). */
export type {
  AuditTrailEntry,
  Caseload,
  ChildInput,
  ConsentOut,
  DroitsInputOut,
  FieldsInfo,
  HistoryEntry,
  HouseholdExport,
  HouseholdOut,
  MyFile,
  MyRenewal,
  PartnerHousehold,
  PartnerHouseholdListItem,
  PartnerOrientation,
  PartnerOrientationListItem,
  PrefillOut,
  ProjectedHouseholdOut,
  RenewalConfirmed,
  RetentionEntry,
  SearchResult,
  TimelineEntry,
} from './dossiers.schemas';
