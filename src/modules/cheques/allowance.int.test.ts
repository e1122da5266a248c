/** The yearly allowance on real PostgreSQL: who receives it, once a year (also under racing runs), its notice and its expiry. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { createTestEnv, type TestClient, type TestEnv } from '../../platform/testing';
import { grantYearlyAllowances } from './allowance.service';
import { creditAccount } from './ledger.service';

let env: TestEnv;
type Who = TestClient & { user: SessionUser };

async function family(firstName: string, quotient: number | null): Promise<{ parent: Who; householdId: string }> {
  const parent = (await env.as('parent')) as Who;
  const res = await parent.post('/api/dossiers/me', {
    parent: { firstName, lastName: 'Durand', birthDate: '1987-05-02', email: `${firstName.toLowerCase()}@example.fr` },
    children: [{ firstName: 'Léo', birthDate: '2017-09-01' }],
    address: { line: '2 rue Saint-Leu', postalCode: '80000', inseeCode: '80021', neighbourhoodId: 'etouvie' },
    ...(quotient === null ? {} : { quotient: { entered: quotient } }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return { parent, householdId: res.json().household.id as string };
}

const allowanceEntries = async (householdId: string) =>
  (
    await env.rt.deps.db.query<{ kind: string; amount: number; year: number }>(
      `SELECT a.kind, e.amount_cents AS amount, e.allowance_year AS year FROM cheques_entries e JOIN cheques_accounts a ON a.id = e.account_id
        WHERE a.household_id = $1 AND e.allowance_year IS NOT NULL ORDER BY e.allowance_year, a.kind`,
      [householdId],
    )
  ).rows;

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
});
afterAll(() => env.close());

describe('yearly allowance', () => {
  it('credits each eligible file once a year (santé 150 €, services 100 €, to 31 December), audited, with a French message; not the others', async () => {
    const nadia = await family('Nadia', 450);
    const above = await family('Chloe', 900);
    const mark = await env.auditMark();
    await env.rt.deps.jobs.runNow('cheques.allowance', {});

    expect(await allowanceEntries(nadia.householdId)).toEqual([
      { kind: 'sante', amount: 15000, year: 2026 },
      { kind: 'services', amount: 10000, year: 2026 },
    ]);
    expect(await allowanceEntries(above.householdId)).toEqual([]);
    const me = (await nadia.parent.get('/api/cheques/me')).json();
    expect(me.accounts.map((a: { kind: string; availableCents: number; nextExpiry: string }) => [a.kind, a.availableCents, a.nextExpiry])).toEqual([
      ['sante', 15000, '2026-12-31'],
      ['services', 10000, '2026-12-31'],
    ]);
    expect(me.history[0]).toMatchObject({ type: 'credit', label: 'Dotation annuelle', validUntil: '2026-12-31' });
    const a = await env.expectAudit('cheques/credited', me.history[0].id, { actorId: null, householdId: nadia.householdId, after: mark });
    expect(a.details).toMatchObject({ source: 'allowance', allowanceYear: 2026 });
    const { rows } = await env.rt.deps.db.query(
      `SELECT subject, body FROM notifications WHERE template = 'cheques.allowance' AND recipient = 'nadia@example.fr'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].subject).toBe('Vos chèques 2026 sont disponibles');
    expect(rows[0].body).toContain('- Chèque santé : 150,00\u00a0€');
    expect(rows[0].body).toContain('valable jusqu’au 31 décembre 2026'.replace('’', "'"));

    // A second night: nothing more.
    const again = await grantYearlyAllowances(env.rt.deps);
    expect(again.credits).toBe(0);
    expect(again.already).toBeGreaterThanOrEqual(1);
    expect(await allowanceEntries(nadia.householdId)).toHaveLength(2);
    expect((await env.rt.deps.db.query(`SELECT 1 FROM notifications WHERE template = 'cheques.allowance' AND recipient = 'nadia@example.fr'`)).rowCount).toBe(
      1,
    );
  });

  it('a file without a quotient receives nothing (missing data never means eligible); a dry run writes nothing', async () => {
    const f = await family('Ines', null);
    const dry = await grantYearlyAllowances(env.rt.deps, { dryRun: true });
    expect(dry.notEligible).toBeGreaterThanOrEqual(2);
    expect(await allowanceEntries(f.householdId)).toEqual([]);
    const g = await family('Maya', 300);
    const dry2 = await grantYearlyAllowances(env.rt.deps, { dryRun: true });
    expect(dry2).toMatchObject({ year: 2026, credited: 1, credits: 2, totalCents: 25000 });
    expect(await allowanceEntries(g.householdId)).toEqual([]);
  });

  it('two runs racing credit a year once (the unique index decides)', async () => {
    const f = await family('Sarah', 500);
    const runs = await Promise.all([grantYearlyAllowances(env.rt.deps), grantYearlyAllowances(env.rt.deps), grantYearlyAllowances(env.rt.deps)]);
    expect(await allowanceEntries(f.householdId)).toHaveLength(2);
    expect(runs.reduce((s, r) => s + r.credits, 0)).toBeGreaterThanOrEqual(2);
  });

  it('a granted yearly aid and the allowance meet on the same constraint: the second writes nothing', async () => {
    const f = await family('Lou', 400);
    const ctx = env.rt.systemCtx();
    const first = await tx(ctx.db, (t) =>
      creditAccount(t, ctx, { householdId: f.householdId, kind: 'sante', amountCents: 15000, source: { kind: 'aid', requestId: 'r-1' }, allowanceYear: 2026 }),
    );
    expect(first).toMatchObject({ alreadyCredited: false, entryId: expect.any(String) });
    const mark = await env.auditMark();
    const second = await tx(ctx.db, (t) =>
      creditAccount(t, ctx, {
        householdId: f.householdId,
        kind: 'sante',
        amountCents: 15000,
        source: { kind: 'aid', requestId: 'r-2' },
        allowanceYear: 2026,
      }),
    );
    expect(second).toEqual({ accountId: first.accountId, entryId: null, alreadyCredited: true });
    const { rows } = await env.rt.deps.db.query(`SELECT 1 FROM audit_log WHERE id > $1 AND action = 'cheques/credited'`, [mark]);
    expect(rows).toEqual([]);
    await grantYearlyAllowances(env.rt.deps);
    // The job adds only the kind the aid did not cover.
    expect(await allowanceEntries(f.householdId)).toEqual([
      { kind: 'sante', amount: 15000, year: 2026 },
      { kind: 'services', amount: 10000, year: 2026 },
    ]);
  });

  it('an agent’s « dotation annuelle » is this year’s: the job leaves that kind alone, a second one is refused', async () => {
    const agent = await env.as('agent');
    const f = await family('Rose', 380);
    expect((await agent.post(`/api/dossiers/households/${f.householdId}/open`, { reason: 'Dotation' })).statusCode).toBe(200);
    const allowance = { kind: 'sante', amountCents: 15000, source: 'allowance', reason: 'Dotation versée au guichet' };
    expect((await agent.post(`/api/cheques/households/${f.householdId}/credits`, allowance)).statusCode).toBe(201);
    const again = await agent.post(`/api/cheques/households/${f.householdId}/credits`, allowance);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('cheques/allowance-already');
    await grantYearlyAllowances(env.rt.deps);
    expect((await allowanceEntries(f.householdId)).map((e) => [e.kind, e.year])).toEqual([
      ['sante', 2026],
      ['services', 2026],
    ]);
  });

  it('a family whose account is in English gets the allowance and the 7-day expiry notice in English', async () => {
    const liam = await family('Liam', 400);
    await env.rt.deps.db.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [liam.parent.user.id]);
    await grantYearlyAllowances(env.rt.deps);
    const sent = async (template: string) =>
      (
        await env.rt.deps.db.query<{ subject: string | null; body: string; locale: string }>(
          `SELECT subject, body, locale FROM notifications WHERE template = $1 AND recipient = 'liam@example.fr'`,
          [template],
        )
      ).rows;
    const [allowance] = await sent('cheques.allowance');
    expect(allowance).toMatchObject({ locale: 'en', subject: 'Your 2026 vouchers are available' });
    expect(allowance!.body).toContain('Hello Liam,');
    expect(allowance!.body).toContain('- Health voucher (chèque santé): €150.00');
    expect(allowance!.body).toContain('- Local services vouchers (chèques services): €100.00');
    expect(allowance!.body).not.toContain('food card');
    expect(allowance!.body).toContain('valid until 31 December 2026');
    try {
      env.clock.set('2026-12-26T09:00:00+01:00');
      await env.rt.deps.jobs.runNow('cheques.expire', {});
      const notices = await sent('cheques.expiry-notice');
      expect(notices.map((n) => n.subject).sort()).toEqual([
        'Health voucher (chèque santé): a credit expires soon',
        'Local services vouchers (chèques services): a credit expires soon',
      ]);
      expect(notices.map((n) => n.body).join('\n')).toContain('You still have €150.00 to use');
      expect(notices.map((n) => n.body).join('\n')).toContain('no longer be valid after 31 December 2026');
    } finally {
      env.clock.set('2026-03-10T10:00:00+01:00');
    }
  });

  it('what is left on 31 December expires with its notice; the new year credits again', async () => {
    const f = await family('Zoe', 350);
    await grantYearlyAllowances(env.rt.deps);
    try {
      env.clock.set('2026-12-26T09:00:00+01:00');
      await env.rt.deps.jobs.runNow('cheques.expire', {});
      const { rows } = await env.rt.deps.db.query(`SELECT body FROM notifications WHERE template = 'cheques.expiry-notice' AND recipient = 'zoe@example.fr'`);
      expect(rows.map((r) => r.body).join('\n')).toContain('après le 31 décembre 2026');
      env.clock.set('2027-01-01T04:00:00+01:00');
      await env.rt.deps.jobs.runNow('cheques.expire', {});
      await env.rt.deps.jobs.runNow('cheques.allowance', {});
      // (The parent's session has long expired: read the ledger itself.)
      const { rows: entries } = await env.rt.deps.db.query<{ kind: string; type: string; amount: number; until: string | null }>(
        `SELECT a.kind, e.type, e.amount_cents AS amount, to_char(e.expires_at AT TIME ZONE 'Europe/Paris' - interval '1 day', 'YYYY-MM-DD') AS until
           FROM cheques_entries e JOIN cheques_accounts a ON a.id = e.account_id WHERE a.household_id = $1 ORDER BY a.kind, e.created_at, e.type DESC`,
        [f.householdId],
      );
      expect(entries).toEqual([
        { kind: 'sante', type: 'credit', amount: 15000, until: '2026-12-31' },
        { kind: 'sante', type: 'expiry', amount: -15000, until: null },
        { kind: 'sante', type: 'credit', amount: 15000, until: '2027-12-31' },
        { kind: 'services', type: 'credit', amount: 10000, until: '2026-12-31' },
        { kind: 'services', type: 'expiry', amount: -10000, until: null },
        { kind: 'services', type: 'credit', amount: 10000, until: '2027-12-31' },
      ]);
      expect((await allowanceEntries(f.householdId)).map((e) => e.year)).toEqual([2026, 2026, 2027, 2027]);
    } finally {
      env.clock.set('2026-03-10T10:00:00+01:00');
    }
  });
});
