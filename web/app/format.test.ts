import { describe, expect, it } from 'vitest';
import { de, elideFrench, formatEuros, frDate, frLongDate } from './format';

describe('de: French elision before a name', () => {
  it.each([
    ['Amiens', "d'Amiens"],
    ['Dijon', 'de Dijon'],
    ['Étouvie', "d'Étouvie"],
    ['Évreux', "d'Évreux"],
    ['Hérouville-Saint-Clair', "d'Hérouville-Saint-Clair"],
    ['Orléans', "d'Orléans"],
    ['Ulis', "d'Ulis"],
    ['Le Havre', 'du Havre'],
    ['Les Ulis', 'des Ulis'],
    ['La Rochelle', 'de La Rochelle'],
    ['Saint-Denis', 'de Saint-Denis'],
  ])('%s → %s', (name, out) => expect(de(name)).toBe(out));

  it('rewrites "de {x}" in a French message, and leaves numbers and other words alone', () => {
    expect(elideFrench('Pour les parents solos de {town}', { town: 'Amiens' })).toBe("Pour les parents solos d'Amiens");
    expect(elideFrench('De {town} et de {n}', { town: 'Étouvie', n: 8 })).toBe("D'Étouvie et de {n}");
    expect(elideFrench('Quartier de {q}', { q: 'Dijon' })).toBe('Quartier de Dijon');
  });
});

describe('dates and euros', () => {
  it('writes a date in French, a calendar day unmoved by the time zone', () => {
    expect(frDate('2026-12-04')).toBe('04/12/2026');
    expect(frLongDate('2026-12-04')).toBe('4 décembre 2026');
    expect(frDate(null)).toBe('—');
    expect(formatEuros(90000).replace(/\s/g, ' ')).toBe('900,00 €');
  });
});
