import type { Situation } from '../../../src/modules/dossiers/index';

/** Shapes of the dossiers API, as the pages use them. */
export interface Child {
  id?: string;
  firstName: string;
  lastName?: string | null;
  birthDate: string;
  custody?: 'full' | 'alternate' | 'visiting';
  schoolName?: string | null;
  schoolLevel?: string | null;
}

export interface DocumentMeta {
  id: string;
  kind: string;
  label: string | null;
  validFrom: string | null;
  validUntil: string | null;
  hasFile: boolean;
  originalName: string | null;
  expired: boolean;
}

export interface Household {
  id: string;
  version: number;
  updatedAt: string;
  lastConfirmedAt: string | null;
  parent: { firstName: string | null; lastName: string | null; birthDate: string | null; phone: string | null; email: string | null };
  otherParent: { firstName: string | null; lastName: string | null; custody: string | null; alimonyDueMonthlyCents: number | null; alimonyPaidRegularly: boolean | null } | null;
  children: (Child & { id: string })[];
  address: { line: string | null; postalCode: string | null; city: string | null; inseeCode: string | null; neighbourhoodId: string | null };
  situation: Situation;
  housing: { status: string | null; rentMonthlyCents: number | null };
  quotient: { value: number | null; source: 'entered' | 'computed' | null; entered: number | null };
  documents: DocumentMeta[];
}

export interface FieldUsage {
  key: string;
  label: string;
  part: string;
  usedBy: { formId: string; module: string; title: string; purpose: string }[];
}

export interface FieldsInfo {
  fields: FieldUsage[];
  parts: { id: string; label: string }[];
  purposes: { id: string; label: string }[];
}

export const frDate = (iso: string | null | undefined) =>
  iso ? new Date(iso.length === 10 ? `${iso}T12:00:00` : iso).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' }) : '—';
export const frDateTime = (iso: string) => new Date(iso).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
