import { describe, expect, it } from 'vitest';
import { DROITS_FIELDS, droitsMissingFields, droitsSimulationForm, toDroitsInput } from './droits-input';
import { sampleHousehold } from './household.fixture';
import { ageOn } from './household';

describe('toDroitsInput', () => {
  it('maps the file to the simulator format, euros per month', () => {
    const input = toDroitsInput(sampleHousehold(), '2026-03');
    expect(input).toEqual({
      id: sampleHousehold().id,
      period: '2026-03',
      parent: {
        date_naissance: '1990-05-12',
        age: 35,
        activite: 'actif',
        salaire_net_mensuel: 950.5,
        chomage_net_mensuel: 0,
        salaire_imposable_mensuel: 950.5,
        chomage_imposable_mensuel: 0,
      },
      children: [
        { date_naissance: '2015-02-20', age: 11 },
        { date_naissance: '2019-09-01', age: 6 },
      ],
      housing: { statut: 'locataire_hlm', loyer_mensuel: 480, depcom: '80021', commune: 'Amiens' },
      pension_alimentaire_recue_mensuelle: 50,
      isolement_recent: true,
    });
  });
  it('leaves out children not yet born and adults of 25 and over', () => {
    const h = sampleHousehold({
      children: [
        { id: 'a', firstName: 'A', lastName: null, birthDate: '2026-04-02', custody: 'full', schoolName: null, schoolLevel: null },
        { id: 'b', firstName: 'B', lastName: null, birthDate: '2000-01-01', custody: 'full', schoolName: null, schoolLevel: null },
        { id: 'c', firstName: 'C', lastName: null, birthDate: '2026-03-15', custody: 'full', schoolName: null, schoolLevel: null },
      ],
    });
    expect(toDroitsInput(h, '2026-03').children).toEqual([{ date_naissance: '2026-03-15', age: 0 }]);
  });
  it('hosted or homeless → loge_gratuitement with no rent; owners pay no rent', () => {
    expect(
      toDroitsInput(
        sampleHousehold({ housing: { status: 'heberge', rentMonthlyCents: 30000, chargesMonthlyCents: null, rentWithChargesFormerCents: null } }),
        '2026-03',
      ).housing.statut,
    ).toBe('loge_gratuitement');
    expect(
      toDroitsInput(
        sampleHousehold({ housing: { status: 'proprietaire', rentMonthlyCents: 30000, chargesMonthlyCents: null, rentWithChargesFormerCents: null } }),
        '2026-03',
      ).housing.loyer_mensuel,
    ).toBe(0);
  });
  it('unemployed: passes the start date', () => {
    const h = sampleHousehold();
    h.situation = { ...h.situation, activity: 'chomeur', unemploymentSince: '2025-06-01', unemploymentNetMonthlyCents: 80000 };
    const p = toDroitsInput(h, '2026-03').parent;
    expect(p).toMatchObject({ activite: 'chomeur', date_debut_chomage: '2025-06-01', chomage_net_mensuel: 800 });
  });
  it('refuses a bad period', () => {
    expect(() => toDroitsInput(sampleHousehold(), '2026-13')).toThrow();
  });
  it('passes the rent without charges, the one the file asks; charges are not the rent, a former "charges comprises" figure is not used', () => {
    const h = sampleHousehold({ housing: { status: 'locataire_vide', rentMonthlyCents: 45000, chargesMonthlyCents: 7000, rentWithChargesFormerCents: null } });
    expect(toDroitsInput(h, '2026-03').housing.loyer_mensuel).toBe(450);
    const former = sampleHousehold({
      housing: { status: 'locataire_vide', rentMonthlyCents: null, chargesMonthlyCents: null, rentWithChargesFormerCents: 52000 },
    });
    expect(toDroitsInput(former, '2026-03').housing.loyer_mensuel).toBe(0);
    expect(droitsMissingFields(former)).toContain('housing.rentMonthlyCents');
  });
  it('lists what is missing for the simulator', () => {
    const h = sampleHousehold({
      children: [],
      housing: { status: 'locataire_vide', rentMonthlyCents: null, chargesMonthlyCents: null, rentWithChargesFormerCents: null },
    });
    expect(droitsMissingFields(h)).toEqual(['children.birthDate', 'housing.rentMonthlyCents']);
    expect(droitsMissingFields(sampleHousehold())).toEqual([]);
  });
  it('the simulator form is declared with the fields it reads', () => {
    expect(droitsSimulationForm.formId).toBe('droits.simulation');
    expect(droitsSimulationForm.fields).toEqual(DROITS_FIELDS);
  });
});

describe('ageOn', () => {
  it('counts birthdays', () => {
    expect(ageOn('2000-03-10', '2026-03-09')).toBe(25);
    expect(ageOn('2000-03-10', '2026-03-10')).toBe(26);
  });
});
