import { describe, expect, it } from 'vitest';
import { factsFromFile, factsFromInput, parseAidsHousehold } from './household-facts';
import type { Household } from '../dossiers/index';

const town = { name: 'Amiens', inseeCode: '80021' };
const facts = (raw: unknown) => {
  const p = parseAidsHousehold(raw);
  if (!p.ok) throw new Error(JSON.stringify(p.fields));
  return factsFromInput(p.input, raw, town);
};
const minimal = { period: '2026-03', parent: { age: 30 }, housing: { statut: 'locataire_vide' } };

describe('factsFromInput (droits format + local fields)', () => {
  it('keeps unknown what the input does not say', () => {
    const f = facts(minimal);
    expect(f.quotientCents).toBeUndefined();
    expect(f.resourcesMonthlyCents).toBeUndefined();
    expect(f.employment).toBeUndefined();
    expect(f.inseeCode).toBeUndefined();
    expect(f.receivedThisYear).toBeUndefined();
    expect(f.residenceMonths).toBeUndefined();
    expect(f.singleParent).toBe(true);
    expect(f.childrenAges).toEqual([]);
  });

  it('reads the local fields, euros into cents', () => {
    const f = facts({
      ...minimal,
      commune: 'amiens',
      quartier: 'nord',
      quotient_familial: 812.5,
      situation_emploi: 'en_formation',
      anciennete_residence_mois: 7,
      aides_recues_cette_annee: ['cheque-sante'],
    });
    expect(f).toMatchObject({
      inseeCode: '80021',
      neighbourhood: 'nord',
      quotientCents: 81250,
      employment: 'en_formation',
      residenceMonths: 7,
      receivedThisYear: ['cheque-sante'],
    });
  });

  it('a commune code or the housing depcom; another town is outside', () => {
    expect(facts({ ...minimal, housing: { statut: 'locataire_vide', depcom: '80021' } }).inseeCode).toBe('80021');
    expect(facts({ ...minimal, commune: 'Dijon' }).inseeCode).not.toBe('80021');
  });

  it('resources: wages + unemployment + alimony, once the parent says any', () => {
    const f = facts({ ...minimal, parent: { age: 30, salaire_net_mensuel: 1000.5, chomage_net_mensuel: 200 }, pension_alimentaire_recue_mensuelle: 150 });
    expect(f.resourcesMonthlyCents).toBe(135050);
  });

  it('employment from the droits activity when not given', () => {
    expect(facts({ ...minimal, parent: { age: 30, activite: 'chomeur' } }).employment).toBe('demandeur_emploi');
    expect(facts({ ...minimal, parent: { age: 30, activite: 'actif' } }).employment).toBe('en_emploi');
  });

  it("children's ages from age or birth date on the period's first day", () => {
    expect(facts({ ...minimal, children: [{ age: 4 }, { date_naissance: '2015-03-02' }] }).childrenAges).toEqual([4, 10]);
    expect(facts({ ...minimal, children: [{ prenom: 'Lina' }] }).childrenAges).toBeUndefined();
  });

  it('refuses a bad field with its path', () => {
    const r = parseAidsHousehold({ ...minimal, situation_emploi: 'astronaute' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fields[0].path).toBe('situation_emploi');
  });
});

describe('factsFromFile', () => {
  const h = {
    children: [{ birthDate: '2020-05-01' }, { birthDate: '2010-01-01' }],
    address: { inseeCode: '80021', neighbourhoodId: 'etouvie' },
    situation: {
      activity: 'actif',
      salaryNetMonthlyCents: 120000,
      unemploymentNetMonthlyCents: null,
      otherIncomeMonthlyCents: null,
      alimonyReceivedMonthlyCents: 10000,
    },
    housing: { status: 'heberge' },
    quotient: { value: 640 },
  } as unknown as Household;

  it('reads the file, with the aids received this year', () => {
    const f = factsFromFile(h, '2026-03-10', ['cheque-sante']);
    expect(f).toMatchObject({
      inseeCode: '80021',
      neighbourhood: 'etouvie',
      quotientCents: 64000,
      resourcesMonthlyCents: 130000,
      childrenAges: [5, 16],
      employment: 'en_emploi',
      receivedThisYear: ['cheque-sante'],
    });
    expect(f.housing).toBeUndefined();
    expect(f.residenceMonths).toBeUndefined();
  });

  it('takes the answers the family gave to the questions', () => {
    expect(factsFromFile(h, '2026-03-10', [], { residenceMonths: 12 }).residenceMonths).toBe(12);
  });
});
