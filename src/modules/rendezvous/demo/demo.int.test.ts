import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoAccountsSeed } from '../../../platform/demo';
import { getIndicator } from '../../../platform/indicators';
import { runSeeds } from '../../../platform/seeds';
import { createTestEnv, type TestEnv } from '../../../platform/testing';
import { book, markBooking } from '../bookings.service';
import { families, staffCtx } from '../fixtures/families';
import { listSlots } from '../slots.service';
import { rendezvousDemoSeed } from './demo.seed';

let env: TestEnv;
beforeAll(async () => {
  // Monday 2 February 2026: the 1st Tuesday is tomorrow.
  env = await createTestEnv({ now: '2026-02-02T09:00:00+01:00' });
  await runSeeds(env.rt.systemCtx(), [demoAccountsSeed, rendezvousDemoSeed]);
});
afterAll(() => env.close());

it('the demo offer: permanence santé 1st and 3rd Tuesday 12 h–14 h, and its use feeds the indicators', async () => {
  const [f] = await families(env.rt, 1, ['2024-06-01']);
  const { rows } = await env.rt.deps.db.query<{ id: string; name: string }>(`SELECT id, name FROM rdv_motifs WHERE is_demo ORDER BY name`);
  expect(rows.every((r) => r.name.includes('(démo)'))).toBe(true);
  const sante = rows.find((r) => r.name.startsWith('Permanence santé'))!;
  const { slots } = await listSlots(f!.ctx, sante.id, '2026-02-02', 28);
  const days = [...new Set(slots.map((s) => s.start.toISOString().slice(0, 10)))];
  expect(days).toEqual(['2026-02-03', '2026-02-17']);
  expect(slots[0]!.start.toISOString()).toBe('2026-02-03T11:00:00.000Z');

  // A partner's referral: the psychologist's permanence, the 2nd and 4th Thursday.
  const psy = rows.find((r) => r.name.startsWith('Permanence psychologue'))!;
  const psySlots = await listSlots(staffCtx(env.rt, slots[0]!.ownerId), psy.id, '2026-02-02', 28);
  expect([...new Set(psySlots.slots.map((s) => s.start.toISOString().slice(0, 10)))]).toEqual(['2026-02-12', '2026-02-26']);

  const crecheMotif = rows.find((r) => r.name.startsWith('Crèche occasionnelle'))!;
  const creche = await listSlots(f!.ctx, crecheMotif.id, '2026-02-02', 2);
  expect(creche.slots.length).toBeGreaterThan(0);

  const r = await book(f!.ctx, { motifId: sante.id, ownerId: slots[0]!.ownerId, start: slots[0]!.start, parent: true, childIds: [] });
  env.clock.set('2026-02-03T13:00:00+01:00');
  await markBooking(staffCtx(env.rt, slots[0]!.ownerId), r.bookingIds[0]!, 'noshow');
  const q = { from: new Date('2026-02-01T00:00:00Z'), to: new Date('2026-03-01T00:00:00Z') };
  expect(await getIndicator('rendezvous.no-show-rate')!.compute(env.rt.deps.db, q)).toEqual([{ neighbourhood: 'centre', value: 100 }]);
  expect(await getIndicator('rendezvous.honoured')!.compute(env.rt.deps.db, q)).toEqual([{ neighbourhood: 'centre', value: 0 }]);
  expect(await getIndicator('rendezvous.bookings')!.compute(env.rt.deps.db, q)).toEqual([{ neighbourhood: 'centre', value: 1 }]);
  // where the permanence is held: the place's neighbourhood (a no-show still used the slot)
  const place = await env.rt.deps.db.query<{ n: string | null }>(`SELECT neighbourhood_id AS n FROM rdv_lieux WHERE name = 'Maison de quartier (démo)'`);
  expect(await getIndicator('rendezvous.permanence-use')!.compute(env.rt.deps.db, q)).toEqual([{ neighbourhood: place.rows[0]!.n, value: 1 }]);
  // …and per permanence and place on the indicator's page, the place's neighbourhood named.
  const ctx = staffCtx(env.rt, slots[0]!.ownerId);
  const hood = ctx.town.neighbourhoods.find((n) => n.id === place.rows[0]!.n)?.name ?? null;
  expect(await getIndicator('rendezvous.permanence-use')!.breakdown!(ctx, q)).toEqual({
    by: 'Permanence et lieu',
    detail: 'Quartier du lieu',
    rows: [{ label: `${sante.name} — Maison de quartier (démo)`, detail: hood, value: 1 }],
  });
});
