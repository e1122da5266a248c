/** An aid's conditions in plain French, for the public catalogue (no code, no cents). Pure. */
import type { AidDefinition, Condition } from './aid';
import { EMPLOYMENT_LABELS, HOUSING_LABELS } from './eligibility';
import { euros } from './money';

function one(c: Condition): string {
  switch (c.kind) {
    case 'single_parent':
      return 'Élever seul·e ses enfants';
    case 'quotient_familial':
      return `Quotient familial de ${euros(c.max_cents)} ou moins${c.period === 'year' ? ' (sur l’année)' : ''}`;
    case 'resources':
      return `Ressources de ${euros(c.max_cents)} ou moins ${c.period === 'year' ? 'par an' : 'par mois'}`;
    case 'child_age':
      if (c.min_years !== undefined && c.max_years !== undefined) return `Au moins un enfant de ${c.min_years} à ${c.max_years} ans`;
      return c.max_years !== undefined ? `Au moins un enfant de ${c.max_years} ans ou moins` : `Au moins un enfant de ${c.min_years} ans ou plus`;
    case 'employment':
      return `Être ${c.among.map((e) => EMPLOYMENT_LABELS[e]).join(' ou ')}`;
    case 'residence':
      return `Habiter la commune depuis au moins ${c.min_months} mois`;
    case 'housing':
      return `Être ${c.among.map((h) => HOUSING_LABELS[h]).join(', ')}`;
    case 'not_received_this_year':
      return 'Ne pas l’avoir déjà reçue cette année';
  }
}

export function describeConditions(aid: AidDefinition, town: { name: string; inseeCode: string; neighbourhoods: { id: string; name: string }[] }): string[] {
  const out: string[] = [];
  if (aid.territory.communes.length)
    out.push(aid.territory.communes.includes(town.inseeCode) && aid.territory.communes.length === 1 ? `Habiter ${town.name}` : 'Habiter une commune concernée');
  if (aid.territory.neighbourhoods.length)
    out.push(`Habiter un de ces quartiers : ${aid.territory.neighbourhoods.map((n) => town.neighbourhoods.find((x) => x.id === n)?.name ?? n).join(', ')}`);
  out.push(...aid.conditions.map(one));
  if (aid.profiles.length) {
    out.push(`Et l’un de ces profils : ${aid.profiles.map((p) => `${p.label}${p.priority ? ' (prioritaire)' : ''}`).join(' ; ')}`);
  }
  return out;
}
