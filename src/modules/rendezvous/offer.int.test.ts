import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { createTestEnv, type TestClient, type TestEnv } from '../../platform/testing';
import type { SessionUser } from '../../platform/context';
import { fileFor, offer } from './fixtures/families';

/** `ws` (a dependency; Node 20 has no WebSocket client), typed as far as this test uses it. */
interface RawWs {
  on(event: 'message', fn: (data: unknown) => void): void;
  on(event: 'unexpected-response', fn: (req: unknown, res: { statusCode: number }) => void): void;
  on(event: 'close', fn: (code: number) => void): void;
  on(event: 'error', fn: (err: Error) => void): void;
  close(): void;
}
const WebSocket = createRequire(import.meta.url)('ws') as new (url: string, opts: { headers: Record<string, string> }) => RawWs;

let env: TestEnv;
const NOW = '2026-03-20T10:00:00+01:00';
let coordinator: TestClient & { user: SessionUser };
let agent: TestClient & { user: SessionUser };

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  coordinator = await env.as('coordinator');
  agent = await env.as('agent');
});
afterAll(() => env.close());

describe('the offer as staff edit it', () => {
  it('a coordinator creates a resource with seats per age group, then changes them; an agent may not', async () => {
    const mark = await env.auditMark();
    const created = await coordinator.post('/api/rendezvous/resources', { name: 'Crèche du Parc', capacities: { '0-1': 2, '1-3': 3 } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    await env.expectAudit('rendezvous/resource-created', id, { after: mark, actorId: coordinator.user.id });

    const put = await coordinator.put(`/api/rendezvous/resources/${id}/capacities`, { capacities: { '0-1': 0, '1-3': 4, '3-6': 6 } });
    expect(put.statusCode).toBe(204);
    await env.expectAudit('rendezvous/resource-updated', id, { after: mark, actorId: coordinator.user.id });
    const read = (await agent.get('/api/rendezvous/offer')).json();
    expect(read.resources.find((r: { id: string }) => r.id === id).capacities).toEqual([
      { ageGroup: '1-3', capacity: 4 },
      { ageGroup: '3-6', capacity: 6 },
    ]);

    expect((await agent.post('/api/rendezvous/resources', { name: 'X', capacities: {} })).statusCode).toBe(403);
    expect((await agent.put(`/api/rendezvous/resources/${id}/capacities`, { capacities: { '1-3': 9 } })).statusCode).toBe(403);
    const bad = await coordinator.put(`/api/rendezvous/resources/${id}/capacities`, { capacities: { '1-3': -1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('capacities.1-3');
    expect((await coordinator.put(`/api/rendezvous/resources/00000000-0000-4000-8000-000000000000/capacities`, { capacities: {} })).statusCode).toBe(404);
  });

  it('a mobile desk’s stop is a single-use place: a plage there only once, on the stop’s day', async () => {
    const stop = await agent.post('/api/rendezvous/lieux', {
      name: 'Guichet mobile — place du marché',
      address: 'Place du Marché',
      singleUseDate: '2026-03-18',
    });
    expect(stop.statusCode).toBe(201);
    const m = await agent.post('/api/rendezvous/motifs', {
      name: 'Guichet unique mobile',
      kind: 'permanence',
      durationMinutes: 30,
      minNoticeMinutes: 60,
      collective: false,
      capacity: 1,
    });
    const plage = { lieuId: stop.json().id, motifIds: [m.json().id], firstDate: '2026-03-18', startTime: '09:00', endTime: '12:00' };
    const weekly = await agent.post('/api/rendezvous/plages', { ...plage, recurrence: { kind: 'weekly', weekdays: [3] } });
    expect(weekly.statusCode).toBe(422);
    expect(weekly.json().error.fields[0].path).toBe('recurrence');
    expect((await agent.post('/api/rendezvous/plages', { ...plage, firstDate: '2026-03-19', recurrence: { kind: 'once' } })).statusCode).toBe(422);
    expect((await agent.post('/api/rendezvous/plages', { ...plage, recurrence: { kind: 'once' } })).statusCode).toBe(201);
  });

  it('lists a plage "1er et 3e mardi" with its owner; only its agent or a coordinator removes it', async () => {
    const other = await env.as('agent');
    const m = await offer(env.rt, { agentId: other.user.id, recurrence: { kind: 'monthly', weekday: 2, nths: [1, 3] } });
    const listed = (await agent.get('/api/rendezvous/offer')).json();
    const p = listed.plages.find((x: { id: string }) => x.id === m.plageId);
    expect(p).toMatchObject({ recurrence: { kind: 'monthly', weekday: 2, nths: [1, 3] }, startTime: '12:00', endTime: '14:00', agentId: other.user.id });
    expect(listed.agents.map((a: { id: string }) => a.id)).toContain(other.user.id);

    expect((await agent.delete(`/api/rendezvous/plages/${m.plageId}`)).statusCode).toBe(403);
    const mark = await env.auditMark();
    expect((await other.delete(`/api/rendezvous/plages/${m.plageId}`)).statusCode).toBe(204);
    await env.expectAudit('rendezvous/plage-removed', m.plageId, { after: mark, actorId: other.user.id });
    expect((await other.delete(`/api/rendezvous/plages/${m.plageId}`)).statusCode).toBe(404);
  });

  it('a closure for everyone over whole Paris days (across the DST change) removes the slots; only a coordinator sets one', async () => {
    const m = await offer(env.rt, { agentId: agent.user.id, recurrence: { kind: 'weekly', weekdays: [7, 1] }, startTime: '10:00', endTime: '11:00' });
    const slots = async () =>
      ((await agent.get(`/api/rendezvous/slots?motifId=${m.motifId}&from=2026-03-29&days=2`)).json().slots as { start: string }[]).map((s) => s.start);
    // Sunday 29 March 2026 is the change to summer time: 10 h is 08:00 UTC.
    expect(await slots()).toEqual(['2026-03-29T08:00:00.000Z', '2026-03-29T08:30:00.000Z', '2026-03-30T08:00:00.000Z', '2026-03-30T08:30:00.000Z']);
    const body = { fromDate: '2026-03-29', toDate: '2026-03-29', everyone: true, label: 'Fermeture' };
    expect((await agent.post('/api/rendezvous/absences', body)).statusCode).toBe(403);
    const mark = await env.auditMark();
    const res = await coordinator.post('/api/rendezvous/absences', body);
    expect(res.statusCode).toBe(201);
    await env.expectAudit('rendezvous/absence-created', res.json().id, { after: mark, actorId: coordinator.user.id });
    expect(await slots()).toEqual(['2026-03-30T08:00:00.000Z', '2026-03-30T08:30:00.000Z']);
    const listed = (await agent.get('/api/rendezvous/offer')).json().absences.find((a: { id: string }) => a.id === res.json().id);
    // Midnight to midnight in Paris: 23 hours that day.
    expect(listed).toMatchObject({ start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z', ownerName: null });

    const backwards = await agent.post('/api/rendezvous/absences', { fromDate: '2026-04-02', toDate: '2026-04-01' });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.fields[0].path).toBe('toDate');
    const own = await agent.post('/api/rendezvous/absences', { fromDate: '2026-03-30', toDate: '2026-03-30', fromTime: '10:00', toTime: '10:30' });
    expect(own.statusCode).toBe(201);
    expect(await slots()).toEqual(['2026-03-30T08:30:00.000Z']);
    expect((await coordinator.delete(`/api/rendezvous/absences/${res.json().id}`)).statusCode).toBe(204);
    await env.expectAudit('rendezvous/absence-removed', res.json().id, { actorId: coordinator.user.id });
  });

  it('an absence over booked slots says how many bookings stay to move (audited); a family cannot declare one', async () => {
    const own = await env.as('agent');
    const m = await offer(env.rt, { agentId: own.user.id, recurrence: { kind: 'weekly', weekdays: [3] }, startTime: '10:00', endTime: '11:00' });
    const parent = await env.as('parent');
    await fileFor(env.rt, parent.user.id, []);
    // Wednesday 25 March 2026, 10 h in Paris.
    const booked = await parent.post('/api/rendezvous/bookings', { motifId: m.motifId, ownerId: own.user.id, start: '2026-03-25T09:00:00.000Z', parent: true });
    expect(booked.statusCode).toBe(201);
    const day = { fromDate: '2026-03-25', toDate: '2026-03-25', label: 'Formation' };
    expect((await parent.post('/api/rendezvous/absences', day)).statusCode).toBe(403);
    // Another agent's absence that day falls on none of them.
    expect((await agent.post('/api/rendezvous/absences', day)).json()).toMatchObject({ bookings: 0 });
    const mark = await env.auditMark();
    const res = await own.post('/api/rendezvous/absences', day);
    expect(res.statusCode).toBe(201);
    expect(res.json().bookings).toBe(1);
    const entry = await env.expectAudit('rendezvous/absence-created', res.json().id, { after: mark, actorId: own.user.id });
    expect(entry.details).toMatchObject({ bookings: 1 });
    // The booking stays (staff move it, the family is told then); no slot is offered that day any more.
    const { rows } = await env.rt.deps.db.query<{ status: string }>(`SELECT status FROM rdv_bookings WHERE id = $1`, [booked.json().bookingIds[0]]);
    expect(rows[0]!.status).toBe('confirmed');
    const slots = (await parent.get(`/api/rendezvous/slots?motifId=${m.motifId}&from=2026-03-25&days=1`)).json().slots;
    expect(slots).toEqual([]);
  });

  it('offers no slot on a public holiday (Easter Monday, computed) and refuses a booking forged for one', async () => {
    const own = await env.as('agent');
    const m = await offer(env.rt, { agentId: own.user.id, recurrence: { kind: 'weekly', weekdays: [1] }, startTime: '10:00', endTime: '11:00' });
    const parent = await env.as('parent');
    await fileFor(env.rt, parent.user.id, []);
    // Mondays 30 March, 6 April (lundi de Pâques 2026: Easter is on 5 April) and 13 April, 10 h in Paris (summer time).
    const slots = ((await parent.get(`/api/rendezvous/slots?motifId=${m.motifId}&from=2026-03-30&days=15`)).json().slots as { start: string }[]).map(
      (s) => s.start,
    );
    expect(slots).toEqual(['2026-03-30T08:00:00.000Z', '2026-03-30T08:30:00.000Z', '2026-04-13T08:00:00.000Z', '2026-04-13T08:30:00.000Z']);
    const forged = await parent.post('/api/rendezvous/bookings', { motifId: m.motifId, ownerId: own.user.id, start: '2026-04-06T08:00:00.000Z', parent: true });
    expect(forged.statusCode).toBe(409);
    expect(forged.json().error.code).toBe('rendezvous/slot-unavailable');
    const { rows } = await env.rt.deps.db.query(`SELECT 1 FROM rdv_bookings b JOIN rdv_sessions s ON s.id = b.session_id WHERE s.motif_id = $1`, [m.motifId]);
    expect(rows).toEqual([]);
  });

  it('a coordinator withdraws a motif; families no longer see it', async () => {
    const parent = await env.as('parent');
    const m = await offer(env.rt, { agentId: agent.user.id, motif: { name: 'Motif retiré' } });
    expect((await agent.post(`/api/rendezvous/motifs/${m.motifId}/withdraw`, {})).statusCode).toBe(403);
    expect((await coordinator.post(`/api/rendezvous/motifs/${m.motifId}/withdraw`, {})).statusCode).toBe(204);
    await env.expectAudit('rendezvous/motif-withdrawn', m.motifId, { actorId: coordinator.user.id });
    expect((await parent.get('/api/rendezvous/motifs')).json().motifs.map((x: { name: string }) => x.name)).not.toContain('Motif retiré');
  });
});

describe('the agent at the desk', () => {
  it('reads the agenda of a Paris day by the server clock, and a family file names its children for a booking', async () => {
    const parent = await env.as('parent');
    const file = await fileFor(env.rt, parent.user.id, ['2021-05-01']);
    const m = await offer(env.rt, { agentId: agent.user.id, recurrence: { kind: 'weekly', weekdays: [6] }, motif: { minNoticeMinutes: 0 } });
    const slot = (await agent.get(`/api/rendezvous/slots?motifId=${m.motifId}`)).json();
    expect(slot.today).toBe('2026-03-20');
    expect(slot.slots[0].start).toBe('2026-03-21T11:00:00.000Z');
    const history = await agent.get(`/api/rendezvous/households/${file.householdId}/bookings?reason=${encodeURIComponent('Accueil au guichet')}`);
    expect(history.statusCode).toBe(200);
    expect(history.json().family).toEqual({ name: 'Awa Diallo', children: [{ id: file.childIds[0], firstName: 'Léo' }] });
    const booked = await agent.post('/api/rendezvous/bookings', {
      motifId: m.motifId,
      ownerId: m.ownerId,
      start: slot.slots[0].start,
      parent: false,
      childIds: file.childIds,
      householdId: file.householdId,
    });
    expect(booked.statusCode).toBe(201);
    const day = (await agent.get('/api/rendezvous/agenda?day=2026-03-21')).json();
    expect(day).toMatchObject({ day: '2026-03-21', days: 1, today: '2026-03-20' });
    expect(day.bookings.map((b: { who: string; householdId: string }) => [b.who, b.householdId])).toEqual([['Léo', file.householdId]]);
    expect((await agent.get('/api/rendezvous/agenda')).json().bookings).toEqual([]);
    expect((await agent.get('/api/rendezvous/agenda?days=7')).json().bookings).toHaveLength(1);
  });
});

describe('on-call inbox in real time', () => {
  it('signals staff sockets when a family files a request; refuses a family and another site', async () => {
    await env.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = env.app.server.address();
    const base = `ws://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/api/rendezvous/emergencies/live`;
    const cookie = (c: TestClient) => [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const open = (c: TestClient, origin?: string) =>
      new Promise<{ ws: RawWs; frames: string[] }>((resolve, reject) => {
        const ws = new WebSocket(base, { headers: { cookie: cookie(c), ...(origin ? { origin } : {}) } });
        const frames: string[] = [];
        ws.on('message', (d) => {
          frames.push(String(d));
          if (frames.length === 1) resolve({ ws, frames });
        });
        ws.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
        ws.on('close', (code) => reject(new Error(`closed ${code}`)));
        ws.on('error', reject);
      });
    const parent = await env.as('parent');
    const file = await fileFor(env.rt, parent.user.id, ['2024-02-01']);
    await expect(open(parent)).rejects.toThrow(/403/);
    await expect(open(agent, 'https://evil.example')).rejects.toThrow(/403/);
    const live = await open(agent);
    expect(JSON.parse(live.frames[0]!)).toEqual({ type: 'ready' });
    const filed = await parent.post('/api/rendezvous/emergencies', {
      childId: file.childIds[0],
      day: '2026-03-21',
      fromTime: '08:00',
      toTime: '12:00',
      reason: 'Entretien',
    });
    expect(filed.statusCode).toBe(201);
    await expect.poll(() => live.frames.length).toBe(2);
    expect(JSON.parse(live.frames[1]!)).toEqual({ type: 'emergency' });
    live.ws.close();
    expect((await agent.get('/api/rendezvous/emergencies/live')).json().protocol).toBe('relais-rendezvous-urgences-1');
  });
});
