/** Shapes of the dossiers API, as the pages use them: inferred from the module's response schemas (type-only). */
import type { ChildInput, FieldsInfo, HouseholdOut } from '../../../src/modules/dossiers';

export type { FieldsInfo };
/** A child as the form edits it (the request's shape). */
export type Child = ChildInput;
export type Household = HouseholdOut;
export type DocumentMeta = Household['documents'][number];
export type FieldUsage = FieldsInfo['fields'][number];

export const frDate = (iso: string | null | undefined) =>
  iso ? new Date(iso.length === 10 ? `${iso}T12:00:00` : iso).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' }) : '—';
export const frDateTime = (iso: string) => new Date(iso).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
