/**
 * What the family is told about its requests and the aids that end, in its language (users.locale):
 * the texts are src/modules/aides/messages/<locale>.json (`aides.status`, `aides.ending`); this file
 * gives their variables, amounts and days written for the reader. What an agent wrote, and the town's
 * labels of documents, stay as written (French): the translations say so. Pure.
 */
import { intlTagOf } from '../../platform/notify/localized';
import type { Kind } from '../cheques/index';
import { frenchDay } from './endings';
import type { Situation } from './endings';
import { euros } from './money';
import type { CorrectionReason, RefusalMotif, RequestStatus } from './request-states';

type Vars = Record<string, string>;

/** What a status message says beside the new status. */
export type FamilyNote =
  | { note: 'none' }
  | { note: 'mandate' }
  | { note: 'amount'; amountCents: number }
  | { note: 'loan'; amountCents: number; months: number; monthlyCents: number }
  | { note: 'vouchers'; amountCents: number; kind: Kind }
  | { note: 'corrected'; amountCents: number; previousCents: number; text?: string | null }
  | { note: 'refused'; motif: RefusalMotif; text?: string | null }
  | { note: 'text'; text?: string | null }
  | { note: 'paid'; amountCents: number }
  | { note: 'correction'; reason: CorrectionReason; asked: string[]; text?: string | null }
  | { note: 'message'; text: string };

/** Euros for the reader: « 1 200 € » in French (as on the pages), the language's own currency format otherwise. */
export function eurosIn(locale: string, cents: number): string {
  return locale === 'fr' ? euros(cents) : new Intl.NumberFormat(intlTagOf(locale), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** A calendar day (YYYY-MM-DD) for the reader: « 1er avril 2026 » in French, « 1 April 2026 » in English. */
export function dayIn(locale: string, day: string): string {
  if (locale === 'fr') return frenchDay(day);
  return new Intl.DateTimeFormat(intlTagOf(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
}

const has = (s: string | null | undefined) => (s ? 'yes' : 'no');

/** The variables of `aides.status`: the request's new status, the aid's title, and what is said beside. */
export function statusVars(locale: string, to: RequestStatus, aidTitle: string, n: FamilyNote = { note: 'none' }): Vars {
  const v: Vars = { status: to, aid: aidTitle, note: n.note, hasText: 'no', text: '', amount: '', previous: '', months: '', monthly: '' };
  v.kind = v.motif = v.reason = 'other';
  v.hasAsked = 'no';
  v.asked = '';
  if ('amountCents' in n) v.amount = eurosIn(locale, n.amountCents);
  if ('text' in n) Object.assign(v, { hasText: has(n.text), text: n.text ?? '' });
  switch (n.note) {
    case 'loan':
      Object.assign(v, { months: String(n.months), monthly: eurosIn(locale, n.monthlyCents) });
      break;
    case 'vouchers':
      v.kind = n.kind;
      break;
    case 'corrected':
      v.previous = eurosIn(locale, n.previousCents);
      break;
    case 'refused':
      v.motif = n.motif;
      break;
    case 'correction':
      Object.assign(v, { reason: n.reason, hasAsked: has(n.asked.join('')), asked: n.asked.join(', ') });
      break;
  }
  return v;
}

/** The variables of `aides.ending` when an aid ends (its end date near or just passed). */
export function endedVars(locale: string, aidTitle: string, endDate: string, today: string, situation: Situation): Vars {
  return { reason: 'ended', aid: aidTitle, past: endDate < today ? 'yes' : 'no', end: dayIn(locale, endDate), situation, year: '', next: '' };
}

/** The variables of `aides.ending` in December, for a yearly aid granted this year (to ask again). */
export function renewalVars(aidTitle: string, year: number): Vars {
  return { reason: 'renewal', aid: aidTitle, past: 'no', end: '', situation: 'other', year: String(year), next: String(year + 1) };
}
