import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { book, cancelBooking, moveBooking } from './bookings.service';
import { families, offer } from './fixtures/families';

// Monday 2 March 2026, 10 h in Paris; the plage opens on Thursdays and Fridays 14 h–16 h.
const NOW = '2026-03-02T10:00:00+01:00';
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
});
afterAll(() => env.close());

async function reminded(userId: string): Promise<string[]> {
  const { rows } = await env.rt.deps.db.query<{ channel: string; body: string }>(
    `SELECT channel, body FROM notifications WHERE user_id = $1 AND template = 'rendezvous.reminder' ORDER BY created_at, channel`,
    [userId],
  );
  return rows.filter((r) => r.channel === 'sms').map((r) => r.body);
}

it('reminds 48 h before and the day before at 18 h, once each; not a cancelled booking; a moved one at its new time; not a reminder already past when booked', async () => {
  const agentId = (await env.as('agent')).user.id;
  const m = await offer(env.rt, { agentId, recurrence: { kind: 'weekly', weekdays: [4, 5] }, startTime: '14:00', endTime: '16:00' }, env.clock.now());
  const [a, b, c, late] = await families(env.rt, 4, [], env.clock.now());
  const thursday = new Date('2026-03-05T13:00:00Z');
  const at = (start: Date, f: typeof a) => book(f!.ctx, { motifId: m.motifId, ownerId: agentId, start, parent: true, childIds: [] });
  const ra = await at(thursday, a);
  const rb = await at(new Date('2026-03-05T13:30:00Z'), b);
  const rc = await at(new Date('2026-03-05T14:00:00Z'), c);
  await cancelBooking(b!.ctx, rb.bookingIds[0]!);
  const run = () => env.rt.deps.jobs.runNow('rendezvous.remind', {});

  // Tuesday 15 h 05: 48 h before Thursday 14 h (a) and 15 h (c); b cancelled.
  env.clock.set('2026-03-03T15:05:00+01:00');
  await run();
  await run();
  expect(await reminded(a!.userId)).toHaveLength(1);
  expect((await reminded(a!.userId))[0]).toContain('jeudi 5 mars à 14 h');
  // By SMS and by e-mail, each listing the documents to bring (the motif's: carte Vitale).
  const { rows: both } = await env.rt.deps.db.query<{ channel: string; subject: string | null; body: string }>(
    `SELECT channel, subject, body FROM notifications WHERE user_id = $1 AND template = 'rendezvous.reminder' ORDER BY channel`,
    [a!.userId],
  );
  expect(both.map((r) => r.channel)).toEqual(['email', 'sms']);
  expect(both[0]!.subject).toBe('Rappel de rendez-vous');
  for (const r of both)
    expect(r.body).toBe(
      'Relais : rappel de votre rendez-vous « Permanence santé » le jeudi 5 mars à 14 h, Maison de quartier, 1 rue de la Paix. À apporter : carte Vitale. Pour annuler, ouvrez « Mes rendez-vous ».',
    );
  expect(await reminded(b!.userId)).toEqual([]);
  expect(await reminded(c!.userId)).toHaveLength(1);

  // c moves to Friday 14 h: reminded again for Friday (48 h before: Wednesday 14 h), not for Thursday's eve.
  await moveBooking(c!.ctx, rc.bookingIds[0]!, { ownerId: agentId, start: new Date('2026-03-06T13:00:00Z') });
  // Booked Wednesday noon for Thursday: its 48 h reminder had already passed; only the eve one.
  env.clock.set('2026-03-04T12:00:00+01:00');
  await at(new Date('2026-03-05T14:30:00Z'), late);
  await run();
  expect(await reminded(late!.userId)).toEqual([]);

  // Wednesday 18 h: the day before Thursday.
  env.clock.set('2026-03-04T18:00:00+01:00');
  await run();
  expect(await reminded(a!.userId)).toHaveLength(2);
  expect(await reminded(late!.userId)).toHaveLength(1);
  expect(await reminded(c!.userId)).toHaveLength(2);
  expect((await reminded(c!.userId))[1]).toContain('vendredi 6 mars à 14 h');

  // Thursday 18 h: c's eve reminder for Friday.
  env.clock.set('2026-03-05T18:00:00+01:00');
  await run();
  expect(await reminded(c!.userId)).toHaveLength(3);
  expect((await reminded(c!.userId))[2]).toContain('vendredi 6 mars à 14 h');
  expect(await reminded(a!.userId)).toHaveLength(2);
  expect(ra.bookingIds).toHaveLength(1);
});
