import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Subscriber } from '../../platform/events';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { EMERGENCY_CHANNEL } from './emergency.service';
import { fileFor, offer } from './fixtures/families';

let env: TestEnv;
const NOW = '2026-01-05T10:00:00+01:00';

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
});
afterAll(() => env.close());

async function until<T>(fn: () => Promise<T | null | undefined | false>, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('HTTP: a family books, reads, downloads and cancels; an agent sees the agenda', () => {
  it('goes through the whole booking', async () => {
    const agent = await env.as('agent');
    const parent = await env.as('parent');
    const file = await fileFor(env.rt, parent.user.id, ['2022-04-01']);
    const m = await offer(env.rt, {
      agentId: agent.user.id,
      motif: { name: 'Atelier parents-enfants', kind: 'atelier', collective: true, capacity: 6, durationMinutes: 90, minNoticeMinutes: 0 },
      recurrence: { kind: 'weekly', weekdays: [6] },
      startTime: '09:00',
      endTime: '10:30',
    });

    const motifs = await parent.get('/api/rendezvous/motifs');
    expect(motifs.statusCode).toBe(200);
    expect(motifs.json().motifs.map((x: { name: string }) => x.name)).toContain('Atelier parents-enfants');

    const slots = await parent.get(`/api/rendezvous/slots?motifId=${m.motifId}&from=2026-01-05&days=7`);
    expect(slots.statusCode).toBe(200);
    const slot = slots.json().slots[0];
    expect(slot).toMatchObject({ start: '2026-01-10T08:00:00.000Z', seatsLeft: 6, full: false });

    const bad = await parent.post('/api/rendezvous/bookings', { motifId: m.motifId, ownerId: m.ownerId, start: 'samedi', parent: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('start');

    const res = await parent.post('/api/rendezvous/bookings', {
      motifId: m.motifId,
      ownerId: m.ownerId,
      start: slot.start,
      parent: true,
      childIds: file.childIds,
    });
    expect(res.statusCode).toBe(201);
    const { bookingIds } = res.json();
    expect(bookingIds).toHaveLength(2);
    await env.expectAudit('rendezvous/booked', bookingIds[0], { actorId: parent.user.id });

    const mine = (await parent.get('/api/rendezvous/mine')).json();
    expect(mine.upcoming.map((b: { who: string }) => b.who).sort()).toEqual(['Awa Diallo', 'Léo']);
    expect(mine.upcoming[0].canCancel).toBe(true);

    const ics = await parent.get(`/api/rendezvous/bookings/${bookingIds[0]}/ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('DTSTART:20260110T080000Z');

    const other = await env.as('parent');
    expect((await other.get(`/api/rendezvous/bookings/${bookingIds[0]}/ics`)).statusCode).toBe(409); // no file yet
    await fileFor(env.rt, other.user.id, []);
    expect((await other.get(`/api/rendezvous/bookings/${bookingIds[0]}/ics`)).statusCode).toBe(404);
    expect((await other.post(`/api/rendezvous/bookings/${bookingIds[0]}/cancel`)).statusCode).toBe(404);

    const agenda = await agent.get(
      `/api/rendezvous/agenda?from=${encodeURIComponent('2026-01-05T00:00:00+01:00')}&to=${encodeURIComponent('2026-01-12T00:00:00+01:00')}`,
    );
    expect(agenda.statusCode).toBe(200);
    expect(agenda.json().bookings).toHaveLength(2);
    expect((await parent.get(`/api/rendezvous/agenda?from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z`)).statusCode).toBe(403);

    // 48 h before, the reminder scan tells the family once (the parent and the child share one message), with the documents to bring
    const reminders = async () =>
      (await env.rt.deps.db.query(`SELECT channel, body FROM notifications WHERE user_id = $1 AND template = 'rendezvous.reminder'`, [parent.user.id])).rows;
    env.clock.set('2026-01-08T09:05:00+01:00');
    await env.rt.deps.jobs.runNow('rendezvous.remind', {});
    expect((await reminders()).map((r) => r.channel).sort()).toEqual(['email', 'sms']);
    expect((await reminders())[0].body).toContain('samedi 10 janvier à 9 h');
    await env.rt.deps.jobs.runNow('rendezvous.remind', {});
    expect(await reminders()).toHaveLength(2);

    const cancel = await parent.post(`/api/rendezvous/bookings/${bookingIds[1]}/cancel`);
    expect(cancel.statusCode).toBe(204);
    await env.expectAudit('rendezvous/cancelled', bookingIds[1], { actorId: parent.user.id });
    // the day before at 18 h, the second reminder
    env.clock.set('2026-01-09T18:00:00+01:00');
    await env.rt.deps.jobs.runNow('rendezvous.remind', {});
    expect(await reminders()).toHaveLength(4);

    // presence, then the family's history from its file
    env.clock.set('2026-01-10T10:45:00+01:00');
    const seen = await agent.post(`/api/rendezvous/bookings/${bookingIds[0]}/status`, { status: 'seen' });
    expect(seen.statusCode).toBe(204);
    await env.expectAudit('rendezvous/status-changed', bookingIds[0], { actorId: agent.user.id });
    const hist = await agent.get(`/api/rendezvous/households/${file.householdId}/bookings?reason=${encodeURIComponent('Suivi du dossier')}`);
    expect(hist.statusCode).toBe(200);
    expect(
      hist
        .json()
        .bookings.map((b: { status: string }) => b.status)
        .sort(),
    ).toEqual(['excused', 'seen']);
    env.clock.set(NOW);
  });

  it('a private ICS feed per agent, addressed by a random secret', async () => {
    const agent = await env.as('agent');
    const r = await agent.post('/api/rendezvous/feed');
    expect(r.statusCode).toBe(201);
    const token = r.json().token as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await env.expectAudit('rendezvous/feed-renewed', agent.user.id, { actorId: agent.user.id });
    const feed = await env.client().get(`/api/rendezvous/feeds/${token}.ics`);
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('BEGIN:VCALENDAR');
    expect((await env.client().get(`/api/rendezvous/feeds/${'A'.repeat(43)}`)).statusCode).toBe(404);
    // renewing revokes the old address
    await agent.post('/api/rendezvous/feed');
    expect((await env.client().get(`/api/rendezvous/feeds/${token}`)).statusCode).toBe(404);
  });

  it('lists the agent’s sessions with the number of people, no family’s name nor phone; the agent turns it off (audited), a family cannot', async () => {
    const agent = await env.as('agent');
    const parent = await env.as('parent');
    await fileFor(env.rt, parent.user.id, []);
    const m = await offer(env.rt, { agentId: agent.user.id, motif: { name: 'Point écoute' }, recurrence: { kind: 'weekly', weekdays: [3] } });
    const booked = await parent.post('/api/rendezvous/bookings', {
      motifId: m.motifId,
      ownerId: agent.user.id,
      start: '2026-01-07T11:00:00.000Z',
      parent: true,
    });
    expect(booked.statusCode).toBe(201);
    const token = (await agent.post('/api/rendezvous/feed')).json().token as string;
    const feed = (await env.client().get(`/api/rendezvous/feeds/${token}.ics`)).body;
    expect(feed).toContain('DTSTART:20260107T110000Z');
    expect(feed).toContain('SUMMARY:Point écoute (1 personne)');
    const { rows } = await env.rt.deps.db.query<{ first_name: string; last_name: string; phone: string }>(
      `SELECT first_name, last_name, phone FROM household_members WHERE user_id = $1`,
      [parent.user.id],
    );
    for (const v of [rows[0]!.first_name, rows[0]!.last_name, rows[0]!.phone]) expect(feed).not.toContain(v);

    expect((await parent.delete('/api/rendezvous/feed')).statusCode).toBe(403);
    expect((await env.client().get(`/api/rendezvous/feeds/${token}`)).statusCode).toBe(200);
    const mark = await env.auditMark();
    expect((await agent.delete('/api/rendezvous/feed')).statusCode).toBe(204);
    const entry = await env.expectAudit('rendezvous/feed-revoked', agent.user.id, { after: mark, actorId: agent.user.id });
    expect(entry.details).toMatchObject({ existed: true });
    expect((await env.client().get(`/api/rendezvous/feeds/${token}`)).statusCode).toBe(404);
  });
});

describe('emergency childcare', () => {
  it('reaches the on-call agents at once (realtime and SMS), is answered, and the time is recorded', async () => {
    const agent = await env.as('agent');
    await env.rt.deps.db.query(`UPDATE users SET phone = '+33699887766' WHERE id = $1`, [agent.user.id]);
    const on = await agent.put('/api/rendezvous/on-call', { on: true });
    expect(on.statusCode).toBe(200);
    await env.expectAudit('rendezvous/on-call', agent.user.id, { actorId: agent.user.id });

    const parent = await env.as('parent');
    const file = await fileFor(env.rt, parent.user.id, ['2023-02-02']);
    const events: { id: string }[] = [];
    const sub = new Subscriber(env.databaseUrl);
    const stop = await sub.subscribe(EMERGENCY_CHANNEL, (p) => events.push(p));
    try {
      const bad = await parent.post('/api/rendezvous/emergencies', {
        childId: file.childIds[0],
        day: '2026-01-06',
        fromTime: '14:00',
        toTime: '13:00',
        reason: 'Entretien',
      });
      expect(bad.statusCode).toBe(422);
      const res = await parent.post('/api/rendezvous/emergencies', {
        childId: file.childIds[0],
        day: '2026-01-06',
        fromTime: '08:00',
        toTime: '13:00',
        reason: "Entretien d'embauche",
      });
      expect(res.statusCode).toBe(201);
      const { id, alerted } = res.json();
      expect(alerted).toBeGreaterThanOrEqual(1);
      await env.expectAudit('rendezvous/emergency-filed', id, { actorId: parent.user.id });
      await until(async () => events.some((e) => e.id === id));
      const { rows } = await env.rt.deps.db.query(`SELECT channel FROM notifications WHERE user_id = $1 AND template = 'rendezvous.emergency-alert'`, [
        agent.user.id,
      ]);
      expect(rows.map((r) => r.channel)).toEqual(['sms']);

      const inbox = (await agent.get('/api/rendezvous/emergencies')).json();
      expect(inbox.onCall).toBe(true);
      expect(inbox.requests.find((r: { id: string }) => r.id === id)).toMatchObject({ status: 'open', childFirstName: 'Léo' });

      expect((await parent.post(`/api/rendezvous/emergencies/${id}/answer`, { status: 'placed' })).statusCode).toBe(403);
      env.clock.advance(17 * 60_000);
      const ans = await agent.post(`/api/rendezvous/emergencies/${id}/answer`, { status: 'placed', message: 'Crèche des Lilas, 8 h.' });
      expect(ans.statusCode).toBe(200);
      expect(ans.json().minutes).toBe(17);
      await env.expectAudit('rendezvous/emergency-answered', id, { actorId: agent.user.id });
      expect((await agent.post(`/api/rendezvous/emergencies/${id}/answer`, { status: 'refused' })).statusCode).toBe(409);
      const mine = (await parent.get('/api/rendezvous/emergencies/mine')).json();
      expect(mine.requests[0]).toMatchObject({ status: 'placed', answer: 'Crèche des Lilas, 8 h.' });
    } finally {
      await stop();
      await sub.close();
      env.clock.set(NOW);
    }
  });
});
