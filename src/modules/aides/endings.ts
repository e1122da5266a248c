/**
 * When an aid the family receives (or asks for, or could get) ends: the aid's end date, or
 * the end of the calendar year of a yearly aid (to ask again). Which aids, when to tell,
 * and the notice in plain French. Pure.
 */
import type { AidDefinition } from './aid';

/** Families are told from this many days before an aid's end date, and up to this many days after it. */
export const END_NOTICE_DAYS = 30;

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** 2026-12-31 → "31 décembre 2026"; the 1st → "1er". */
export function frenchDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${d === 1 ? '1er' : d} ${MONTHS[m - 1]} ${y}`;
}

export function addDays(day: string, n: number): string {
  const t = Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** An aid with an end date near today (END_NOTICE_DAYS before or after). */
export function endsSoonOrJustEnded(aid: Pick<AidDefinition, 'end_date'>, today: string): boolean {
  return aid.end_date !== undefined && aid.end_date >= addDays(today, -END_NOTICE_DAYS) && aid.end_date <= addDays(today, END_NOTICE_DAYS);
}

/** An aid given once per calendar year (asked again each year). */
export function isYearly(aid: Pick<AidDefinition, 'benefit'>): boolean {
  return aid.benefit.kind === 'yearly_allowance' || (aid.benefit.kind === 'vouchers' && aid.benefit.per === 'year');
}

/** The renewal notice goes out from December 1st of the year the aid was granted. */
export function renewalSeason(today: string): boolean {
  return today.slice(5) >= '12-01';
}

export type Situation = 'receives' | 'asked' | 'eligible';
