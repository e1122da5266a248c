/**
 * A yearly voucher aid (chèque santé 150 €/an) granted, and the chèques' yearly allowance
 * (the nightly job) credit a year once between them, whichever comes first, also at the
 * same instant: the chèques' unique index (account, allowance year) decides. Real PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx, SessionUser } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { ctxOf as ctxOfUser, family as familyWithFile, type Who } from './aides.testing';
import { installAidFiles } from './catalogue.service';
import * as decisions from './decisions.service';
import { fundTotals } from './funds.store';
import * as requests from './requests.service';
import * as store from './requests.store';

let env: TestEnv;
const ctxOf = (user: SessionUser): Ctx => ctxOfUser(env, user);

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  await tx(env.rt.deps.db, (t) => installAidFiles(t, env.clock.now(), 2026));
});
afterAll(() => env.close());

/** The household's credits: kind, source, amount, allowance year. */
async function credits(householdId: string) {
  const { rows } = await env.rt.deps.db.query<{ kind: string; source: string; amount: number; year: number | null }>(
    `SELECT a.kind, e.source, e.amount_cents AS amount, e.allowance_year AS year
       FROM cheques_entries e JOIN cheques_accounts a ON a.id = e.account_id
      WHERE a.household_id = $1 AND e.type = 'credit' ORDER BY a.kind, e.created_at`,
    [householdId],
  );
  return rows;
}

/** A family whose chèque santé request is in instruction, and the agent instructing it. */
async function requestInInstruction() {
  const { parent, householdId } = await familyWithFile(env);
  const agent = (await env.as('agent')) as Who;
  const r = await requests.createRequest(ctxOf(parent.user), { aidId: 'cheque-sante', fields: {}, submit: true });
  await requests.takeRequest(ctxOf(agent.user), r.id);
  return { householdId, parentUserId: parent.user.id, requestId: r.id, agent: ctxOf(agent.user) };
}

const remainder = async () => (await fundTotals(env.rt.deps.db, 2026, 'fonds-sante'))[0].remainderCents;
const allowance = () => env.rt.deps.jobs.runNow('cheques.allowance', {});

describe('a yearly voucher aid and the yearly allowance', () => {
  it('grant first: the aid credits the year, the allowance then credits only the other kinds', async () => {
    const f = await requestInInstruction();
    await decisions.grantRequest(f.agent, f.requestId, { amountCents: 15000 });
    await allowance();
    expect(await credits(f.householdId)).toEqual([
      { kind: 'sante', source: 'aid', amount: 15000, year: 2026 },
      { kind: 'services', source: 'allowance', amount: 10000, year: 2026 },
    ]);
    // The family is told only what the allowance gave.
    const { rows } = await env.rt.deps.db.query<{ body: string }>(`SELECT body FROM notifications WHERE user_id = $1 AND template = 'cheques.allowance'`, [
      f.parentUserId,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].body).toContain('Chèques services de proximité');
    expect(rows[0].body).not.toContain('Chèque santé');
  });

  it('allowance first: the grant is refused, nothing written (no decision, no commitment, no second credit)', async () => {
    const f = await requestInInstruction();
    await allowance();
    const before = await remainder();
    const mark = await env.auditMark();
    await expect(decisions.grantRequest(f.agent, f.requestId, { amountCents: 15000 })).rejects.toMatchObject({
      code: 'aides/allowance-already-received',
      fields: [{ path: 'amountCents', message: 'La famille a déjà reçu « Chèque santé » pour 2026 (dotation annuelle) : rien à créditer en plus.' }],
    });
    expect(await remainder()).toBe(before);
    expect((await store.getRequest(env.rt.deps.db, f.requestId))!.status).toBe('en_instruction');
    expect(await store.decisionsOf(env.rt.deps.db, f.requestId)).toEqual([]);
    const { rows } = await env.rt.deps.db.query(`SELECT action FROM audit_log WHERE id > $1 AND action LIKE 'aides/%'`, [mark]);
    expect(rows).toEqual([]);
    expect((await credits(f.householdId)).filter((c) => c.kind === 'sante')).toEqual([{ kind: 'sante', source: 'allowance', amount: 15000, year: 2026 }]);
    // The agent can still close it.
    await decisions.closeRequest(f.agent, f.requestId, { text: 'Dotation annuelle déjà reçue.' });
    expect((await store.getRequest(env.rt.deps.db, f.requestId))!.status).toBe('classee');
  });

  it('at the same instant: exactly one chèque santé for the year, whichever wins', async () => {
    const families = await Promise.all(Array.from({ length: 4 }, () => requestInInstruction()));
    const before = await remainder();
    const grants = await Promise.allSettled([...families.map((f) => decisions.grantRequest(f.agent, f.requestId, { amountCents: 15000 })), allowance()]);
    let granted = 0;
    for (const [i, f] of families.entries()) {
      const g = grants[i];
      if (g.status === 'fulfilled') granted++;
      else expect(g.reason).toMatchObject({ code: 'aides/allowance-already-received' });
      const sante = (await credits(f.householdId)).filter((c) => c.kind === 'sante');
      expect(sante).toHaveLength(1);
      expect(sante[0]).toMatchObject({ amount: 15000, year: 2026, source: g.status === 'fulfilled' ? 'aid' : 'allowance' });
    }
    // The fund paid only for the grants that credited.
    expect(before - (await remainder())).toBe(granted * 15000);
    // A second night changes nothing.
    await allowance();
    for (const f of families) expect((await credits(f.householdId)).filter((c) => c.kind === 'sante')).toHaveLength(1);
  });
});
