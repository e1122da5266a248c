import { describe, expect, it } from 'vitest';
import { parseIndicatorsCsv } from './indicators-csv';

const hoods = ['amiens', 'nord', 'etouvie'];

describe('parseIndicatorsCsv', () => {
  it('reads a spreadsheet export with ; and decimal commas', () => {
    const r = parseIndicatorsCsv(
      'quartier;indicateur;annee;valeur;source\nnord;familles_monoparentales;2024;1 650;INSEE\netouvie;taux_pauvrete_monoparentales;2024;58,5 %;\n',
      hoods,
    );
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { neighbourhood: 'nord', indicator: 'familles_monoparentales', year: 2024, value: 1650, source: 'INSEE' },
      { neighbourhood: 'etouvie', indicator: 'taux_pauvrete_monoparentales', year: 2024, value: 58.5, source: null },
    ]);
  });
  it('reports every bad line and keeps nothing', () => {
    const r = parseIndicatorsCsv('quartier,indicateur,annee,valeur\nsud,familles,2024,10\nnord,revenus,20,-1\n', hoods);
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => e.line)).toEqual([2, 3, 3, 3]);
  });
  it('names missing columns', () => {
    expect(parseIndicatorsCsv('quartier,valeur\n', hoods).errors.map((e) => e.message)).toEqual([
      'Colonne « indicateur » manquante.',
      'Colonne « annee » manquante.',
    ]);
  });
});
