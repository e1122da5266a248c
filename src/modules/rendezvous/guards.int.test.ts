/**
 * Every use case of rendez-vous that changes data, tried by someone who must not (refused,
 * nothing written), and done by someone who may (its audit entry). The booking, waitlist,
 * status, emergency and resource cases live beside their behaviour (bookings, offer and
 * rendezvous tests); here: the offer's creations, a session's place or agent changing (the
 * families told), the feed, on call, and the seat offered from the waitlist. And the reads:
 * staff read a family's bookings only through its file (opened with a reason, every read
 * audited), a family only its own, a partner neither the agenda nor a family's bookings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../platform/context';
import { createTestEnv, type TestClient, type TestEnv } from '../../platform/testing';
import { book, cancelBooking } from './bookings.service';
import { families, fileFor, offer, staffCtx } from './fixtures/families';
import { joinWaitlist } from './waitlist.service';

let env: TestEnv;
const NOW = '2026-03-02T10:00:00+01:00';
type Client = TestClient & { user: SessionUser };
let agent: Client;
let otherAgent: Client;
let coordinator: Client;
let parent: Client;
let partner: Client;

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  agent = await env.as('agent', { displayName: 'Claire Martin' });
  otherAgent = await env.as('agent', { displayName: 'Yanis Haddad' });
  coordinator = await env.as('coordinator');
  parent = await env.as('parent');
  partner = await env.as('partner');
});
afterAll(() => env.close());

async function count(table: string): Promise<number> {
  return (await env.rt.deps.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
}

describe('the offer', () => {
  it('a family or a partner cannot create a motif, a place or a plage; an agent can, each audited', async () => {
    const motif = { name: 'Permanence santé', kind: 'permanence', durationMinutes: 30, minNoticeMinutes: 60, collective: false, capacity: 1 };
    const lieu = { name: 'Maison de quartier Nord', address: '3 place du Marché' };
    const before = { motifs: await count('rdv_motifs'), lieux: await count('rdv_lieux'), plages: await count('rdv_plages') };
    for (const who of [parent, partner]) {
      expect((await who.post('/api/rendezvous/motifs', motif)).statusCode).toBe(403);
      expect((await who.post('/api/rendezvous/lieux', lieu)).statusCode).toBe(403);
    }
    expect({ motifs: await count('rdv_motifs'), lieux: await count('rdv_lieux'), plages: await count('rdv_plages') }).toEqual(before);

    let mark = await env.auditMark();
    const m = await agent.post('/api/rendezvous/motifs', motif);
    expect(m.statusCode).toBe(201);
    await env.expectAudit('rendezvous/motif-created', m.json().id, { after: mark, actorId: agent.user.id });
    mark = await env.auditMark();
    const l = await agent.post('/api/rendezvous/lieux', lieu);
    expect(l.statusCode).toBe(201);
    await env.expectAudit('rendezvous/lieu-created', l.json().id, { after: mark, actorId: agent.user.id });
    const plage = {
      lieuId: l.json().id,
      motifIds: [m.json().id],
      firstDate: '2026-03-03',
      startTime: '12:00',
      endTime: '14:00',
      recurrence: { kind: 'monthly', weekday: 2, nths: [1, 3] },
    };
    for (const who of [parent, partner]) expect((await who.post('/api/rendezvous/plages', plage)).statusCode).toBe(403);
    expect(await count('rdv_plages')).toBe(before.plages);
    mark = await env.auditMark();
    const p = await agent.post('/api/rendezvous/plages', plage);
    expect(p.statusCode).toBe(201);
    await env.expectAudit('rendezvous/plage-created', p.json().id, { after: mark, actorId: agent.user.id });
  });

  it('a family cannot renew an agent feed nor go on call', async () => {
    expect((await parent.post('/api/rendezvous/feed', {})).statusCode).toBe(403);
    expect((await partner.put('/api/rendezvous/on-call', { on: true })).statusCode).toBe(403);
    expect((await parent.put('/api/rendezvous/on-call', { on: true })).statusCode).toBe(403);
    expect(await count('rdv_oncall')).toBe(0);
    expect(await count('rdv_agent_feeds')).toBe(0);
  });
});

describe('a session changes place or agent', () => {
  it('the families booked are told (place, agent, same time); only the session’s agent or a coordinator changes it, before it starts', async () => {
    env.clock.set(NOW);
    const o = await offer(env.rt, {
      agentId: agent.user.id,
      motif: { name: 'Atelier gestion du stress', kind: 'atelier', collective: true, capacity: 6, durationMinutes: 90, minNoticeMinutes: 60 },
      recurrence: { kind: 'weekly', weekdays: [4] },
      startTime: '14:00',
      endTime: '15:30',
      firstDate: '2026-03-01',
    });
    const fams = await families(env.rt, 2, [], env.clock.now());
    const thu = new Date('2026-03-05T13:00:00Z');
    const { sessionId } = await book(fams[0]!.ctx, { motifId: o.motifId, ownerId: agent.user.id, start: thu, parent: true, childIds: [] });
    await book(fams[1]!.ctx, { motifId: o.motifId, ownerId: agent.user.id, start: thu, parent: true, childIds: [] });
    const room = (await agent.post('/api/rendezvous/lieux', { name: 'Centre social Etouvie', address: '2 rue Jean Moulin' })).json().id as string;

    // Someone who must not: a family, a partner, another agent (not their session).
    for (const who of [parent, partner, otherAgent])
      expect((await who.post(`/api/rendezvous/sessions/${sessionId}/change`, { lieuId: room })).statusCode).toBe(403);
    expect((await agent.post(`/api/rendezvous/sessions/${sessionId}/change`, {})).statusCode).toBe(422);
    const told = async () =>
      (
        await env.rt.deps.db.query<{ user_id: string; body: string }>(
          `SELECT user_id, body FROM notifications WHERE template = 'rendezvous.changed' AND channel = 'sms' ORDER BY created_at, user_id`,
        )
      ).rows;
    expect(await told()).toEqual([]);

    const mark = await env.auditMark();
    const res = await agent.post(`/api/rendezvous/sessions/${sessionId}/change`, { lieuId: room });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ told: 2 });
    await env.expectAudit('rendezvous/session-changed', sessionId, { after: mark, actorId: agent.user.id });
    const first = await told();
    expect(first.map((r) => r.user_id).sort()).toEqual(fams.map((f) => f.userId).sort());
    expect(first[0]!.body).toContain('aura lieu à Centre social Etouvie, 2 rue Jean Moulin');
    expect(first[0]!.body).toContain('jeudi 5 mars à 14 h');

    // A coordinator hands it to another agent: told again, the agent's name said.
    const byCoordinator = await coordinator.post(`/api/rendezvous/sessions/${sessionId}/change`, { agentId: otherAgent.user.id });
    expect(byCoordinator.statusCode).toBe(200);
    const second = (await told()).slice(2);
    expect(second).toHaveLength(2);
    expect(second[0]!.body).toContain('sera assuré par Yanis Haddad');
    const { rows } = await env.rt.deps.db.query(`SELECT agent_id, lieu_id FROM rdv_sessions WHERE id = $1`, [sessionId]);
    expect(rows[0]).toEqual({ agent_id: otherAgent.user.id, lieu_id: room });

    // Once started, it no longer changes.
    env.clock.set('2026-03-05T14:10:00+01:00');
    expect((await coordinator.post(`/api/rendezvous/sessions/${sessionId}/change`, { lieuId: null })).statusCode).toBe(409);
    env.clock.set(NOW);
  });
});

describe('the waitlist', () => {
  it('a freed seat offered to the next family is audited as offered, for that family', async () => {
    env.clock.set(NOW);
    const o = await offer(env.rt, { agentId: otherAgent.user.id, motif: { name: 'Permanence droits' }, recurrence: { kind: 'weekly', weekdays: [5] } });
    const [holder, waiting] = await families(env.rt, 2, [], env.clock.now());
    const fri = new Date('2026-03-06T11:00:00Z');
    const { bookingIds } = await book(holder!.ctx, { motifId: o.motifId, ownerId: otherAgent.user.id, start: fri, parent: true, childIds: [] });
    const { waitIds } = await joinWaitlist(waiting!.ctx, { motifId: o.motifId, ownerId: otherAgent.user.id, start: fri, parent: true, childIds: [] });
    const mark = await env.auditMark();
    await cancelBooking(staffCtx(env.rt, otherAgent.user.id), bookingIds[0]!);
    await env.expectAudit('rendezvous/offered', waitIds[0]!, { after: mark, householdId: waiting!.householdId });
  });
});

describe('reads of bookings', () => {
  it('staff read a family’s bookings through its file, each read audited; a family reads only its own; a partner reads neither the agenda nor a file', async () => {
    env.clock.set(NOW);
    const o = await offer(env.rt, { agentId: agent.user.id, firstDate: '2026-03-01' });
    const other = await env.as('parent');
    const mine = await fileFor(env.rt, parent.user.id, []);
    const theirs = await fileFor(env.rt, other.user.id, []);
    const tue = new Date('2026-03-03T11:00:00Z');
    const booked = await other.post('/api/rendezvous/bookings', {
      motifId: o.motifId,
      ownerId: agent.user.id,
      start: tue.toISOString(),
      parent: true,
      childIds: [],
    });
    expect(booked.statusCode).toBe(201);
    const bookingId = booked.json().bookingIds[0] as string;
    const history = (who: Client, householdId: string, reason?: string) =>
      who.get(`/api/rendezvous/households/${householdId}/bookings${reason ? `?reason=${encodeURIComponent(reason)}` : ''}`);

    // An agent who has not opened the file: refused, nothing read.
    const closed = await history(agent, theirs.householdId);
    expect(closed.statusCode).toBe(403);
    expect(closed.json().error.code).toBe('dossiers/reason-required');
    // Opened with a reason: the file's opening is audited with it, for this purpose.
    let mark = await env.auditMark();
    const opened = await history(agent, theirs.householdId, 'Rendez-vous manqué, rappel de la famille');
    expect(opened.statusCode).toBe(200);
    expect(opened.json().bookings.map((b: { id: string }) => b.id)).toEqual([bookingId]);
    const entry = await env.expectAudit('dossiers/opened', theirs.householdId, {
      after: mark,
      actorId: agent.user.id,
      householdId: theirs.householdId,
      reason: 'Rendez-vous manqué, rappel de la famille',
    });
    expect(entry.details).toMatchObject({ purpose: 'rendezvous.history' });
    // Read again within the opening: audited again, with the reason it was opened for.
    mark = await env.auditMark();
    expect((await history(agent, theirs.householdId)).statusCode).toBe(200);
    const again = await env.expectAudit('dossiers/accessed', theirs.householdId, {
      after: mark,
      actorId: agent.user.id,
      reason: 'Rendez-vous manqué, rappel de la famille',
    });
    expect(again.details).toMatchObject({ purpose: 'rendezvous.history' });

    // A family: not another family's file, not its bookings, nor one of its calendar files; its own list has none of them.
    mark = await env.auditMark();
    expect((await history(parent, theirs.householdId, 'curiosité')).statusCode).toBe(403);
    expect((await parent.get(`/api/rendezvous/bookings/${bookingId}/ics`)).statusCode).toBe(404);
    const own = await parent.get('/api/rendezvous/mine');
    expect(own.statusCode).toBe(200);
    expect(JSON.stringify(own.json())).not.toContain(bookingId);
    expect(mine.householdId).not.toBe(theirs.householdId);
    // A partner: neither the agenda nor a family's bookings.
    expect((await partner.get('/api/rendezvous/agenda')).statusCode).toBe(403);
    expect((await partner.get(`/api/rendezvous/agenda?day=2026-03-03`)).statusCode).toBe(403);
    expect((await history(partner, theirs.householdId, 'orientation')).statusCode).toBe(403);
    // Nothing of that family was opened or read by them.
    const { rows } = await env.rt.deps.db.query(`SELECT action FROM audit_log WHERE id > $1 AND household_id = $2 AND actor_id = ANY($3::uuid[])`, [
      mark,
      theirs.householdId,
      [parent.user.id, partner.user.id],
    ]);
    expect(rows).toEqual([]);
  });
});
