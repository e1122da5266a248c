import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSimulate } from './droits.cli';
import { testHousehold } from './test-households';

const dir = mkdtempSync(path.join(tmpdir(), 'droits-cli-'));
function file(name: string, text: string) {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}
async function cli(f: string, o: { jsonl?: boolean; keepGoing?: boolean }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runSimulate(
    f,
    { explanations: false, ...o },
    (l) => out.push(l),
    (m) => err.push(m),
  );
  return { code, out: out.map((l) => JSON.parse(l) as Record<string, unknown>), err: err.join('\n') };
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
});
