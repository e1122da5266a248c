/**
 * Contract between the simulator's pages and the engine: the answers a family gives
 * become exactly the engine's household input (benefits-sample `input` format), and
 * the household file's prefill comes back as the same answers.
 */
import { describe, expect, it } from 'vitest';
import { householdInputSchema, simulate } from './index';
import { ageAt, ageOnDay, answersFromFile, buildInput, checkStep, emptyAnswers, firstIncompleteStep, stepOfPath, type Answers } from './simulator-answers';

const answers: Answers = {
  ...emptyAnswers(),
  livesAlone: 'oui',
  parentAge: 34,
  recentlySeparated: 'oui',
  children: [{ birthDate: '2019-09-01' }, { birthDate: '2015-02-20' }],
  activity: 'actif',
  salary: 900,
  unemployment: 120.5,
  alimonyStatus: 'partly',
  alimony: 80,
  housingStatus: 'locataire_hlm',
  rent: 450,
  commune: { depcom: '80021', name: 'Amiens' },
  neighbourhoodId: 'nord',
};

describe('simulator answers → engine input', () => {
  it('builds the sample format, strictly', () => {
    const input = buildInput(answers, '2026-03');
    expect(input).toEqual({
      id: 'simulateur',
      period: '2026-03',
      parent: {
        age: 34,
        activite: 'actif',
        salaire_net_mensuel: 900,
        chomage_net_mensuel: 120.5,
        salaire_imposable_mensuel: 900,
        chomage_imposable_mensuel: 120.5,
      },
      children: [
        { age: 6, date_naissance: '2019-09-01' },
        { age: 11, date_naissance: '2015-02-20' },
      ],
      housing: { statut: 'locataire_hlm', loyer_mensuel: 450, depcom: '80021', commune: 'Amiens' },
      pension_alimentaire_recue_mensuelle: 80,
      isolement_recent: true,
    });
    expect(householdInputSchema.strict().safeParse(input).success).toBe(true);
    const r = simulate(input);
    expect(r.period).toBe('2026-03');
    expect(r.amounts.asf).toBeGreaterThan(0);
  });

  it('sends no rent unless renting, no alimony unless received, no salary unless working', () => {
    const input = buildInput({ ...answers, housingStatus: 'loge_gratuitement', alimonyStatus: 'unpaid', activity: 'inactif' }, '2026-03');
    expect(input.housing.loyer_mensuel).toBe(0);
    expect(input.pension_alimentaire_recue_mensuelle).toBe(0);
    expect(input.parent).toMatchObject({ activite: 'inactif', salaire_net_mensuel: 0, chomage_net_mensuel: 0 });
    expect(() => simulate(input)).not.toThrow();
  });

  it('counts a child as its age on the first day of the month', () => {
    expect(ageAt('2015-03-01', '2026-03')).toBe(11);
    expect(ageAt('2015-03-02', '2026-03')).toBe(10);
    expect(ageAt('2026-03-15', '2026-03')).toBe(0);
  });

  it('says a child’s age as of today in the summary (9 on the 4th, though 8 on the 1st of the month)', () => {
    expect(ageOnDay('2017-12-03', '2026-12-04')).toBe(9);
    expect(ageAt('2017-12-03', '2026-12')).toBe(8);
    expect(ageOnDay('2017-12-05', '2026-12-04')).toBe(8);
    expect(ageOnDay('2026-12-05', '2026-12-04')).toBe(0);
  });

  it('comes back from the household file prefill as the same answers', () => {
    const input = buildInput(answers, '2026-03');
    const back = answersFromFile({
      householdId: 'h',
      input,
      missing: [],
      otherParent: { custody: 'visiting', alimonyDueMonthlyCents: 15000, alimonyPaidRegularly: false },
      neighbourhoodId: 'nord',
    });
    expect(back).toEqual({ ...answers, unemploymentSince: '' });
    expect(firstIncompleteStep(back, '2026-03-10')).toBe(6);
  });

  it('says what is missing, step by step', () => {
    expect(checkStep('foyer', emptyAnswers(), '2026-03-10')).toEqual({ livesAlone: 'err.choose', parentAge: 'err.required', recentlySeparated: 'err.choose' });
    expect(checkStep('enfants', { ...answers, children: [{ birthDate: '2027-01-01' }] }, '2026-03-10')).toEqual({ child0: 'err.childDate' });
    expect(checkStep('logement', { ...answers, rent: null }, '2026-03-10')).toEqual({ rent: 'err.rent' });
    expect(firstIncompleteStep(emptyAnswers(), '2026-03-10')).toBe(0);
  });

  it('sends an engine error back to the step that asks it', () => {
    expect(stepOfPath('input.housing.loyer_mensuel')).toBe('logement');
    expect(stepOfPath('housing.depcom')).toBe('commune');
    expect(stepOfPath('children.1.date_naissance')).toBe('enfants');
    expect(stepOfPath('parent.salaire_net_mensuel')).toBe('travail');
  });
});
