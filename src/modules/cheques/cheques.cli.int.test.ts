/** `relais cheques …` on real PostgreSQL: a CSV list credited all or nothing, the month's reimbursements, the yearly allowance. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../../platform/context';
import { parseCsv } from '../../platform/csv';
import { createTestEnv, type TestClient, type TestEnv } from '../../platform/testing';
import { registerChequesCli } from './cheques.cli';

let env: TestEnv;
let dir: string;
type Who = TestClient & { user: SessionUser };

async function cli(...args: string[]): Promise<{ out: string; code: number }> {
  const program = new Command().exitOverride();
  registerChequesCli(program, async () => ({ ...env.rt, close: async () => {} }));
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((m: string) => void out.push(m));
  const err = vi.spyOn(console, 'error').mockImplementation((m: string) => void out.push(m));
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((m: string | Uint8Array) => (out.push(String(m)), true));
  process.exitCode = 0;
  try {
    await program.parseAsync(['node', 'relais', 'cheques', ...args]);
  } finally {
    log.mockRestore();
    err.mockRestore();
    write.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out: out.join('\n'), code };
}

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

async function family(firstName: string, quotient = 450): Promise<{ parent: Who; householdId: string }> {
  const parent = (await env.as('parent')) as Who;
  const res = await parent.post('/api/dossiers/me', {
    parent: { firstName, lastName: 'Martin', birthDate: '1990-02-02', email: `${firstName.toLowerCase()}@example.fr` },
    children: [{ firstName: 'Eva', birthDate: '2018-06-01' }],
    address: { line: '1 place Gambetta', postalCode: '80000', inseeCode: '80021', neighbourhoodId: 'etouvie' },
    quotient: { entered: quotient },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { parent, householdId: res.json().household.id as string };
}

const balances = async (parent: Who) =>
  Object.fromEntries(
    ((await parent.get('/api/cheques/me')).json().accounts as { kind: string; availableCents: number }[]).map((a) => [a.kind, a.availableCents]),
  );

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-04-10T10:00:00+02:00' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cheques-cli-'));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await env.close();
});

describe('relais cheques crediter', () => {
  it('credits every line of a French spreadsheet in one go, each audited with the reason', async () => {
    const a = await family('Amina');
    const b = await family('Brigitte');
    const csv = file(
      'ok.csv',
      `\uFEFFDossier;Type de chèque;Montant;Valable jusqu'au\n${a.householdId};Carte alimentaire solidaire;50,00;30/06/2026\n${b.householdId};santé;20;\n${a.householdId};sante;12,5;\n`,
    );
    const mark = await env.auditMark();
    const r = await cli('crediter', csv, '--motif', 'Commission du 9 avril');
    expect(r).toEqual({ out: '3 crédit(s) inscrit(s), 82,50\u00a0€ au total.', code: 0 });
    expect(await balances(a.parent)).toEqual({ alimentaire: 5000, sante: 1250 });
    expect(await balances(b.parent)).toEqual({ sante: 2000 });
    const entry = (await a.parent.get('/api/cheques/me')).json().history.find((h: { kind: string }) => h.kind === 'alimentaire');
    expect(entry).toMatchObject({ validUntil: '2026-06-30', label: 'Crédit accordé par un agent' });
    const audit = await env.expectAudit('cheques/credited', entry.id, {
      actorId: null,
      householdId: a.householdId,
      after: mark,
      reason: 'Commission du 9 avril',
    });
    expect(audit.details).toMatchObject({ kind: 'alimentaire', amountCents: 5000 });
  });

  it('a bad line: every problem with its line and column, exit 2, nothing credited', async () => {
    const a = await family('Carla');
    const before = await balances(a.parent);
    const csv = file('bad.csv', `dossier,type,montant\n${a.householdId},sante,30\nabc,sante,10\n${a.householdId},bons d'achat,10\n${a.householdId},sante,-4\n`);
    const r = await cli('crediter', csv, '--motif', 'Commission');
    expect(r.code).toBe(2);
    expect(r.out).toContain('3 problème(s) dans le fichier, rien n’a été crédité');
    expect(r.out).toContain('ligne 3, dossier : Identifiant de dossier attendu');
    expect(r.out).toContain("ligne 4, type : Type de chèque inconnu : « bons d'achat »");
    expect(r.out).toContain('ligne 5, montant : Montant en euros attendu');
    expect(await balances(a.parent)).toEqual(before);
  });

  it('an unknown file id rolls the whole list back; --essai checks without crediting; a missing column is named', async () => {
    const a = await family('Dina');
    const unknown = '3b1f3f8e-2c51-4c1a-9b7a-5d1f0e0e0e0e';
    const csv = file('unknown.csv', `dossier;type;montant\n${a.householdId};services;15\n${unknown};services;15\n`);
    const r = await cli('crediter', csv, '--motif', 'Commission');
    expect(r).toEqual({ out: '1 ligne(s) refusée(s), rien n’a été crédité :\n  ligne 3 : Aucun dossier actif avec cet identifiant.', code: 2 });
    expect(await balances(a.parent)).toEqual({});
    const ok = file('dry.csv', `dossier;type;montant\n${a.householdId};services;15\n`);
    expect(await cli('crediter', ok, '--motif', 'Commission', '--essai')).toEqual({
      out: 'Fichier correct : 1 crédit(s), 15,00\u00a0€ au total. Rien n’a été crédité (essai).',
      code: 0,
    });
    expect(await balances(a.parent)).toEqual({});
    expect((await cli('crediter', file('nocol.csv', `dossier;montant\n${a.householdId};15\n`), '--motif', 'Commission')).out).toContain(
      'Colonne(s) manquante(s) en première ligne : « type »',
    );
    expect((await cli('crediter', path.join(dir, 'absent.csv'), '--motif', 'Commission')).code).toBe(2);
  });
});

describe('relais cheques remboursements', () => {
  it('exports the month per partner, settles on request (audited), refuses a month not over', async () => {
    const agent = (await env.as('agent')) as Who;
    const a = await family('Elise');
    await agent.post(`/api/dossiers/households/${a.householdId}/open`, { reason: 'Chèques' });
    expect((await agent.post(`/api/cheques/households/${a.householdId}/credits`, { kind: 'sante', amountCents: 9000, reason: 'Accordé' })).statusCode).toBe(
      201,
    );
    const partner = (await env.as('partner')) as Who;
    await agent.put(`/api/cheques/partners/${partner.user.structureId}/kinds`, { kinds: ['sante'] });
    const { code } = (await a.parent.post('/api/cheques/me/codes/sante')).json();
    expect((await partner.post('/api/cheques/counter/redemptions', { code, amountCents: 3550 })).statusCode).toBe(201);

    expect((await cli('remboursements', '--mois', '2026-4')).code).toBe(2);
    expect((await cli('remboursements', '--mois', '2026-04', '--etablir')).out).toContain('pas encore terminé');
    env.clock.set('2026-05-02T09:00:00+02:00');
    try {
      const pending = await cli('remboursements', '--mois', '2026-04');
      const rows = parseCsv(pending.out.replace(/^\uFEFF/, '')).records.map((r) => r.fields);
      expect(rows[0]).toEqual(['Partenaire', 'Identifiant de la structure', 'Mois', 'Nombre de paiements', 'Montant (€)', 'État', 'Payé le']);
      expect(rows.find((r) => r[1] === partner.user.structureId)?.slice(2)).toEqual(['2026-04', '1', '35,50', 'relevé à établir', '']);

      const out = path.join(dir, 'avril.csv');
      const mark = await env.auditMark();
      expect((await cli('remboursements', '--mois', '2026-04', '--etablir', '--sortie', out)).out).toMatch(
        /partenaire\(s\) dans .*avril\.csv, 1 relevé\(s\) établi\(s\)\./,
      );
      const settled = parseCsv(fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '')).records.map((r) => r.fields);
      expect(settled.find((r) => r[1] === partner.user.structureId)?.slice(3, 6)).toEqual(['1', '35,50', 'relevé établi, à payer']);
      const audit = await env.expectAudit('cheques/settled', null, { after: mark, actorId: null, subjectType: 'cheques_settlement' });
      expect(audit.details).toMatchObject({ structureId: partner.user.structureId, period: '2026-04', totalCents: 3550 });
      // Settling again finds nothing left: the statement is not made twice.
      expect((await cli('remboursements', '--mois', '2026-04', '--etablir', '--sortie', out)).out).toContain('0 relevé(s) établi(s)');
    } finally {
      env.clock.set('2026-04-10T10:00:00+02:00');
    }
  });
});

describe('relais cheques dotation', () => {
  it('counts in a trial, then credits the year once', async () => {
    const f = await family('Fanny', 300);
    const dry = await cli('dotation', '--essai');
    expect(dry.out).toMatch(/^Dotation 2026 \(essai, rien n’est versé\) : \d+ famille\(s\) à créditer/);
    expect(await balances(f.parent)).toEqual({});
    expect((await cli('dotation')).out).toMatch(/^Dotation 2026 : \d+ famille\(s\) créditée\(s\)/);
    expect(await balances(f.parent)).toEqual({ sante: 15000, services: 10000 });
    expect((await cli('dotation')).out).toMatch(/^Dotation 2026 : 0 famille\(s\) créditée\(s\), 0,00\u00a0€ ; \d+ déjà servie\(s\)/);
  });
});
