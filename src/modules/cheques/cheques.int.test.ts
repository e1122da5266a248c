/** The chèques ledger, the counter and the settlement on real PostgreSQL: access, changes, audit, concurrency. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { createTestEnv, type TestClient, type TestEnv } from '../../platform/testing';
import * as store from './cheques.store';

let env: TestEnv;
type Who = TestClient & { user: SessionUser };

const filePatch = (firstName: string, quotient = 450) => ({
  parent: { firstName, lastName: 'Roche', birthDate: '1988-01-12', email: `${firstName.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}@example.fr` },
  children: [{ firstName: 'Tom', birthDate: '2016-04-01' }],
  address: { line: '4 rue Vulfran', postalCode: '80000', inseeCode: '80021', neighbourhoodId: 'etouvie' },
  quotient: { entered: quotient },
});

let agent: Who;
let town: Who;

async function family(firstName = 'Nadia', quotient = 450): Promise<{ parent: Who; householdId: string }> {
  const parent = (await env.as('parent')) as Who;
  const res = await parent.post('/api/dossiers/me', filePatch(firstName, quotient));
  expect(res.statusCode).toBe(201);
  const householdId = res.json().household.id as string;
  expect((await agent.post(`/api/dossiers/households/${householdId}/open`, { reason: 'Instruction des chèques' })).statusCode).toBe(200);
  expect((await town.post(`/api/dossiers/households/${householdId}/open`, { reason: 'Contrôle des chèques' })).statusCode).toBe(200);
  return { parent, householdId };
}

async function credit(householdId: string, amountCents: number, kind = 'sante', extra: Record<string, unknown> = {}) {
  const res = await agent.post(`/api/cheques/households/${householdId}/credits`, { kind, amountCents, reason: 'Chèque santé accordé en commission', ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { accountId: string; entryId: string };
}

async function partnerFor(kinds: string[]): Promise<Who> {
  const p = (await env.as('partner')) as Who;
  const res = await agent.put(`/api/cheques/partners/${p.user.structureId}/kinds`, { kinds });
  expect(res.statusCode, res.body).toBe(200);
  return p;
}

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  agent = (await env.as('agent')) as Who;
  town = (await env.as('coordinator')) as Who;
});
afterAll(() => env.close());

describe('credits', () => {
  it('an agent credits a family’s account, audited; the family sees it in euros and its history', async () => {
    const { parent, householdId } = await family();
    const mark = await env.auditMark();
    const c = await credit(householdId, 15000);
    const a = await env.expectAudit('cheques/credited', c.entryId, { actorId: agent.user.id, householdId, after: mark });
    expect(a.details).toMatchObject({ kind: 'sante', amountCents: 15000, source: 'agent' });
    const me = (await parent.get('/api/cheques/me')).json();
    expect(me.accounts).toEqual([{ kind: 'sante', label: 'Chèque santé', balanceCents: 15000, availableCents: 15000, nextExpiry: '2027-03-09' }]);
    expect(me.history[0]).toMatchObject({ type: 'credit', label: 'Crédit accordé par un agent', amountCents: 15000, validUntil: '2027-03-09' });
  });

  it('refuses the family, a partner, and an agent who has not opened the file', async () => {
    const { parent, householdId } = await family('Inès');
    const body = { kind: 'sante', amountCents: 1000, reason: 'essai' };
    expect((await parent.post(`/api/cheques/households/${householdId}/credits`, body)).statusCode).toBe(403);
    const partner = (await env.as('partner')) as Who;
    expect((await partner.post(`/api/cheques/households/${householdId}/credits`, body)).statusCode).toBe(403);
    const other = (await env.as('agent')) as Who;
    const res = await other.post(`/api/cheques/households/${householdId}/credits`, body);
    expect(res.json().error.code).toBe('dossiers/reason-required');
  });

  it('names the bad field', async () => {
    const { householdId } = await family('Léa');
    const res = await agent.post(`/api/cheques/households/${householdId}/credits`, { kind: 'sante', amountCents: 12.5, reason: 'ok ok' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('amountCents');
  });
});

describe('the balance is guarded by the database', () => {
  it('100 concurrent debits on a balance that covers 7 → exactly 7', async () => {
    const { householdId } = await family('Awa');
    const { accountId } = await credit(householdId, 700);
    const structureId = await env.structure();
    const db = env.rt.deps.db;
    // Raw inserts, each in its own transaction, with no lock taken by the caller: the trigger alone decides.
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, () =>
        tx(db, (t) => store.insertEntry(t, { accountId, type: 'debit', amountCents: -100, structureId, createdBy: null, now: env.clock.now() })),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(7);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(new Set(refused.map((r) => (r.reason as { constraint?: string }).constraint))).toEqual(new Set(['cheques_balance_nonnegative']));
    expect((await store.balanceOf(db, accountId, env.clock.now())).balanceCents).toBe(0);
  });

  it('entries are never updated', async () => {
    const { householdId } = await family('Zoé');
    const { entryId } = await credit(householdId, 500);
    await expect(env.rt.deps.db.query(`UPDATE cheques_entries SET amount_cents = 5000 WHERE id = $1`, [entryId])).rejects.toThrow(/append-only/);
  });
});

describe('at the counter', () => {
  it('code shown, read, 40 € taken, balance down, second use refused, audited', async () => {
    const { parent, householdId } = await family('Samia');
    await credit(householdId, 15000);
    const partner = await partnerFor(['sante']);
    const shown = await parent.post('/api/cheques/me/codes/sante');
    expect(shown.statusCode).toBe(201);
    const { code, id: codeId } = shown.json();
    expect(code).toMatch(/^[346789ABCDEFGHJKMNPQRTUVWXY]{4} [346789ABCDEFGHJKMNPQRTUVWXY]{4}$/);
    await env.expectAudit('cheques/code-shown', codeId, { actorId: parent.user.id });

    const look = await partner.post('/api/cheques/counter/lookup', { code: code.toLowerCase() });
    expect(look.json()).toEqual({ firstName: 'Samia', kind: 'sante', kindLabel: 'Chèque santé', availableCents: 15000 });

    const paid = await partner.post('/api/cheques/counter/redemptions', { code, amountCents: 4000 });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({ firstName: 'Samia', amountCents: 4000, availableCents: 11000 });
    await env.expectAudit('cheques/redeemed', paid.json().id, { actorId: partner.user.id, householdId });
    expect((await parent.get(`/api/cheques/me/codes/${codeId}/state`)).json().state).toBe('used');
    expect((await parent.get('/api/cheques/me')).json().accounts[0].availableCents).toBe(11000);

    const again = await partner.post('/api/cheques/counter/redemptions', { code, amountCents: 100 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'cheques/code-used', message: expect.stringContaining('déjà été utilisé') });
  });

  it('one code pays once even when sent ten times at once', async () => {
    const { parent, householdId } = await family('Maëlle');
    await credit(householdId, 15000);
    const partner = await partnerFor(['sante']);
    const { code } = (await parent.post('/api/cheques/me/codes/sante')).json();
    const all = await Promise.all(Array.from({ length: 10 }, () => partner.post('/api/cheques/counter/redemptions', { code, amountCents: 1000 })));
    expect(all.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(all.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'cheques/code-used')).toBe(true);
    expect((await parent.get('/api/cheques/me')).json().accounts[0].availableCents).toBe(14000);
  });

  it('refuses more than the balance, with what is available', async () => {
    const { parent, householdId } = await family('Rose');
    await credit(householdId, 2500);
    const partner = await partnerFor(['sante']);
    const { code } = (await parent.post('/api/cheques/me/codes/sante')).json();
    const res = await partner.post('/api/cheques/counter/redemptions', { code, amountCents: 4000 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields).toEqual([{ path: 'amountCents', message: 'Solde disponible : 25,00\u00a0€.' }]);
  });

  it('a wrong code: the same answer whether it exists or not; another kind’s partner, a parent, an unaccepted partner are refused; guesses throttled', async () => {
    const { parent, householdId } = await family('Yasmine');
    await credit(householdId, 5000);
    const { code } = (await parent.post('/api/cheques/me/codes/sante')).json();
    const grocer = await partnerFor(['alimentaire']);
    const existing = await grocer.post('/api/cheques/counter/redemptions', { code, amountCents: 100 });
    const unknown = await grocer.post('/api/cheques/counter/redemptions', { code: 'AAAA AAAA', amountCents: 100 });
    const garbage = await grocer.post('/api/cheques/counter/redemptions', { code: 'zz', amountCents: 100 });
    expect(existing.statusCode).toBe(422);
    expect(existing.body).toBe(unknown.body);
    expect(garbage.body).toBe(unknown.body);
    expect((await parent.post('/api/cheques/counter/redemptions', { code, amountCents: 100 })).statusCode).toBe(403);
    const stranger = (await env.as('partner')) as Who;
    expect((await stranger.post('/api/cheques/counter/redemptions', { code, amountCents: 100 })).json().error.code).toBe('cheques/kind-not-accepted');
    // 3 misses so far; the 11th gets "too many attempts".
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) codes.push((await grocer.post('/api/cheques/counter/lookup', { code: `BBBB${i}CCC` })).statusCode);
    expect(codes.slice(0, 7).every((c) => c === 422)).toBe(true);
    expect(codes[7]).toBe(429);
  });

  it('an expired code is a wrong code', async () => {
    const { parent, householdId } = await family('Chloé');
    await credit(householdId, 5000);
    const partner = await partnerFor(['sante']);
    const { code } = (await parent.post('/api/cheques/me/codes/sante')).json();
    env.clock.advance(6 * 60_000);
    try {
      expect((await partner.post('/api/cheques/counter/lookup', { code })).json().error.code).toBe('cheques/invalid-code');
    } finally {
      env.clock.set('2026-03-10T10:00:00+01:00');
    }
  });

  it('the partner cancels its redemption the same day (audited), not another partner, not the next day', async () => {
    const { parent, householdId } = await family('Lina');
    await credit(householdId, 5000);
    const partner = await partnerFor(['sante']);
    const pay = async () => {
      const { code } = (await parent.post('/api/cheques/me/codes/sante')).json();
      return (await partner.post('/api/cheques/counter/redemptions', { code, amountCents: 1000 })).json().id as string;
    };
    const first = await pay();
    const other = await partnerFor(['sante']);
    expect((await other.post(`/api/cheques/counter/redemptions/${first}/cancellation`)).statusCode).toBe(404);
    const res = await partner.post(`/api/cheques/counter/redemptions/${first}/cancellation`);
    expect(res.statusCode).toBe(201);
    await env.expectAudit('cheques/redemption-cancelled', first, { actorId: partner.user.id });
    expect((await partner.post(`/api/cheques/counter/redemptions/${first}/cancellation`)).json().error.code).toBe('cheques/already-cancelled');
    expect((await parent.get('/api/cheques/me')).json().accounts[0].availableCents).toBe(5000);
    const counter = (await partner.get('/api/cheques/counter')).json();
    expect(counter.redemptions[0]).toMatchObject({ firstName: 'Lina', cancelled: true, amountCents: 1000 });

    const second = await pay();
    env.clock.set('2026-03-11T09:00:00+01:00');
    try {
      expect((await partner.post(`/api/cheques/counter/redemptions/${second}/cancellation`)).json().error.code).toBe('cheques/cancel-too-late');
    } finally {
      env.clock.set('2026-03-10T10:00:00+01:00');
    }
  });
});

describe('settlement', () => {
  it('the town settles a partner’s month, exports the CSV, marks it paid (audited); the partner reads its statement; a settled payment is no longer cancelled at the counter', async () => {
    const { parent, householdId } = await family('Manon');
    await credit(householdId, 9000);
    const cashier = await partnerFor(['sante']);
    const ids: string[] = [];
    for (const amountCents of [2000, 3050]) {
      const { code } = (await parent.post('/api/cheques/me/codes/sante')).json();
      ids.push((await cashier.post('/api/cheques/counter/redemptions', { code, amountCents })).json().id);
    }
    const structureId = cashier.user.structureId!;
    expect((await town.post('/api/cheques/settlements', { structureId, period: '2026-03' })).json().error.code).toBe('cheques/invalid-period');
    try {
      env.clock.set('2026-04-02T09:00:00+02:00');
      // Sessions do not last weeks: people of April log in again.
      const coordinator = (await env.as('coordinator')) as Who;
      const partner = (await env.as('partner', { structureId })) as Who;
      const anAgent = (await env.as('agent')) as Who;
      expect((await partner.post('/api/cheques/settlements', { structureId, period: '2026-03' })).statusCode).toBe(403);
      const settled = await coordinator.post('/api/cheques/settlements', { structureId, period: '2026-03' });
      expect(settled.statusCode, settled.body).toBe(201);
      const id = settled.json().id;
      const a = await env.expectAudit('cheques/settled', id, { actorId: coordinator.user.id });
      expect(a.details).toMatchObject({ totalCents: 5050, count: 2 });
      expect((await coordinator.post('/api/cheques/settlements', { structureId, period: '2026-03' })).json().error.code).toBe('cheques/already-settled');
      expect((await partner.post(`/api/cheques/counter/redemptions/${ids[0]}/cancellation`)).json().error.code).toBe('cheques/cancel-too-late');

      const st = (await partner.get('/api/cheques/statements?period=2026-03')).json();
      expect(st).toMatchObject({ totalCents: 5050, settledCents: 5050 });
      expect(st.lines).toHaveLength(2);

      const csv = await coordinator.get('/api/cheques/settlements.csv?period=2026-03');
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body).toContain('Partenaire;Identifiant de la structure;Mois;Nombre de paiements;Montant (€);Payé le');
      expect(csv.body).toContain(`;${structureId};2026-03;2;"50,50";`);

      expect((await anAgent.post(`/api/cheques/settlements/${id}/paid`)).statusCode).toBe(403);
      expect((await coordinator.post(`/api/cheques/settlements/${id}/paid`)).statusCode).toBe(200);
      await env.expectAudit('cheques/settlement-paid', id, { actorId: coordinator.user.id });
      expect((await coordinator.post(`/api/cheques/settlements/${id}/paid`)).json().error.code).toBe('cheques/already-paid');
    } finally {
      env.clock.set('2026-03-10T10:00:00+01:00');
    }
  });

  it('after settlement only the town corrects, with a reason (audited)', async () => {
    const { householdId } = await family('Jade');
    await credit(householdId, 3000);
    expect(
      (await agent.post(`/api/cheques/households/${householdId}/corrections`, { kind: 'sante', amountCents: -500, reason: 'Double crédit' })).statusCode,
    ).toBe(403);
    const res = await town.post(`/api/cheques/households/${householdId}/corrections`, { kind: 'sante', amountCents: -500, reason: 'Double crédit' });
    expect(res.statusCode).toBe(201);
    await env.expectAudit('cheques/corrected', res.json().id, { actorId: town.user.id, reason: 'Double crédit' });
    const tooMuch = await town.post(`/api/cheques/households/${householdId}/corrections`, { kind: 'sante', amountCents: -5000, reason: 'Erreur' });
    expect(tooMuch.json().error.code).toBe('cheques/correction-too-large');
  });
});

describe('expiry with notice', () => {
  it('7 days before: a French notice; at expiry: an entry the family sees, and nothing more to spend', async () => {
    const { parent, householdId } = await family('Elsa');
    await credit(householdId, 6000, 'services', { validUntil: '2026-03-20' });
    const partner = await partnerFor(['services']);
    const { code } = (await parent.post('/api/cheques/me/codes/services')).json();
    await partner.post('/api/cheques/counter/redemptions', { code, amountCents: 1500 });
    try {
      env.clock.set('2026-03-15T09:00:00+01:00');
      await env.rt.deps.jobs.runNow('cheques.expire', {});
      const { rows } = await env.rt.deps.db.query(
        `SELECT recipient, subject, body FROM notifications WHERE template = 'cheques.expiry-notice' AND recipient = 'elsa@example.fr'`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].body).toContain('Il vous reste 45,00\u00a0€ à utiliser sur votre compte « Chèques services de proximité »');
      expect(rows[0].body).toContain('après le 20 mars 2026');
      await env.rt.deps.jobs.runNow('cheques.expire', {});
      expect(
        (await env.rt.deps.db.query(`SELECT 1 FROM notifications WHERE template = 'cheques.expiry-notice' AND recipient = 'elsa@example.fr'`)).rowCount,
      ).toBe(1);

      env.clock.set('2026-03-21T09:00:00+01:00');
      // Past the date, before the job: nothing can be spent.
      expect((await parent.get('/api/cheques/me')).json().accounts[0]).toMatchObject({ balanceCents: 4500, availableCents: 0 });
      await env.rt.deps.jobs.runNow('cheques.expire', {});
      const me = (await parent.get('/api/cheques/me')).json();
      expect(me.accounts[0]).toMatchObject({ balanceCents: 0, availableCents: 0 });
      expect(me.history[0]).toMatchObject({ type: 'expiry', label: 'Crédit expiré', amountCents: -4500 });
      await env.expectAudit('cheques/expired', me.history[0].id, { householdId });
    } finally {
      env.clock.set('2026-03-10T10:00:00+01:00');
    }
  });
});
