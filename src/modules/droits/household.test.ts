import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { wireModules } from '../../platform/wiring';
import { droitsModule } from './droits.module';
import { defaultEngine } from './engine';
import { testHousehold } from './test-households';

// Statuses come from the wired catalogue, as in the app.
beforeAll(() => {
  wireModules([droitsModule]);
});

const engine = defaultEngine();
function fieldsOf(raw: unknown) {
  const r = engine.parse(raw);
  if (r.ok) throw new Error('expected an invalid household');
  return r.fields;
}

describe('household validation', () => {
  it('accepts the sample format', () => {
    expect(engine.parse(testHousehold()).ok).toBe(true);
  });
  it('negative rent names the field', () => {
    const h = testHousehold({ statut: 'locataire_vide', loyer: 400 });
    (h.housing as { loyer_mensuel: number }).loyer_mensuel = -50;
    expect(fieldsOf(h)).toEqual([{ path: 'housing.loyer_mensuel', message: 'Le montant ne peut pas être négatif.' }]);
  });
  it('a child born after the period', () => {
    const f = fieldsOf(testHousehold({ period: '2024-06', children: ['2015-01-01', '2024-07-02'] }));
    expect(f).toEqual([{ path: 'children.1.date_naissance', message: "L'enfant doit être né au plus tard pendant le mois simulé." }]);
  });
  it('a child born during the period is accepted', () => {
    expect(engine.parse(testHousehold({ period: '2024-06', children: ['2024-06-20'] })).ok).toBe(true);
  });
  it('unknown housing status', () => {
    const h = testHousehold();
    (h.housing as { statut: string }).statut = 'colocation';
    const f = fieldsOf(h);
    expect(f[0]!.path).toBe('housing.statut');
    expect(f[0]!.message).toContain('Statut de logement inconnu');
  });
  it('period outside the parameters', () => {
    expect(fieldsOf(testHousehold({ period: '2023-12' }))[0]).toEqual({
      path: 'period',
      message: 'Le mois doit être compris entre 2024-01 et 2027-12 (paramètres de la législation connus).',
    });
    expect(fieldsOf(testHousehold({ period: '2028-01' }))[0]!.path).toBe('period');
    // A month after the last revaluation held is estimated with the latest values (the simulator's current month).
    expect(engine.parse(testHousehold({ period: '2026-12' })).ok).toBe(true);
    expect(fieldsOf(testHousehold({ period: '2025-13' }))[0]!.message).toContain('AAAA-MM');
  });
  it('impossible dates', () => {
    expect(fieldsOf(testHousehold({ children: ['2015-02-30'] }))[0]!.path).toBe('children.0.date_naissance');
    expect(fieldsOf(testHousehold({ parentBirth: '2030-01-01' }))[0]!.path).toBe('parent.date_naissance');
  });
  it('missing blocks and wrong types', () => {
    expect(fieldsOf({ period: '2024-06', parent: {}, housing: { statut: 'proprietaire' } })).toEqual([
      { path: 'parent.date_naissance', message: "Indiquez la date de naissance (ou l'âge)." },
    ]);
    expect(fieldsOf({ period: '2024-06', housing: { statut: 'proprietaire' } })[0]).toEqual({ path: 'parent', message: 'Ce bloc est obligatoire.' });
    const h = testHousehold();
    (h.parent as { salaire_net_mensuel: unknown }).salaire_net_mensuel = 'mille';
    expect(fieldsOf(h)[0]).toEqual({ path: 'parent.salaire_net_mensuel', message: 'Indiquez un nombre.' });
  });
  it('an owner repaying a loan: no in-kind housing advantage in RSA', () => {
    const free = engine.simulate(testHousehold({ statut: 'proprietaire', loyer: 0 })).amounts.rsa;
    const repaying = engine.simulate(testHousehold({ statut: 'proprietaire', loyer: 300 })).amounts.rsa;
    expect(repaying).toBeCloseTo(free + 635.71 * 0.24, 2);
  });
  it('ages instead of birth dates: born 6 months before the birthday', () => {
    const r = engine.parse({ ...testHousehold(), children: [{ age: 2 }] });
    expect(r.ok && r.household.children[0]!.birth).toBe(Date.UTC(2021, 11, 1) / 86_400_000);
  });
  it('zone from the commune, from the input ("1bis" is zone 1), or zone 2 by default', () => {
    const zoneOf = (housing: Record<string, unknown>) => {
      const r = engine.parse({ ...testHousehold(), housing: { statut: 'locataire_vide', loyer_mensuel: 500, ...housing } });
      return r.ok ? [r.household.housing.zone, r.household.housing.zoneSource] : r.fields;
    };
    expect(zoneOf({ depcom: '93066' })).toEqual([1, 'commune']); // Saint-Denis
    expect(zoneOf({ depcom: '80021' })).toEqual([2, 'commune']); // Amiens
    expect(zoneOf({ depcom: '23096' })).toEqual([3, 'commune']); // Guéret
    expect(zoneOf({ depcom: '80021', zone: '1bis' })).toEqual([1, 'saisie']);
    expect(zoneOf({ depcom: '99999' })).toEqual([2, 'defaut']);
    expect(zoneOf({ depcom: 'Amiens' })).toEqual([
      { path: 'housing.depcom', message: 'Code commune INSEE invalide : 5 caractères, par exemple 80021 pour Amiens.' },
    ]);
  });
  it('simulate() throws droits/invalid-household (422) with the fields', () => {
    try {
      engine.simulate(testHousehold({ period: '2020-01' }));
      throw new Error('no error');
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('droits/invalid-household');
      expect((err as AppError).status).toBe(422);
      expect((err as AppError).fields?.[0]?.path).toBe('period');
    }
  });
  it('period argument overrides the household month', () => {
    expect(engine.simulate(testHousehold({ period: '2024-06' }), '2025-06').period).toBe('2025-06');
  });
});

describe('parameters', () => {
  it('revaluation dates are listed from 2024 on, sorted', () => {
    const dates = engine.parameterDates();
    expect(dates).toContain('2024-04-01'); // BMAF, RSA, PPA
    expect(dates).toContain('2025-10-01'); // housing aid
    expect([...dates].sort()).toEqual(dates);
    expect(dates.every((d) => d >= '2024-01-01')).toBe(true);
  });
  it('picks the value in force on a date', () => {
    const L = engine.legislation;
    expect(L.valueAt('commun.bmaf', Date.UTC(2025, 2, 31) / 86_400_000)).toBe(466.44);
    expect(L.valueAt('commun.bmaf', Date.UTC(2025, 3, 1) / 86_400_000)).toBe(474.37);
  });
});
