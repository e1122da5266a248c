/**
 * The directory's data in the reader's language: needs, professions, languages spoken, and
 * opening hours. Needs and professions are data of the town (rules/annuaire/categories.json):
 * their id is the catalogue key (`annuaire.need.<id>.need|label`, `annuaire.profession.<id>`); one
 * without a translation is answered as null and shown as French (lang="fr").
 *
 * Opening hours in the reader's language. The server describes a service's week and its
 * status in a small closed set of French phrases (src/modules/annuaire/opening-hours.ts:
 * describeWeek, statusPhrase, quickStatus); they are read back here into catalogue keys.
 * A phrase this file does not know is answered as null, and the page shows it as French
 * (lang="fr"), never half translated.
 */
import type { T } from '../../app/i18n';

const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const TIME = /(\d{2})h(\d{2})/g;

const time = (t: T, s: string) => s.replace(TIME, (_, h: string, m: string) => t('annuaire.time', { h, m }));

/** "samedi" → "Saturday"; null when it is no French weekday. */
export function dayName(t: T, day: string): string | null {
  const i = DAYS.indexOf(day);
  return i < 0 ? null : t(`annuaire.day.${i}`);
}

/** "09h00–12h00, 14h00–17h00" or "fermé" in the reader's language; null when unknown. */
export function rangesText(t: T, text: string): string | null {
  if (text === 'fermé') return t('annuaire.closedDay');
  return /^(\d{2}h\d{2}–\d{2}h\d{2})(, \d{2}h\d{2}–\d{2}h\d{2})*$/.test(text) ? time(t, text) : null;
}

/** "Fermé, ouvre samedi à 09h00" and its siblings; null when unknown. */
export function statusText(t: T, text: string): string | null {
  if (text === 'Ouvert maintenant') return t('annuaire.openNowBadge');
  if (text === 'Fermé') return t('annuaire.closedBadge');
  let m = /^Ouvert maintenant, jusqu'à (\d{2}h\d{2})$/.exec(text);
  if (m) return t('annuaire.openUntil', { time: time(t, m[1]) });
  m = /^Fermé, ouvre à (\d{2}h\d{2})$/.exec(text);
  if (m) return t('annuaire.opensAt', { time: time(t, m[1]) });
  m = /^Fermé, ouvre (\p{L}+) à (\d{2}h\d{2})$/u.exec(text);
  const day = m ? dayName(t, m[1]) : null;
  if (m && day) return t('annuaire.opensDayAt', { day, time: time(t, m[2]) });
  return null;
}

/** A catalogue text, or null when the catalogue has no such key (translate() answers the key then). */
function known(t: T, key: string): string | null {
  const v = t(key);
  return v === key ? null : v;
}

/** A need's plain words ("Faire garder mes enfants") or its short label, translated; null when unknown. */
export function needText(t: T, n: { id: string }, field: 'need' | 'label'): string | null {
  return known(t, `annuaire.need.${n.id}.${field}`);
}

/** A need or a profession of the territory table by its id; null when unknown. */
export function categoryText(t: T, id: string): string | null {
  return known(t, `annuaire.need.${id}.label`) ?? known(t, `annuaire.profession.${id}`);
}

/** "ar" → "Arabic"; null when the catalogue does not name that language. */
export function languageName(t: T, code: string): string | null {
  return known(t, `annuaire.lang.${code}`);
}
