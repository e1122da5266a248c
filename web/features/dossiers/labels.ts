/**
 * Every stored value of a file as a person reads it: an enum by its label (the same words
 * as the form's options), euros from cents, a date in French, a neighbourhood by its name.
 * The history, the summaries and the partner's page go through `valueText`.
 */
import { formatDate, formatEuros } from '../../app/format';
import type { T } from '../../app/i18n';

/** Message keys of each enum's values, by field (a child's field as `children.<field>`). */
export const ENUM_LABELS: Record<string, Record<string, string>> = {
  'children.custody': { full: 'dossiers.custodyFull', alternate: 'dossiers.custodyAlternate', visiting: 'dossiers.custodyVisiting' },
  'situation.activity': { actif: 'dossiers.activityActif', chomeur: 'dossiers.activityChomeur', inactif: 'dossiers.activityInactif' },
  'housing.status': {
    locataire_hlm: 'dossiers.housingHlm',
    locataire_vide: 'dossiers.housingVide',
    locataire_meuble: 'dossiers.housingMeuble',
    proprietaire: 'dossiers.housingOwner',
    loge_gratuitement: 'dossiers.housingFree',
    heberge: 'dossiers.housingHosted',
    sans_domicile: 'dossiers.housingNone',
  },
  'otherParent.custody': {
    exclusive: 'dossiers.otherCustodyExclusive',
    alternate: 'dossiers.otherCustodyAlternate',
    visiting: 'dossiers.otherCustodyVisiting',
    none: 'dossiers.otherCustodyNone',
  },
};

/** `children.<uuid>.custody` → `children.custody`: the field whatever the row. */
export function fieldKey(field: string): string {
  const p = field.split('.');
  return p.length === 3 ? `${p[0]}.${p[2]}` : field;
}

/** A stored value in words, in the reader's language (`locale`); `neighbourhoods` names the town's neighbourhoods by id. */
export function valueText(t: T, field: string, v: unknown, neighbourhoods: readonly { id: string; name: string }[] = [], locale = 'fr'): string {
  const key = fieldKey(field);
  if (v == null || v === '') return t('dossiers.empty');
  if (typeof v === 'boolean') return t(v ? 'dossiers.yes' : 'dossiers.no');
  if (typeof v === 'number' && key.endsWith('Cents')) return formatEuros(v, locale);
  if (key === 'address.neighbourhoodId') return neighbourhoods.find((n) => n.id === v)?.name ?? String(v);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}(T|$)/.test(v)) return formatDate(v, locale);
  const labels = ENUM_LABELS[key];
  if (labels && typeof v === 'string' && labels[v]) return t(labels[v]);
  return String(v);
}

/** Whether a stored value is text the family or an agent typed (a street, a school): shown as French. */
export function isTypedText(field: string, v: unknown): boolean {
  const key = fieldKey(field);
  return typeof v === 'string' && v !== '' && !/^\d{4}-\d{2}-\d{2}(T|$)/.test(v) && !(ENUM_LABELS[key]?.[v] !== undefined) && key !== 'address.neighbourhoodId';
}
