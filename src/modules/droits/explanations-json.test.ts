/**
 * The batch line written without objects (explanations-json.ts) is exactly the API's answer
 * serialised, in every mode; the compact `ids` line resolves, through the catalogue and the
 * references that `relais droits references` serves, to exactly the inline line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultEngine } from './engine';
import { REASONS, STEP_LABELS } from './explanations-catalogue';
import { ByteWriter, resolveCompactLine } from './explanations-json';
import { testHousehold } from './test-households';

const SAMPLE = path.resolve(import.meta.dirname, 'fixtures/benefits-sample.json');
const sample = (JSON.parse(readFileSync(SAMPLE, 'utf8')) as { cases: { input: { id: string } }[] }).cases.map((c) => c.input);

// Households that reach the branches the sample may not: alimony fixed and unpaid, furnished
// rent, owners, each zone, unemployment, no children, many children.
const extra = [
  { ...testHousehold({ alimony: 50 }), pension_alimentaire_fixee_mensuelle: 300, id: 'unpaid' },
  { ...testHousehold({ statut: 'locataire_meuble', loyer: 700, zone: 1, salary: 900 }), id: 'meuble' },
  { ...testHousehold({ statut: 'locataire_hlm', loyer: 450, zone: 3, children: ['2024-01-10', '2015-05-01', '2010-02-02', '2007-06-06'] }), id: 'hlm' },
  { ...testHousehold({ statut: 'proprietaire', salary: 2500, children: ['2012-03-03', '2009-09-09'] }), id: 'owner' },
  { ...testHousehold({ activite: 'chomeur', unemployment: 900, statut: 'locataire_vide', loyer: 1100, zone: 2 }), id: 'chomeur' },
  { ...testHousehold({ children: [], salary: 1200 }), id: 'sans-enfant' },
];
const households = [...sample, ...extra];

const engine = defaultEngine();
const parsed = households.map((raw, i) => {
  const p = engine.parse(raw, i);
  if (!p.ok) throw new Error(`${(raw as { id: string }).id}: ${JSON.stringify(p.fields)}`);
  return p.household;
});

describe('batch lines (explanations-json.ts)', () => {
  it('inline, household and without explanations: exactly JSON.stringify of the API answer', () => {
    for (const h of parsed) {
      for (const references of ['inline', 'household'] as const) expect(engine.runJson(h, { references })).toBe(JSON.stringify(engine.run(h, { references })));
      expect(engine.runJson(h, { explain: false })).toBe(JSON.stringify(engine.run(h, { explain: false })));
      expect(engine.runJson(h, { explain: false, references: 'ids' })).toBe(JSON.stringify(engine.run(h, { explain: false })));
    }
  });

  it('ids: resolved through the catalogue and the references of the month, the very steps, reasons and amounts of the inline line', () => {
    for (const h of parsed) {
      const compact = engine.runJson(h, { references: 'ids' });
      // What a reader gets from `relais droits references --period <the line's period>` (its JSON, as printed).
      const served = JSON.parse(JSON.stringify(engine.references(JSON.parse(compact).period))) as ReturnType<typeof engine.references>;
      expect(JSON.stringify(resolveCompactLine(compact, served.catalogue, served.references))).toBe(JSON.stringify(engine.run(h)));
    }
  });

  it('ids: at most 3 kB per household on the sample, and no text of a label, reason or reference in it', () => {
    let bytes = 0;
    for (const h of parsed.slice(0, sample.length)) {
      const compact = engine.runJson(h, { references: 'ids' });
      bytes += Buffer.byteLength(compact) + 1;
      expect(compact).not.toContain('Montant mensuel');
      expect(compact).not.toContain('legifrance');
    }
    expect(bytes / sample.length).toBeLessThanOrEqual(3000);
  });

  it('a line of another catalogue is refused, not misread', () => {
    const compact = engine.runJson(parsed[0]!, { references: 'ids' });
    const served = engine.references(JSON.parse(compact).period);
    expect(() => resolveCompactLine(compact, { ...served.catalogue, version: 'autre' }, served.references)).toThrow(/catalogue/);
  });

  it('the catalogue numbers each text once; its version changes with its lists', () => {
    expect(new Set(STEP_LABELS).size).toBe(STEP_LABELS.length);
    expect(new Set(REASONS).size).toBe(REASONS.length);
    const c = engine.catalogue();
    expect(c.labels).toEqual([...STEP_LABELS]);
    expect(c.parameters).toEqual(engine.legislation.names().sort());
    expect(c.version).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('ByteWriter.number', () => {
  it('writes every number as JSON.stringify does: cents and four-decimal rates digit by digit, the rest through String', () => {
    const w = new ByteWriter();
    const check = (n: number) => {
      w.number(n);
      expect(w.text(), String(n)).toBe(JSON.stringify(n));
    };
    // A seeded walk over amounts, rates and integers of every size the engine writes, and their negatives.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 5_000; i++) {
      const x = next() * 10 ** Math.floor(next() * 9);
      for (const n of [x, Math.round(x * 100) / 100, Math.round(x * 10000) / 10000, Math.round(x), -Math.round(x * 100) / 100]) check(n);
    }
    for (let c = -2000; c <= 2000; c++) {
      check(c / 100);
      check(c / 10000);
    }
    for (const n of [0, -0, 0.1 + 0.2, 1e-7, 5e-324, 1e21, 21474836.47, 21474836.48, 2 ** 31, -(2 ** 31), 0.00005, 0.99995, NaN, Infinity, -Infinity]) check(n);
  });
});
