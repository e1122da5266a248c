import { describe, expect, it } from 'vitest';
import { areaOf, figuresTable, parseFrenchNumber, parseTerritoryCsv, ratioOf } from './territory-figures';

const town = {
  id: 'amiens',
  name: 'Amiens',
  inseeCode: '80021',
  neighbourhoods: [
    { id: 'nord', name: 'Nord' },
    { id: 'etouvie', name: 'Étouvie' },
  ],
};

describe('territory figures', () => {
  it('reads French numbers and nothing else', () => {
    expect(parseFrenchNumber('16 830')).toBe(16830);
    expect(parseFrenchNumber('16\u202f830')).toBe(16830);
    expect(parseFrenchNumber('41 %')).toBe(41);
    expect(parseFrenchNumber('41,5')).toBe(41.5);
    expect(parseFrenchNumber('1 289 €')).toBe(1289);
    expect(parseFrenchNumber('-3')).toBeNaN();
    expect(parseFrenchNumber('beaucoup')).toBeNaN();
    expect(parseFrenchNumber('1.2.3')).toBeNaN();
  });

  it('knows the town, its neighbourhoods by name or id, and IRIS codes', () => {
    expect(areaOf('Amiens', town)).toBe('*');
    expect(areaOf('80021', town)).toBe('*');
    expect(areaOf('ville', town)).toBe('*');
    expect(areaOf('etouvie', town)).toBe('etouvie');
    expect(areaOf(' ÉTOUVIE ', town)).toBe('etouvie');
    expect(areaOf('800210101', town)).toBe('iris:800210101');
    expect(areaOf('Longueau', town)).toBeNull();
  });

  it('reads the seed figures of Amiens', () => {
    const r = parseTerritoryCsv('zone;familles;familles_monoparentales;taux_pauvrete_monoparentales\nAmiens;16 830;6 613;41\n', town);
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      { area: '*', neighbourhood: null, figure: 'familles', value: 16830 },
      { area: '*', neighbourhood: null, figure: 'familles_monoparentales', value: 6613 },
      { area: '*', neighbourhood: null, figure: 'taux_pauvrete_monoparentales', value: 41 },
    ]);
  });

  it('reads an INSEE-style file by IRIS, leaves unknown columns aside, adds IRIS up by neighbourhood', () => {
    const csv = 'IRIS,LIBIRIS,quartier,C21_FAMMONO,Familles\n800210101,Nord 1,Nord,300,900\n800210102,Nord 2,nord,200,600\n800210201,Étouvie 1,Étouvie,150,\n';
    const r = parseTerritoryCsv(csv, town);
    expect(r.problems).toEqual([]);
    expect(r.ignored).toEqual(['LIBIRIS']);
    expect(r.columns).toEqual([
      { header: 'C21_FAMMONO', figure: 'familles_monoparentales' },
      { header: 'Familles', figure: 'familles' },
    ]);
    const table = figuresTable(r.rows, town);
    expect(table.find((a) => a.area === 'nord')!.values.familles_monoparentales).toEqual({ value: 500, origin: 'iris' });
    expect(table.find((a) => a.area === 'etouvie')!.values.familles).toBeUndefined();
    // The town adds its neighbourhoods up only when every one has the figure.
    expect(table[0]!.values.familles_monoparentales).toEqual({ value: 650, origin: 'neighbourhoods' });
    expect(table[0]!.values.familles).toBeUndefined();
  });

  it('says every wrong cell by line and column, and keeps nothing', () => {
    const csv = 'zone;familles;taux_pauvrete_monoparentales\nNord;12,5;40\nLongueau;10;10\nÉtouvie;abc;140\nNord;1;1\n';
    const r = parseTerritoryCsv(csv, town);
    expect(r.rows).toEqual([]);
    expect(r.problems).toEqual([
      { line: 2, column: 'B (familles)', message: 'Un effectif est un nombre entier (« 12,5 »).' },
      { line: 3, column: 'A (zone)', message: "« Longueau » n'est ni la ville, ni un quartier de Amiens, ni un code IRIS (9 caractères)." },
      { line: 4, column: 'B (familles)', message: "« abc » n'est pas un nombre positif." },
      { line: 4, column: 'C (taux_pauvrete_monoparentales)', message: 'Un taux est compris entre 0 et 100 %.' },
      { line: 5, column: 'A (zone)', message: 'Ce territoire a déjà sa ligne (ligne 2).' },
    ]);
  });

  it('refuses a file without a zone column or any figure', () => {
    expect(parseTerritoryCsv('familles\n12\n', town).problems[0]!.message).toMatch(/Colonne « zone »/);
    expect(parseTerritoryCsv('zone;autre\nNord;1\n', town).problems[0]!.message).toMatch(/Aucune colonne de chiffres/);
    expect(parseTerritoryCsv('', town).problems[0]!.message).toMatch(/vide/);
  });

  it('ratios: per 1,000 with one decimal, none without a denominator', () => {
    expect(ratioOf(12, 6613, 1000)).toBe(1.8);
    expect(ratioOf(5, 0, 1000)).toBeNull();
    expect(ratioOf(5, null, 100)).toBeNull();
    expect(ratioOf(0, 200, 100)).toBe(0);
  });
});
