import { describe, expect, it } from 'vitest';
import { evaluationFigures, evaluationHtml, type EvaluationData } from './evaluation-report';
import { historySvg } from './history-chart';
import type { IndicatorRow, ValueRow } from './pilotage.store';

const ind = (id: string, label: string): IndicatorRow => ({
  id,
  actionId: 'a',
  position: 1,
  label,
  unit: 'familles',
  baseline: null,
  target: null,
  direction: 'increase',
  source: 'manual',
  relaisId: null,
  questionnaire: null,
});
const v = (indicatorId: string, period: string, neighbourhood: string, value: number, base: number | null = null): ValueRow => ({
  indicatorId,
  period,
  neighbourhood,
  value,
  base,
  origin: 'manual',
  recordedAt: new Date(),
});

function data(over: Partial<EvaluationData['evaluation']> = {}, values: ValueRow[] = []): EvaluationData {
  return {
    evaluation: {
      actionId: 'a',
      title: 'Bilan',
      periodFrom: '2026-01',
      periodTo: '2026-03',
      reachedIndicatorId: 'r',
      satisfactionIndicatorId: 's',
      participationIndicatorId: 'p',
      obstacles: '',
      conclusions: '',
      ...over,
    },
    town: 'Amiens',
    plan: { title: 'Plan', isDemo: true },
    action: { title: 'Action', leadService: '', partners: [], status: 'En cours' },
    neighbourhoods: [
      { id: 'nord', name: 'Nord' },
      { id: 'sud', name: 'Sud' },
    ],
    indicators: [ind('r', 'Familles'), ind('s', 'Satisfaits'), ind('p', 'Participation')],
    values,
    generatedAt: '10 mars 2026',
  };
}

describe('evaluation figures', () => {
  const values = [
    v('r', '2025-12', '*', 100), // before the period: left out
    v('r', '2026-01', '*', 4),
    v('r', '2026-03', '*', 6),
    v('s', '2026-02', '*', 70, 20),
    v('s', '2026-03', '*', 80, 25),
    v('p', '2026-02', 'nord', 2),
    v('p', '2026-03', 'nord', 3),
    v('p', '2026-03', '?', 1),
    v('p', '2026-03', '*', 99), // the town total is not a neighbourhood
  ];
  const f = evaluationFigures(data({}, values));
  it('sums the families reached over the months of the period', () =>
    expect(f.reached).toMatchObject({
      total: 10,
      months: [
        { period: '2026-01', value: 4 },
        { period: '2026-03', value: 6 },
      ],
    }));
  it('takes the latest satisfaction of the period with its base', () => expect(f.satisfaction).toMatchObject({ value: 80, base: 25, period: '2026-03' }));
  it('sums participation by neighbourhood, every neighbourhood listed, unlocated apart', () => {
    expect(f.participation!.rows).toEqual([
      { id: 'nord', name: 'Nord', value: 5 },
      { id: 'sud', name: 'Sud', value: 0 },
      { id: '?', name: 'Quartier non renseigné', value: 1 },
    ]);
    expect(f.participation!.total).toBe(6);
  });
  it('an unchosen indicator stays "à définir"', () => {
    const g = evaluationFigures(data({ satisfactionIndicatorId: null }));
    expect(g.satisfaction).toBeNull();
    expect(evaluationHtml(data({ satisfactionIndicatorId: null }))).toContain('Indicateur à définir');
  });
});

describe('evaluation html', () => {
  it('is a printable French document that escapes what people typed', () => {
    const html = evaluationHtml(data({ title: 'Bilan <b>', obstacles: 'Horaires & transports\n\nCoût' }));
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(html).toContain('<title>Bilan &lt;b&gt;</title>');
    expect(html).toContain('<p>Horaires &amp; transports</p><p>Coût</p>');
    expect(html).toContain('@media print');
    expect(html).toContain('Exemple de démonstration');
  });
});

describe('history svg', () => {
  it('draws nothing without points', () => expect(historySvg([], { target: null, title: 'x' })).toBe(''));
  it('is hidden from screen readers (the table carries the figures)', () => {
    const svg = historySvg(
      [
        { period: '2026-01', value: 1 },
        { period: '2026-02', value: 3 },
      ],
      { target: 5, title: 'x' },
    );
    expect(svg).toContain('aria-hidden="true"');
    expect(svg).toContain('cible');
    expect(svg.match(/<circle/g)).toHaveLength(2);
  });
});
