import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCli } from '../../cli/index';
import { type SimulateOptions, droitsProgram, runSimulate } from './droits.cli';
import { defaultEngine } from './engine';
import { resolveCompactLine } from './explanations-json';
import { testHousehold } from './test-households';

const dir = mkdtempSync(path.join(tmpdir(), 'droits-cli-'));
function file(name: string, text: string) {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}
async function cli(f: string, o: Partial<SimulateOptions>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runSimulate(
    f,
    { explanations: false, ...o },
    (chunk) => {
      // A worker's output comes as UTF-8 bytes, this thread's as a string: both whole lines.
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      expect(text.endsWith('\n')).toBe(true);
      out.push(text);
    },
    (m) => err.push(m),
  );
  const lines = out.join('').split('\n').slice(0, -1);
  return { code, text: out.join(''), out: lines.map((l) => JSON.parse(l) as Record<string, unknown>), err: err.join('\n') };
}

const good = (id: string) => JSON.stringify({ ...testHousehold(), id });
const bad = JSON.stringify({ ...testHousehold({ children: ['2030-01-01'] }), id: 'bad' });

describe('relais droits simulate', () => {
  it('one household from a JSON file', async () => {
    const r = await cli(file('one.json', good('a')), {});
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    expect(r.out[0]!.id).toBe('a');
    expect((r.out[0]!.amounts as Record<string, number>).asf).toBe(196.84);
  });
  it('exit 2 and a French message on bad input', async () => {
    const r = await cli(file('bad.json', bad), {});
    expect(r.code).toBe(2);
    expect(r.out).toHaveLength(0);
    expect(r.err).toContain('children.0.date_naissance');
  });
  it('--jsonl keeps the input order and skips blank lines', async () => {
    const r = await cli(file('many.jsonl', [good('a'), '', good('b'), good('c')].join('\n')), { jsonl: true });
    expect(r.code).toBe(0);
    expect(r.out.map((o) => o.id)).toEqual(['a', 'b', 'c']);
  });
  it('--jsonl stops at the first bad line with exit 2', async () => {
    const r = await cli(file('stop.jsonl', [good('a'), bad, good('c')].join('\n')), { jsonl: true });
    expect(r.code).toBe(2);
    expect(r.out.map((o) => o.id)).toEqual(['a']);
    expect(r.err).toContain('Ligne 2');
  });
  it('--jsonl --keep-going writes an error line and goes on', async () => {
    const r = await cli(file('go.jsonl', [good('a'), bad, '{not json', good('d')].join('\n')), { jsonl: true, keepGoing: true });
    expect(r.code).toBe(2);
    expect(r.out.map((o) => o.id ?? `line ${o.line}`)).toEqual(['a', 'bad', 'line 3', 'd']);
    expect((r.out[1]!.error as { fields: { path: string }[] }).fields[0]!.path).toBe('children.0.date_naissance');
  });
  it('missing file', async () => {
    const r = await cli(path.join(dir, 'nope.json'), {});
    expect(r.code).toBe(2);
    expect(r.err).toContain('Fichier introuvable');
  });
  it('--jobs 3 writes exactly what one thread writes, in input order, bad lines in their place', async () => {
    // 1,000 lines: several batches per worker, so the order is really put back together.
    const lines = Array.from({ length: 1000 }, (_, i) => (i % 97 === 13 ? bad : i % 101 === 7 ? '{not json' : good(`h${i}`)));
    const f = file('big.jsonl', lines.join('\n'));
    const one = await cli(f, { jsonl: true, keepGoing: true, explanations: true });
    const three = await cli(f, { jsonl: true, keepGoing: true, explanations: true, jobs: 3 });
    expect(three.code).toBe(2);
    expect(three.text).toBe(one.text);
    expect(three.out).toHaveLength(1000);
    expect(three.out[13]).toMatchObject({ id: 'bad', line: 14 });
    expect(three.out[999]!.id).toBe('h999');
    expect(three.err).toBe(one.err);
  }, 60_000);
  it('--jobs 2 stops at the first bad line, after writing every line before it', async () => {
    const lines = Array.from({ length: 700 }, (_, i) => (i === 600 ? bad : good(`h${i}`)));
    const r = await cli(file('stop2.jsonl', lines.join('\n')), { jsonl: true, jobs: 2 });
    expect(r.code).toBe(2);
    expect(r.out.map((o) => o.id)).toEqual(lines.slice(0, 600).map((_, i) => `h${i}`));
    expect(r.err).toContain('Ligne 601');
  }, 60_000);
  it('--references household gives each reference once per household; ids gives compact steps the catalogue and references() resolve to the inline line', async () => {
    const f = file('refs.json', good('r'));
    const inlineRun = await cli(f, { explanations: true });
    const inline = inlineRun.out[0] as { explanations: Record<string, { steps: { parameter?: string; reference?: string }[] }> };
    const once = (await cli(f, { explanations: true, references: 'household' })).out[0] as typeof inline & {
      references: Record<string, string>;
      period: string;
    };
    const idsRun = await cli(f, { explanations: true, references: 'ids' });
    const inlineRefs = Object.values(inline.explanations).flatMap((e) => e.steps.filter((s) => s.reference));
    expect(inlineRefs.length).toBeGreaterThan(5);
    for (const s of inlineRefs) expect(once.references[s.parameter!]).toBe(s.reference);
    expect(JSON.stringify(once.explanations)).not.toContain('"reference"');
    // Resolved by id for the household's month: the same texts.
    const served = defaultEngine().references(once.period);
    for (const [parameter, text] of Object.entries(once.references)) expect(served.references[parameter]!.text).toBe(text);
    expect(idsRun.out[0]!.references).toBeUndefined();
    expect(idsRun.out[0]!.catalogue).toBe(served.catalogue.version);
    expect(JSON.stringify(resolveCompactLine(idsRun.text.trim(), served.catalogue, served.references))).toBe(inlineRun.text.trim());
    expect(idsRun.text.length).toBeLessThan(inlineRun.text.length * 0.3);
  });
  it('references() refuses a month outside the parameters', () => {
    expect(() => defaultEngine().references('1999-01')).toThrow();
    expect(() => defaultEngine().references('2026-13')).toThrow();
  });
});

describe('relais droits loaded alone (src/main.ts)', () => {
  it('has the same commands, arguments and options as in the whole relais tree', () => {
    const alone = droitsProgram().commands.find((c) => c.name() === 'droits')!;
    const whole = buildCli().commands.find((c) => c.name() === 'droits')!;
    expect(alone.helpInformation()).toBe(whole.helpInformation());
    expect(alone.commands.map((c) => c.name())).toEqual(whole.commands.map((c) => c.name()));
    for (const c of alone.commands) expect(c.helpInformation()).toBe(whole.commands.find((w) => w.name() === c.name())!.helpInformation());
  });
});
