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

export function endedNotice(title: string, endDate: string, today: string, situation: Situation): { subject: string; body: string } {
  const past = endDate < today;
  const when = `${past ? 'a pris fin' : 'prend fin'} le ${frenchDay(endDate)}`;
  const yours =
    situation === 'receives'
      ? 'Ce qui vous a été accordé reste acquis.'
      : situation === 'asked'
        ? 'Votre demande en cours reste instruite selon les règles du jour où elle a été déposée.'
        : `D'après votre dossier, vous pouviez l'obtenir : ${past ? 'elle ne peut plus être demandée' : `demandez-la avant le ${frenchDay(endDate)} si elle vous intéresse`}.`;
  return {
    subject: `L'aide « ${title} » ${when}`,
    body: `Bonjour,\n\nL'aide « ${title} » de la ville ${when}. ${yours}\n\nRetrouvez les autres aides de la ville dans la rubrique « Demander une aide ».`,
  };
}

export function renewalNotice(title: string, year: number): { subject: string; body: string } {
  return {
    subject: `« ${title} » : à demander à nouveau pour ${year + 1}`,
    body: `Bonjour,\n\nL'aide « ${title} » qui vous a été accordée pour ${year} prend fin le 31 décembre ${year}. Vous pourrez la demander à nouveau à partir du 1er janvier ${year + 1}, depuis la rubrique « Demander une aide ».`,
  };
}
