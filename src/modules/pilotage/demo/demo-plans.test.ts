/**
 * The demo plans against their own data: each piece is what the pilotage API would accept
 * (its zod schemas, unchanged by them), the numbering is consistent, every action the
 * demo seed attaches an indicator to is found (once) in its plan, and the figures the plans
 * carry (counts, the Amiens stress baseline) match what they are said to be. The
 * transcription from the towns' documents is described in README.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../platform/csv';
import { actionInput, axisInput, objectiveInput, planInput } from '../pilotage.schemas';
import { AMIENS_STRESS_BASELINE, INDICATOR_ACTIONS, demoPlan, type DemoPlan } from './demo.seed';

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'];
const actionsOf = (p: DemoPlan) => p.axes.flatMap((a) => a.objectives.flatMap((o) => o.actions));

describe.each(['dijon', 'amiens'] as const)('demo plan %s', (name) => {
  const plan = demoPlan(name);

  it('is what the API accepts, piece by piece, unchanged', () => {
    const { title, source } = plan;
    expect(planInput.parse({ title, description: '' }).title).toBe(title);
    expect(source).toMatch(/document de référence du projet/);
    for (const a of plan.axes) {
      const { objectives, ...axis } = a;
      expect(axisInput.parse(axis)).toEqual(axis);
      for (const o of objectives) {
        const { actions, ...objective } = o;
        expect(objectiveInput.parse(objective)).toEqual(objective);
        for (const x of actions) expect(actionInput.parse(x)).toEqual(x);
      }
    }
  });

  it('numbers axes 1…n and has no duplicate action in an objective', () => {
    expect(plan.axes.map((a) => a.code)).toEqual(plan.axes.map((_, i) => `Axe ${i + 1}`));
    for (const a of plan.axes) for (const o of a.objectives) expect(new Set(o.actions.map((x) => x.title)).size).toBe(o.actions.length);
  });

  it('finds every action the demo seed measures, exactly once', () => {
    const titles = actionsOf(plan).map((x) => x.title);
    for (const start of Object.values(INDICATOR_ACTIONS[name]))
      expect({ start, matches: titles.filter((t) => t.startsWith(start)).length }).toEqual({ start, matches: 1 });
  });
});

describe('Dijon', () => {
  const p = demoPlan('dijon');

  it('5 axes, their numbered strategic objectives, sections i, ii… and 97 measures', () => {
    expect(p.axes.map((a) => a.goals.length)).toEqual([3, 4, 4, 4, 4]);
    for (const a of p.axes) {
      a.goals.forEach((g, i) => expect(g).toMatch(new RegExp(`^Objectif ${i + 1} : \\S`)));
      expect(a.objectives.map((o) => o.code)).toEqual(ROMAN.slice(0, a.objectives.length));
      expect(a.description.length).toBeGreaterThan(100);
    }
    expect(p.axes.map((a) => a.objectives.map((o) => o.actions.length))).toEqual([
      [5, 6, 5],
      [3, 3, 5, 5],
      [3, 2, 5, 3, 5],
      [6, 4, 5, 5, 0],
      [11, 4, 6, 4, 2],
    ]);
    expect(actionsOf(p)).toHaveLength(97);
    const ax4 = p.axes[3]!.objectives[0]!;
    expect(ax4.title).toBe("Évaluer et déployer l'expérimentation de sport");
    expect(ax4.actions[0]!.title).toBe(
      "Réaliser un bilan qualitatif et quantitatif de l'expérimentation : nombre de familles bénéficiaires, satisfaction, freins persistants, participation selon les quartiers.",
    );
  });
});

describe('Amiens', () => {
  const p = demoPlan('amiens');

  it('strategic objectives 1.1 to 4.2 under their axis, each with the solutions the parents proposed', () => {
    expect(p.axes.flatMap((a) => a.objectives.map((o) => o.code))).toEqual(['1.1', '1.2', '2.1', '2.2', '3.1', '3.2', '4.1', '4.2']);
    p.axes.forEach((a, i) => {
      for (const o of a.objectives) {
        expect(o.code.startsWith(`${i + 1}.`)).toBe(true);
        expect(o.actions.length).toBeGreaterThanOrEqual(3);
        for (const x of o.actions) expect(x.description.length).toBeGreaterThan(40);
      }
    });
    // The document names axes 1 and 2 only; the others say so.
    expect(p.axes.slice(2).map((a) => a.title)).toEqual(['Intitulé non précisé dans le document', 'Intitulé non précisé dans le document']);
    expect(actionsOf(p)).toHaveLength(28);
    expect(p.axes[0]!.objectives[0]!.actions.map((x) => x.title)).toContain('Aide au financement du permis de conduire');
  });

  it('takes its stress baseline from the Amiens answers the diagnostic demo holds', () => {
    const csv = fs.readFileSync(path.resolve(import.meta.dirname, '../../diagnostic/demo/amiens-responses.csv'), 'utf8');
    const [header, ...rows] = parseCsv(csv).records.map((r) => r.fields);
    const col = header!.indexOf('stress');
    const values = rows.map((r) => Number(r[col]));
    expect(values).toHaveLength(86);
    expect(Math.round((100 * values.reduce((a, b) => a + b, 0)) / values.length) / 100).toBe(AMIENS_STRESS_BASELINE);
  });
});
