/**
 * What other modules plug into the file's life cycle, declared as data in their
 * ModuleDef (`hooks: { dossiers: { … } }`) and read here at wiring time (`wireDossiers`,
 * the dossiers module's `wire`), never registered by importing a file:
 * - a timeline source: their events about a family (requests, bookings, places…)
 *   shown in the agent's timeline;
 * - an erasure hook: erase or anonymise their own rows when a family's file is erased;
 * - a retention provider: what the law makes them keep (e.g. a granted aid) and until
 *   when; the identity fields named are kept in `dossier_retention` until that date,
 *   then purged by the `dossiers.purge-retention` job;
 * - an export source: their rows about the household, for the family's export;
 * - account hooks (`exportAccount`, `eraseAccount`): their rows keyed by a person's account
 *   (ideas, supports, group messages…), which exist with or without a household file. The
 *   parent's rights run them for its own account, file or no file; a household's export and
 *   erasure run them for the household's parent, so there is one path per module;
 * - forms: which fields of the file each of their forms needs, and why (`defineForm`);
 * - offers: what the family can ask from them, read from its file (local aids it may get…),
 *   shown on "Mon dossier" where the family already looks (GET /api/dossiers/me/offres);
 * - renewed: what they renew with the file's yearly renewal, in its transaction.
 */
import type { Ctx } from '../../platform/context';
import type { Queryable, Tx } from '../../platform/db/pool';
import type { ModuleDef } from '../../platform/module';
import { installForms, type FormDeclaration } from './form-registry';

export interface TimelineItem {
  at: string;
  kind: string;
  /** French, short, no value that is not already in the file. */
  title: string;
  detail?: string | null;
  module: string;
  subjectId?: string;
}

export type TimelineSource = (q: Queryable, householdId: string) => Promise<TimelineItem[]>;
export type ErasureHook = (t: Tx, householdId: string) => Promise<void>;

export interface RetentionNeed {
  /** e.g. `aides.granted-aid` */
  category: string;
  /** The kept record's id in its module. */
  reference: string;
  /** The legal text that makes us keep it (e.g. "Code général des collectivités territoriales, art. R. 2321-2"). */
  legalBasis: string;
  /** YYYY-MM-DD */
  retainUntil: string;
  /** Identity to keep with it, chosen among: parent.firstName, parent.lastName, parent.birthDate, address.line, address.postalCode, address.city. */
  keep: ('parent.firstName' | 'parent.lastName' | 'parent.birthDate' | 'address.line' | 'address.postalCode' | 'address.city')[];
}
export type RetentionProvider = (q: Queryable, householdId: string) => Promise<RetentionNeed[]>;

/** Rows another module stores about a household, for the family's export (every stored field). */
export type ExportSource = (q: Queryable, householdId: string) => Promise<Record<string, unknown[]>>;

/**
 * Rows another module stores about a person's account (keyed by the user, not the household),
 * for the person's export, whether or not it has a household file.
 */
export type AccountExportSource = (q: Queryable, userId: string) => Promise<Record<string, unknown[]>>;
/** Erase or anonymise a module's rows keyed by the account, in the erasure's transaction. */
export type AccountErasureHook = (t: Tx, userId: string) => Promise<void>;

/** One thing the family may ask for, in plain French (never a code, a field name or cents). */
export interface OfferItem {
  /** Stable within its module (e.g. the aid's id). */
  key: string;
  title: string;
  /** `yes`: the file says the family can get it; `maybe`: a question is still open. */
  likelihood: 'yes' | 'maybe';
  /** What it gives, e.g. "150 € en chèques par an". */
  gives: string;
  /** Why, or what is still to check, one sentence each. */
  why: string[];
  /** Where the family asks for it (a path of the web app). */
  href: string;
}

/** A module's offers for the family whose file it is, under the module's own heading. */
export interface OfferSection {
  module: string;
  title: string;
  items: OfferItem[];
  /** Where to see everything the module offers, with its conditions. */
  more: { href: string; label: string };
}

/** Called with the parent's context and its own household: the module reads what it needs itself. */
export type OffersSource = (ctx: Ctx, householdId: string) => Promise<OfferSection | null>;

/**
 * The family confirmed its file's yearly renewal (the file as it now stands, corrections
 * included): called inside that confirmation's transaction, with the family's context, so
 * what a module renews with the file commits (or fails) with it.
 */
export type RenewedHook = (t: Tx, ctx: Ctx, event: { householdId: string; campaignYear: number }) => Promise<void>;

/** What a module plugs into the household file: `hooks: { dossiers: { … } }` in its ModuleDef. */
export interface DossiersHooks {
  timeline?: TimelineSource;
  erasure?: ErasureHook;
  retention?: RetentionProvider;
  export?: ExportSource;
  /** Its rows keyed by the person's account, for its export (file or no file). */
  exportAccount?: AccountExportSource;
  /** Erase its rows keyed by the person's account (the account's erasure, or the household's parent's). */
  eraseAccount?: AccountErasureHook;
  /** Its forms (`defineForm`): `prefill` gives a form only the fields it declares. */
  forms?: readonly FormDeclaration[];
  /** What the family can ask from it, shown on "Mon dossier". */
  offers?: OffersSource;
  /** What it renews with the file's yearly renewal (e.g. the Pass Famille Solo). */
  renewed?: RenewedHook;
}

declare module '../../platform/module' {
  interface ModuleHooks {
    /** Plug into the household file (src/modules/dossiers/extensions.ts). */
    dossiers?: DossiersHooks;
  }
}

interface Wired {
  timeline: TimelineSource[];
  erasure: ErasureHook[];
  retention: RetentionProvider[];
  exporters: ExportSource[];
  accountExporters: AccountExportSource[];
  accountErasure: AccountErasureHook[];
  offers: OffersSource[];
  renewed: RenewedHook[];
}
const empty = (): Wired => ({ timeline: [], erasure: [], retention: [], exporters: [], accountExporters: [], accountErasure: [], offers: [], renewed: [] });
let wired: Wired = empty();

/** The dossiers module's `wire`: reads every module's `hooks.dossiers`, in module order. */
export function wireDossiers(modules: readonly ModuleDef[]): void {
  const next = empty();
  const forms: FormDeclaration[] = [];
  for (const m of modules) {
    const h = m.hooks?.dossiers;
    if (!h) continue;
    if (h.timeline) next.timeline.push(h.timeline);
    if (h.erasure) next.erasure.push(h.erasure);
    if (h.retention) next.retention.push(h.retention);
    if (h.export) next.exporters.push(h.export);
    if (h.exportAccount) next.accountExporters.push(h.exportAccount);
    if (h.eraseAccount) next.accountErasure.push(h.eraseAccount);
    if (h.offers) next.offers.push(h.offers);
    if (h.renewed) next.renewed.push(h.renewed);
    forms.push(...(h.forms ?? []));
  }
  installForms(forms);
  wired = next;
}

export const timelineSources = (): readonly TimelineSource[] => wired.timeline;
export const erasureHooks = (): readonly ErasureHook[] => wired.erasure;
export const retentionProviders = (): readonly RetentionProvider[] => wired.retention;
export const exportSources = (): readonly ExportSource[] => wired.exporters;
export const accountExportSources = (): readonly AccountExportSource[] => wired.accountExporters;
export const accountErasureHooks = (): readonly AccountErasureHook[] => wired.accountErasure;
export const offerSources = (): readonly OffersSource[] => wired.offers;
export const renewedHooks = (): readonly RenewedHook[] => wired.renewed;
