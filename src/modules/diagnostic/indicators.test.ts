import { describe, expect, it } from 'vitest';
import { analyse } from './analysis';
import { indicatorFromAnalysis } from './indicators';
import { parseQuestionnaire } from './questionnaire';
import { readResponsesCsv } from './responses-csv';

const qn = parseQuestionnaire({
  title: 'T',
  questions: [
    { id: 'garde', type: 'single', label: 'Garde ?', options: ['Oui', 'Non', 'Parfois'] },
    { id: 'freins', type: 'multi', label: 'Freins', options: ['Coût', 'Horaires'] },
    { id: 'stress', type: 'scale', label: 'Stress' },
    { id: 'avis', type: 'text', label: 'Avis' },
    { id: 'quartier', type: 'neighbourhood', label: 'Quartier', options: ['Nord', 'Étouvie'] },
  ],
});
const table = readResponsesCsv(qn, 'garde,freins,stress,quartier\nOui,Coût,8,Nord\nNon,Coût|Horaires,6,Nord\nNon,,4,Étouvie\n,Horaires,,\n').table;
const byHood = analyse(table, { by: 'quartier' });
const town = {
  neighbourhoods: [
    { id: 'nord', name: 'Nord', center: [0, 0] },
    { id: 'etouvie', name: 'Étouvie', center: [0, 0] },
  ],
} as never;

describe('indicatorFromAnalysis', () => {
  it('gives the share of an answer, overall and by neighbourhood (town ids)', () => {
    const r = indicatorFromAnalysis(qn, byHood, { questionnaireId: 'x', measure: 'share', question: 'garde', option: 'Non' }, town);
    expect(r).toMatchObject({ value: 66.7, base: 3, unit: '%' });
    expect(r.byNeighbourhood).toEqual([
      { label: 'Nord', neighbourhood: 'nord', value: 50, base: 2 },
      { label: 'Étouvie', neighbourhood: 'etouvie', value: 100, base: 1 },
    ]);
  });

  it('adds alternatives of a single choice', () => {
    expect(indicatorFromAnalysis(qn, byHood, { questionnaireId: 'x', measure: 'share', question: 'garde', option: ['Non', 'Parfois'] }).value).toBe(66.7);
  });

  it('gives a multiple choice over those who answered it', () => {
    expect(indicatorFromAnalysis(qn, byHood, { questionnaireId: 'x', measure: 'share', question: 'freins', option: 'Horaires' }).value).toBe(66.7);
  });

  it('gives the mean of a scale', () => {
    const r = indicatorFromAnalysis(qn, byHood, { questionnaireId: 'x', measure: 'mean', question: 'stress' });
    expect(r.value).toBe(6);
    expect(r.byNeighbourhood.map((g) => g.value)).toEqual([7, 4]);
  });

  it('counts respondents', () => {
    expect(indicatorFromAnalysis(qn, byHood, { questionnaireId: 'x', measure: 'respondents' }).value).toBe(4);
    expect(indicatorFromAnalysis(qn, byHood, { questionnaireId: 'x', measure: 'respondents', question: 'stress' }).value).toBe(3);
  });

  it('refuses a mean of a choice, a share without an answer, an unknown option', () => {
    expect(() => indicatorFromAnalysis(qn, byHood, { questionnaireId: 'x', measure: 'mean', question: 'garde' })).toThrow(/moyenne/);
    expect(() => indicatorFromAnalysis(qn, byHood, { questionnaireId: 'x', measure: 'share', question: 'garde' })).toThrow(/réponse/);
    expect(() => indicatorFromAnalysis(qn, byHood, { questionnaireId: 'x', measure: 'share', question: 'garde', option: 'Jamais' })).toThrow(/Jamais/);
    expect(() => indicatorFromAnalysis(qn, byHood, { questionnaireId: 'x', measure: 'share', question: 'avis', option: 'x' })).toThrow(/choix/);
  });
});
