/**
 * What the family is told, as the variables of its messages (pure). The texts are ICU
 * catalogues in the family's language: src/modules/rendezvous/messages/<locale>.json (issue 19);
 * `frenchDayTime` stays for the staff's French labels. People never read an ISO date.
 */
import { parisDate, parisParts, TZ } from '../../platform/clock';

const dayFmt = new Intl.DateTimeFormat('fr-FR', { timeZone: TZ, weekday: 'long', day: 'numeric', month: 'long' });

/** `12 h`, `12 h 30`. */
export function frenchTime(d: Date): string {
  const p = parisParts(d);
  return p.minute ? `${p.hour} h ${String(p.minute).padStart(2, '0')}` : `${p.hour} h`;
}

/** `mardi 12 janvier à 12 h 30`. */
export function frenchDayTime(d: Date): string {
  return `${dayFmt.format(d)} à ${frenchTime(d)}`;
}

/** `12:30`, Paris time (the English and Arabic texts). */
export function clockTime(d: Date): string {
  const p = parisParts(d);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/**
 * An instant as a message's variables: `day` (the Paris day, at noon UTC so any time zone formats
 * that day: `{day, date, ::EEEEdMMMM}`), `time` (12:30) and `frTime` (12 h 30), prefixed.
 */
export function whenVars(d: Date, prefix = ''): Record<string, string | Date> {
  const k = (name: string) => (prefix ? `${prefix}${name[0]!.toUpperCase()}${name.slice(1)}` : name);
  return { [k('day')]: new Date(`${parisDate(d)}T12:00:00Z`), [k('time')]: clockTime(d), [k('frTime')]: frenchTime(d) };
}

export type NoticeVars = Record<string, string | number | Date>;

function placeVars(place: string | null): NoticeVars {
  return { hasPlace: place ? 'yes' : 'no', place: place ?? '' };
}

function documentsVars(documents: readonly string[]): NoticeVars {
  return { hasDocuments: documents.length ? 'yes' : 'no', documents: documents.join(', ') };
}

/** `rendezvous.confirmation`; `referrer`: the partner structure that proposed it (« proposé par … »). */
export function confirmationVars(motif: string, start: Date, place: string | null, documents: readonly string[], referrer: string | null = null): NoticeVars {
  return { motif, ...whenVars(start), ...placeVars(place), ...documentsVars(documents), hasReferrer: referrer ? 'yes' : 'no', referrer: referrer ?? '' };
}

/** `rendezvous.reminder`. */
export function reminderVars(motif: string, start: Date, place: string | null, documents: readonly string[]): NoticeVars {
  return { motif, ...whenVars(start), ...placeVars(place), ...documentsVars(documents) };
}

/** `rendezvous.offer`: a freed seat held until `expiresAt`. */
export function offerVars(motif: string, start: Date, expiresAt: Date): NoticeVars {
  return { motif, ...whenVars(start), ...whenVars(expiresAt, 'until') };
}

/** `rendezvous.cancelled` (by the service). */
export function cancelledVars(motif: string, start: Date): NoticeVars {
  return { motif, ...whenVars(start) };
}

/** `rendezvous.moved`. */
export function movedVars(motif: string, before: Date, after: Date, place: string | null): NoticeVars {
  return { motif, ...whenVars(before, 'from'), ...whenVars(after), ...placeVars(place) };
}

/** `rendezvous.changed`: the place or the agent of a booking changed (its time did not). */
export function sessionChangedVars(motif: string, start: Date, change: { place?: string | null; agent?: string | null }): NoticeVars {
  const placeChange = change.place === undefined ? 'none' : change.place ? 'named' : 'unknown';
  return {
    motif,
    ...whenVars(start),
    placeChange,
    place: change.place ?? '',
    hasAgent: change.agent ? 'yes' : 'no',
    agent: change.agent ?? '',
    both: placeChange !== 'none' && change.agent ? 'yes' : 'no',
  };
}

/** `rendezvous.emergency-answer`: a place or a refusal, with the agent's words if any. */
export function emergencyAnswerVars(status: 'placed' | 'refused', message: string | null): NoticeVars {
  return { status, hasMessage: message ? 'yes' : 'no', message: message ?? '' };
}
