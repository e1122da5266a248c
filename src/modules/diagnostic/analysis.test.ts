import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { wireModules } from '../../platform/wiring';
import { diagnosticModule } from './diagnostic.module';
import { analyse, NO_ANSWER_GROUP, roundRatio } from './analysis';
import { parseQuestionnaire } from './questionnaire';
import { readResponsesCsv } from './responses-csv';

// The French messages come from the wired catalogue, as in the app.
beforeAll(() => {
  wireModules([diagnosticModule]);
});

const qn = parseQuestionnaire({
  title: 'Test',
  questions: [
    { id: 'sexe', type: 'single', label: 'Vous êtes', options: ['Femme', 'Homme'] },
    { id: 'defi', type: 'multi', label: 'Défis', options: ['Coût', 'Taille', 'Bruit'] },
    { id: 'stress', type: 'scale', label: 'Stress' },
    { id: 'enfants', type: 'number', label: 'Enfants' },
    { id: 'avis', type: 'text', label: 'Avis' },
    { id: 'quartier', type: 'neighbourhood', label: 'Quartier', options: ['Nord', 'Sud', 'Centre'] },
  ],
});

const csv = [
  'id,sexe,defi,stress,enfants,avis,quartier',
  'R1,Femme,Coût|Taille,8,1,Trop cher,Nord',
  'R2,Femme,Coût,6,2,,Nord',
  'R3,Homme,,3,3,,Sud',
  'R4,Femme,Coût|Taille|Bruit,10,,Bruyant,Sud',
  'R5,,Taille,,2,,',
].join('\n');
const table = () => {
  const r = readResponsesCsv(qn, csv);
  expect(r.errors).toEqual([]);
  return r.table;
};

