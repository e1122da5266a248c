/**
 * Plain French for every zod issue a schema did not word itself: one sentence a parent
 * understands, about the field it is shown under (no type names, no ">=" signs). A message
 * given in a schema (`.min(1, 'Indiquez un intitulé.')`) still wins over these.
 */
import type { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

function plural(n: number | bigint, one: string, many: string): string {
  return `${Number(n).toLocaleString('fr-FR')} ${Number(n) > 1 ? many : one}`;
}

const FORMATS: Record<string, string> = {
  email: 'Adresse e-mail invalide.',
  url: 'Adresse web invalide.',
  uuid: 'Choix invalide.',
  guid: 'Choix invalide.',
  date: 'Date invalide.',
  datetime: 'Date et heure invalides.',
  time: 'Heure invalide.',
  e164: 'Numéro de téléphone invalide.',
};

export function frenchIssue(iss: Issue): string {
  if ((iss.input === undefined || iss.input === null) && iss.code !== 'unrecognized_keys' && iss.code !== 'custom') return 'Ce champ est obligatoire.';
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined || iss.input === null) return 'Ce champ est obligatoire.';
      if (iss.expected === 'number' || iss.expected === 'int' || iss.expected === 'bigint') return 'Indiquez un nombre.';
      if (iss.expected === 'boolean') return 'Répondez par oui ou par non.';
      if (iss.expected === 'date') return 'Date invalide.';
      return 'Valeur invalide.';
    case 'too_small': {
      const min = iss.minimum as number;
      if (iss.origin === 'string')
        return Number(min) <= 1 || iss.input === '' ? 'Ce champ est obligatoire.' : `Au moins ${plural(min, 'caractère', 'caractères')}.`;
      if (iss.origin === 'array' || iss.origin === 'set')
        return Number(min) <= 1 ? 'Choisissez au moins un élément.' : `Au moins ${plural(min, 'élément', 'éléments')}.`;
      if (iss.origin === 'date') return 'Date trop ancienne.';
      return iss.inclusive ? `Au moins ${Number(min).toLocaleString('fr-FR')}.` : `Plus de ${Number(min).toLocaleString('fr-FR')}.`;
    }
    case 'too_big': {
      const max = iss.maximum as number;
      if (iss.origin === 'string') return `Au plus ${plural(max, 'caractère', 'caractères')}.`;
      if (iss.origin === 'array' || iss.origin === 'set') return `Au plus ${plural(max, 'élément', 'éléments')}.`;
      if (iss.origin === 'date') return 'Date trop lointaine.';
      return iss.inclusive ? `Au plus ${Number(max).toLocaleString('fr-FR')}.` : `Moins de ${Number(max).toLocaleString('fr-FR')}.`;
    }
    case 'invalid_format':
      return FORMATS[iss.format] ?? 'Format invalide.';
    case 'not_multiple_of':
      return 'Valeur invalide.';
    case 'invalid_value':
      return 'Choisissez une des valeurs proposées.';
    case 'unrecognized_keys':
      return 'Champ inconnu.';
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return 'Valeur invalide.';
    default:
      return 'Valeur invalide.';
  }
}
