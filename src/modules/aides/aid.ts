/**
 * A local aid as data (rules/aides/<id>.yaml, then `aid_versions` rows): who may get it,
 * what it gives, what to bring, how to ask. Keys in English, texts in French; money in
 * integer cents. The JSON Schema (rules/aides/aid.schema.json) is the one validation of
 * this shape; these types mirror it. Pure: no I/O.
 */
import type { Kind as ChequesKind } from '../cheques/index';
import { DOCUMENT_KINDS as FILE_DOCUMENT_KINDS } from '../dossiers/shared';

/** The family's employment situation, as an aid's condition reads it. */
export const EMPLOYMENTS = ['en_emploi', 'demandeur_emploi', 'en_formation', 'sans_activite'] as const;
export type Employment = (typeof EMPLOYMENTS)[number];

export const HOUSING_KINDS = ['locataire_hlm', 'locataire_vide', 'locataire_meuble', 'loge_gratuitement', 'proprietaire'] as const;
export type HousingKind = (typeof HOUSING_KINDS)[number];

/** What an aid may ask for: the justificatif kinds of the household file (dossiers), and a quote. */
export const DOCUMENT_KINDS = [...FILE_DOCUMENT_KINDS, 'devis'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export type Period = 'month' | 'year';

export type Condition =
  | { kind: 'single_parent' }
  | { kind: 'quotient_familial'; max_cents: number; period: Period }
  | { kind: 'resources'; max_cents: number; period: Period }
  | { kind: 'child_age'; min_years?: number; max_years?: number }
  | { kind: 'employment'; among: Employment[] }
  | { kind: 'residence'; min_months: number }
  | { kind: 'housing'; among: HousingKind[] }
  | { kind: 'not_received_this_year' };

export interface Profile {
  label: string;
  /** Served first when the fund is short (e.g. job seekers for the driving licence). */
  priority?: boolean;
  conditions: Condition[];
}

export type Benefit =
  | { kind: 'fixed'; amount_cents: number }
  | { kind: 'cost_share'; rate_percent: number; cap_cents: number }
  | { kind: 'yearly_allowance'; amount_cents: number }
  | { kind: 'loan'; max_cents: number; rate_percent: number; months: number }
  // The kind of chèques credited to the family's account (module cheques).
  | { kind: 'vouchers'; amount_cents: number; voucher: ChequesKind; per: 'year' | 'once' }
  // The Pass Famille Solo (module cheques): not asked by a request; the chèques module issues
  // it from the family's file while this aid says eligible.
  | { kind: 'pass' };

export interface RequiredDocument {
  kind: DocumentKind;
  label: string;
  /** A document older than this (its start of validity) is asked again. */
  max_age_months?: number;
}

/** What the request form asks beyond the household file. */
export interface RequestField {
  key: string;
  label: string;
  type: 'money' | 'text';
  required: boolean;
}

export interface AidDefinition {
  id: string;
  /** Demo thresholds: not a decision of any town council. */
  demo: boolean;
  title: string;
  summary: string;
  summary_easy: string;
  fund: string;
  territory: { communes: string[]; neighbourhoods: string[] };
  conditions: Condition[];
  /** OR-ed; empty = every household meeting `conditions`. */
  profiles: Profile[];
  benefit: Benefit;
  documents: RequiredDocument[];
  request_fields: RequestField[];
  /** Household file fields the request form shows prefilled (dossiers field keys). */
  file_fields: string[];
  how_to_ask: string;
  /** YYYY-MM-DD, last day the aid can be asked; absent = open-ended. */
  end_date?: string;
  /** Where it comes from (the plan's measure). */
  source: string;
}

/** An aid the family asks for with a request (the Pass is issued from the file instead). */
export function isRequestable(aid: Pick<AidDefinition, 'benefit'>): boolean {
  return aid.benefit.kind !== 'pass';
}

export function isEnded(aid: Pick<AidDefinition, 'end_date'>, today: string): boolean {
  return aid.end_date !== undefined && aid.end_date < today;
}
