import { describe, expect, it } from 'vitest';
import { fieldText, valueText } from './value-labels';

const c = { neighbourhoods: [{ id: 'etouvie', name: 'Étouvie' }], children: [{ id: '0b1c2d3e-0000-4000-8000-000000000001', firstName: 'Lina' }] };

describe('a stored value of the file in words', () => {
  it.each([
    ['situation.salaryNetMonthlyCents', 90000, '900,00 €'],
    ['situation.salaryNetMonthlyCents', null, 'vide'],
    ['housing.status', 'locataire_vide', 'Locataire (logement vide)'],
    ['children.0b1c2d3e-0000-4000-8000-000000000001.custody', 'visiting', 'Chez l’autre parent, je le vois en visite'],
    ['address.neighbourhoodId', 'etouvie', 'Étouvie'],
    ['parent.birthDate', '1990-05-12', '12/05/1990'],
    ['situation.recentlySeparated', true, 'oui'],
  ])('%s = %j → %s', (field, v, out) => expect(valueText(field, v, c).replace(/\s/g, ' ')).toBe(out));

  it('names the field, and the child by first name, never by id', () => {
    expect(fieldText('situation.salaryNetMonthlyCents', c)).toBe('Salaire net par mois');
    expect(fieldText('children.0b1c2d3e-0000-4000-8000-000000000001.custody', c)).toBe('Garde de chaque enfant (Lina)');
    expect(fieldText('something.unknown', c)).toBe('Autre information');
  });
});
