/**
 * What other modules plug into the file's life cycle, declared at import time of
 * their module:
 * - a timeline source: their events about a family (requests, bookings, places…)
 *   shown in the agent's timeline;
 * - an erasure hook: erase or anonymise their own rows when a family's file is erased;
 * - a retention provider: what the law makes them keep (e.g. a granted aid) and until
 *   when; the identity fields named are kept in `dossier_retention` until that date,
 *   then purged by the `dossiers.purge-retention` job.
 */
import type { Queryable, Tx } from '../../platform/db/pool';

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

const timeline = new Map<string, TimelineSource>();
const exporters = new Map<string, ExportSource>();
const erasure = new Map<string, ErasureHook>();
const retention = new Map<string, RetentionProvider>();

export function registerTimelineSource(module: string, fn: TimelineSource): void {
  timeline.set(module, fn);
}
export function registerErasureHook(module: string, fn: ErasureHook): void {
  erasure.set(module, fn);
}
export function registerRetentionProvider(module: string, fn: RetentionProvider): void {
  retention.set(module, fn);
}
export function registerExportSource(module: string, fn: ExportSource): void {
  exporters.set(module, fn);
}
/** Tests only. */
export function unregisterExtension(module: string): void {
  timeline.delete(module);
  erasure.delete(module);
  retention.delete(module);
  exporters.delete(module);
}

export const timelineSources = () => [...timeline.values()];
export const erasureHooks = () => [...erasure.values()];
export const retentionProviders = () => [...retention.values()];
export const exportSources = () => [...exporters.values()];