describe('analyse', () => {
  const a = analyse(table());

  it('counts respondents', () => {
    expect(a.n_respondents).toBe(5);
  });

  it('gives a single choice over those who answered it', () => {
    expect(a.questions.sexe).toEqual({
      type: 'single',
      answered: 4,
      counts: { Femme: 3, Homme: 1 },
      percent: { Femme: 75, Homme: 25 },
    });
  });

  it('gives a multiple choice over mentions, and over respondents apart', () => {
    expect(a.questions.defi).toEqual({
      type: 'multi',
      answered: 4,
      mentions: 7,
      counts: { Coût: 3, Taille: 3, Bruit: 1 },
      percent: { Coût: 42.9, Taille: 42.9, Bruit: 14.3 },
      percent_of_respondents: { Coût: 75, Taille: 75, Bruit: 25 },
    });
  });

  it('gives a scale its mean (two decimals), median and distribution', () => {
    const s = a.questions.stress!;
    expect(s.answered).toBe(4);
    expect(s.mean).toBe(6.75);
    expect(s.median).toBe(7);
    expect(s.min).toBe(3);
    expect(s.max).toBe(10);
    expect(s.distribution).toEqual({ '1': 0, '2': 0, '3': 1, '4': 0, '5': 0, '6': 1, '7': 0, '8': 1, '9': 0, '10': 1 });
    expect(s.percent['8']).toBe(25);
  });

  it('gives a number its mean, median and values', () => {
    expect(a.questions.enfants).toMatchObject({ answered: 4, mean: 2, median: 2, min: 1, max: 3, counts: { '1': 1, '2': 2, '3': 1 } });
  });

  it('lists free-text answers', () => {
    expect(a.questions.avis).toEqual({ type: 'text', answered: 2, counts: {}, percent: {}, answers: ['Trop cher', 'Bruyant'] });
  });

  it('cross-tabulates by neighbourhood, every option included, and the ones without an answer', () => {
    const by = analyse(table(), { by: 'quartier' });
    expect(by.by_question).toBe('quartier');
    expect(Object.keys(by.by!)).toEqual(['Nord', 'Sud', 'Centre', NO_ANSWER_GROUP]);
    expect(by.by!.Nord!.n_respondents).toBe(2);
    expect(by.by!.Nord!.questions.stress!.mean).toBe(7);
    expect(by.by!.Sud!.questions.sexe!.percent).toEqual({ Femme: 50, Homme: 50 });
    expect(by.by!.Centre!.n_respondents).toBe(0);
    expect(by.by!.Centre!.questions.stress!.mean).toBeNull();
    expect(by.by!.Centre!.questions.sexe!.percent).toEqual({ Femme: 0, Homme: 0 });
    expect(by.by![NO_ANSWER_GROUP]!.n_respondents).toBe(1);
    // the whole is still there
    expect(by.n_respondents).toBe(5);
  });

  it('cross-tabulates by a multiple choice (a respondent in each group ticked)', () => {
    const by = analyse(table(), { by: 'defi' });
    expect(Object.fromEntries(Object.entries(by.by!).map(([k, g]) => [k, g.n_respondents]))).toEqual({ Coût: 3, Taille: 3, Bruit: 1, [NO_ANSWER_GROUP]: 1 });
  });

  it('cross-tabulates by a scale, one group per value', () => {
    const by = analyse(table(), { by: 'stress' });
    expect(Object.keys(by.by!)).toHaveLength(11);
    expect(by.by!['10']!.questions.sexe!.counts.Femme).toBe(1);
  });

  it('refuses to cross-tabulate by a free text or an unknown question', () => {
    expect(() => analyse(table(), { by: 'avis' })).toThrowError(AppError);
    try {
      analyse(table(), { by: 'nope' });
    } catch (e) {
      expect((e as AppError).code).toBe('diagnostic/unknown-question');
    }
  });

  it('filters respondents', () => {
    const f = analyse(table(), { filters: [{ question: 'quartier', equals: 'Sud' }] });
    expect(f.n_respondents).toBe(2);
    expect(f.questions.stress!.mean).toBe(6.5);
    const g = analyse(table(), {
      filters: [
        { question: 'stress', gte: 7 },
        { question: 'defi', equals: 'Taille' },
      ],
    });
    expect(g.n_respondents).toBe(2);
  });

  it('refuses a filter on an unknown question', () => {
    expect(() => analyse(table(), { filters: [{ question: 'x', equals: 'y' }] })).toThrowError(/filtre/);
  });

  it('analyses a subset of questions', () => {
    expect(Object.keys(analyse(table(), { questions: ['stress'] }).questions)).toEqual(['stress']);
  });

  it('analyses an empty table without dividing by zero', () => {
    const empty = readResponsesCsv(qn, 'id,sexe\n').table;
    const e = analyse(empty);
    expect(e.n_respondents).toBe(0);
    expect(e.questions.sexe!.percent).toEqual({ Femme: 0, Homme: 0 });
    expect(e.questions.stress!.mean).toBeNull();
    expect(e.questions.enfants!.median).toBeNull();
  });

  it('gives the median of an even count as the mean of the two middle values', () => {
    const two = readResponsesCsv(qn, 'stress,enfants\n3,1\n6,4\n').table;
    expect(analyse(two).questions.stress!.median).toBe(4.5);
    expect(analyse(two).questions.enfants!.median).toBe(2.5);
  });
});

describe('numbers with many values', () => {
  it('are counted in equal ranges, the same in every group', () => {
    const lines = ['enfants,quartier'];
    for (let i = 0; i < 100; i++) lines.push(`${300 + i * 5.5},${i % 2 ? 'Nord' : 'Sud'}`);
    const a = analyse(readResponsesCsv(qn, lines.join('\n')).table, { by: 'quartier' });
    const e = a.questions.enfants!;
    expect(Object.keys(e.counts)).toEqual(['300 à 400', '400 à 500', '500 à 600', '600 à 700', '700 à 800', '800 à 900']);
    expect(e.counts['300 à 400']).toBe(19); // 300, 305.5, … 399
    expect(Object.values(e.counts).reduce((x, y) => x + y, 0)).toBe(100);
    expect(e.mean).toBe(572.25);
    expect(Object.keys(a.by!.Nord!.questions.enfants!.counts)).toEqual(Object.keys(e.counts));
  });
});

describe('roundRatio', () => {
  it('rounds halves away from zero from the exact ratio', () => {
    expect(roundRatio(100, 8, 1)).toBe(12.5);
    expect(roundRatio(1, 8, 2)).toBe(0.13); // 0.125
    expect(roundRatio(537, 86, 2)).toBe(6.24);
    expect(roundRatio(-1, 8, 2)).toBe(-0.13);
    expect(roundRatio(1, 0, 1)).toBe(0);
    expect(roundRatio(4700, 86, 1)).toBe(54.7);
  });
});
