import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoPlan } from './demo.seed';

const seeds = path.resolve(import.meta.dirname, '../../../../../shared/seeds');
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
const dijonText = flat(fs.readFileSync(path.join(seeds, '002_4f3d184fa878b57f.txt'), 'utf8'));
const amiensText = flat(fs.readFileSync(path.join(seeds, '000_574e2a4191b491ea.txt'), 'utf8'));

describe('demo plans are transcribed from the seed documents', () => {
  it('Dijon: 5 axes, their strategic objectives, sections and measures, word for word', () => {
    const p = demoPlan('dijon');
    expect(p.axes.map((a) => a.code)).toEqual(['Axe 1', 'Axe 2', 'Axe 3', 'Axe 4', 'Axe 5']);
    expect(p.axes.map((a) => a.goals.length)).toEqual([3, 4, 4, 4, 4]);
    for (const a of p.axes) {
      expect(dijonText).toContain(`${a.code.toUpperCase()} - ${a.title}`);
      for (const g of a.goals) expect(dijonText).toContain(g);
      for (const o of a.objectives) {
        expect(dijonText).toContain(`${o.code}. ${o.title}`);
        // Sub-items are joined to their measure; each piece is in the text.
        for (const x of o.actions) for (const piece of [x.title, ...x.description.split('\n')].filter(Boolean)) expect(dijonText).toContain(piece.replace(/ \(Dépôt de garantie\.\.\.\)$/, ''));
      }
    }
    const count = p.axes.flatMap((a) => a.objectives.flatMap((o) => o.actions)).length;
    expect(count).toBe(97);
    const ax4 = p.axes[3]!.objectives[0]!;
    expect(ax4.title).toBe("Évaluer et déployer l'expérimentation de sport");
    expect(ax4.actions[0]!.title).toBe('Réaliser un bilan qualitatif et quantitatif de l\'expérimentation : nombre de familles bénéficiaires, satisfaction, freins persistants, participation selon les quartiers.');
  });

  it('Amiens: strategic objectives 1.1 to 4.2 and the solutions proposed by the parents', () => {
    const p = demoPlan('amiens');
    expect(p.axes.flatMap((a) => a.objectives.map((o) => o.code))).toEqual(['1.1', '1.2', '2.1', '2.2', '3.1', '3.2', '4.1', '4.2']);
    for (const a of p.axes) {
      for (const o of a.objectives) {
        expect(amiensText).toContain(`Objectif stratégique ${o.code} : ${o.title}`);
        expect(o.actions.length).toBeGreaterThanOrEqual(3);
        for (const x of o.actions) {
          expect(amiensText).toContain(x.title);
          expect(amiensText).toContain(x.description.slice(0, 60));
        }
      }
    }
    expect(p.axes[0]!.objectives[0]!.actions.map((x) => x.title)).toContain('Aide au financement du permis de conduire');
  });
});
