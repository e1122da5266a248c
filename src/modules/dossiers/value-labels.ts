/**
 * A stored value of the file in words, for what the server writes itself (the printable
 * export): enums by the form's labels, euros from cents, dates in French, a neighbourhood
 * by its name, a child by its first name. Pure: no I/O.
 */
import { FIELDS, isFieldKey, type FieldKey } from './fields';

/** The form's words for each enum value (web/features/dossiers/messages.ts says the same). */
export const ENUM_VALUE_LABELS: Record<string, Record<string, string>> = {
  'children.custody': { full: 'Chez moi', alternate: 'Garde alternée', visiting: 'Chez l’autre parent, je le vois en visite' },
  'situation.activity': { actif: 'Je travaille', chomeur: 'Je cherche un emploi', inactif: 'Je ne travaille pas' },
  'housing.status': {
    locataire_hlm: 'Locataire HLM',
    locataire_vide: 'Locataire (logement vide)',
    locataire_meuble: 'Locataire (meublé)',
    proprietaire: 'Propriétaire',
    loge_gratuitement: 'Logé·e gratuitement',
    heberge: 'Hébergé·e chez un proche',
    sans_domicile: 'Sans logement',
  },
  'otherParent.custody': {
    exclusive: 'avec moi seulement',
    alternate: 'en garde alternée',
    visiting: 'avec moi, l’autre parent a un droit de visite',
    none: 'l’autre parent ne les voit pas',
  },
};

export const frDay = (iso: string | null | undefined): string =>
  iso ? new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('fr-FR', { timeZone: 'UTC' }) : '—';
export const frInstant = (iso: string | Date): string =>
  new Date(iso).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
export const euros = (c: number | null | undefined): string =>
  c == null ? '—' : `${(c / 100).toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;

export interface ValueContext {
  neighbourhoods: readonly { id: string; name: string }[];
  children: readonly { id: string; firstName: string }[];
}

const groupKey = (field: string) => {
  const p = field.split('.');
  return p.length === 3 ? `${p[0]}.${p[2]}` : field;
};

/** "Salaire net par mois", "Garde de chaque enfant (Lina)": never a field name nor an id. */
export function fieldText(field: string, c: ValueContext): string {
  const p = field.split('.');
  const key = groupKey(field);
  const label = isFieldKey(key) ? FIELDS[key as FieldKey].label : field === 'quotient.entered' ? 'Quotient familial (saisi)' : 'Autre information';
  const child = p[0] === 'children' && p.length === 3 ? c.children.find((x) => x.id === p[1])?.firstName : undefined;
  return child ? `${label} (${child})` : label;
}

/** "900,00 €", "Locataire (logement vide)", "12/05/1990", "vide". */
export function valueText(field: string, v: unknown, c: ValueContext): string {
  const key = groupKey(field);
  if (v == null || v === '') return 'vide';
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  if (typeof v === 'number' && key.endsWith('Cents')) return euros(v);
  if (key === 'address.neighbourhoodId') return c.neighbourhoods.find((n) => n.id === v)?.name ?? 'quartier inconnu';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return frDay(v);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return frInstant(v);
  const labels = ENUM_VALUE_LABELS[key];
  if (labels && typeof v === 'string') return labels[v] ?? v;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
