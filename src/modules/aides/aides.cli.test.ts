import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoRules } from './aid-files';
import { runEligibility } from './aides.cli';

/** The stored versions are the YAML files' until an agent edits one (the database case: aides.instruction.int.test.ts). */
const aidsOn = async () => demoRules().aids;

const town = { name: 'Amiens', inseeCode: '80021' };
const household = {
  id: 'f1',
  period: '2026-03',
  parent: { age: 34, salaire_net_mensuel: 900, activite: 'chomeur' },
  children: [{ age: 4 }],
  housing: { statut: 'locataire_hlm', loyer_mensuel: 450 },
  commune: 'Amiens',
  quotient_familial: 812,
  anciennete_residence_mois: 12,
  aides_recues_cette_annee: [],
};

async function run(content: string, jsonl = false) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aides-cli-'));
  const file = path.join(dir, 'in.json');
  fs.writeFileSync(file, content);
  const out: string[] = [];
  const err: string[] = [];
  const code = await runEligibility(
    file,
    { jsonl, date: '2026-03-10' },
    town,
    aidsOn,
    (l) => out.push(l),
    (m) => err.push(m),
  );
  fs.rmSync(dir, { recursive: true });
  return { code, out, err };
}

describe('relais aides eligibilite', () => {
  it('prints one JSON line with every aid, the margin of a refusal', async () => {
    const r = await run(JSON.stringify(household));
    expect(r.code).toBe(0);
    const line = JSON.parse(r.out[0]);
    expect(line.id).toBe('f1');
    expect(line.results).toHaveLength(10);
    const sante = line.results.find((x: { aid: string }) => x.aid === 'cheque-sante');
    expect(sante.status).toBe('not_eligible');
    expect(sante.reasons).toEqual(['quotient familial 812 € > 700 €, soit 112 € au-dessus']);
    expect(line.results.find((x: { aid: string }) => x.aid === 'aide-permis')).toMatchObject({ status: 'eligible', priority: true });
  });

  it('--jsonl: one line per household, a bad line reported with its field and exit code 2', async () => {
    const bad = { ...household, id: 'f2', situation_emploi: 'astronaute' };
    const r = await run([JSON.stringify(household), JSON.stringify(bad), '', JSON.stringify({ ...household, id: 'f3' })].join('\n'), true);
    expect(r.code).toBe(2);
    expect(r.out).toHaveLength(3);
    expect(JSON.parse(r.out[1]).error.fields[0].path).toBe('situation_emploi');
    expect(JSON.parse(r.out[2]).id).toBe('f3');
    expect(r.err[0]).toMatch(/^Ligne 2 : la description du foyer est incomplète/);
  });

  it('unreadable JSON: exit code 2 and a French message', async () => {
    const r = await run('{ pas du json');
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/JSON illisible/);
  });

  it('no aid stored: exit code 2 and what to do', async () => {
    const err: string[] = [];
    const code = await runEligibility(
      undefined,
      { date: '2026-03-10' },
      town,
      async () => [],
      () => {},
      (m) => err.push(m),
    );
    expect(code).toBe(2);
    expect(err[0]).toMatch(/Aucune aide locale/);
  });

  it('a missing file: exit code 2', async () => {
    const out: string[] = [];
    const err: string[] = [];
    expect(
      await runEligibility(
        '/nonexistent/f.json',
        {},
        town,
        aidsOn,
        (l) => out.push(l),
        (m) => err.push(m),
      ),
    ).toBe(2);
    expect(err[0]).toMatch(/Fichier introuvable/);
  });
});
