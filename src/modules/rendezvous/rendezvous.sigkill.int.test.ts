/**
 * Durability: a real `relais serve` process is killed with SIGKILL in the middle of a
 * booking storm (agents booking at the desk, many requests in flight). Every booking a
 * client got a 201 for is in the database, confirmed, with its audit entry, and the
 * session's seat counter equals its confirmed bookings (no seat lost, none counted twice);
 * a restarted process serves them.
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb } from '../../platform/testing';
import { HttpSession, startServerProcess, type ServerProcess } from '../../platform/testing-multiprocess';

const FAMILIES = 400;
const CONCURRENCY = 12;
const KILL_AFTER = 80;

let url: string;
let db: pg.Client;
let server: ServerProcess | null = null;
beforeAll(async () => {
  url = await createTestDb();
  db = new pg.Client({ connectionString: url });
  await db.connect();
}, 60_000);
afterAll(async () => {
  await server?.stop('SIGKILL');
  await db?.end();
});

it('loses no acknowledged booking when the server is killed with SIGKILL during a storm', async () => {
  server = await startServerProcess(url, { dataDir: `.tmp/rdv-kill-${process.pid}` });
  const agent = await new HttpSession(server.url).login('agent@demo.relais.fr', 'relais-demo-2026');
  // A collective workshop of 500 seats, every day 8 h–18 h, in the agent's agenda.
  const created = async (path: string, body: unknown) => {
    const r = await agent.call('POST', path, body);
    expect(r.status).toBe(201);
    return ((await r.json()) as { id: string }).id;
  };
  const motifId = await created('/api/rendezvous/motifs', {
    name: 'Atelier (tempête)',
    kind: 'atelier',
    durationMinutes: 60,
    minNoticeMinutes: 0,
    collective: true,
    capacity: 500,
  });
  const lieuId = await created('/api/rendezvous/lieux', { name: 'Maison de quartier', address: '1 rue de la Paix' });
  const slots0 = (await (await agent.call('GET', `/api/rendezvous/slots?motifId=${motifId}`)).json()) as { today: string };
  await created('/api/rendezvous/plages', {
    lieuId,
    motifIds: [motifId],
    firstDate: slots0.today,
    startTime: '08:00',
    endTime: '18:00',
    recurrence: { kind: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7] },
  });
  const { slots } = (await (await agent.call('GET', `/api/rendezvous/slots?motifId=${motifId}&days=3`)).json()) as {
    slots: { start: string; ownerId: string }[];
  };
  const slot = slots.find((s) => new Date(s.start).getTime() > Date.now() + 86_400_000)!;
  // The families' files (written straight to the database: the storm is about bookings).
  const { rows: households } = await db.query<{ id: string }>(
    `WITH h AS (INSERT INTO households (created_at, updated_at, neighbourhood_id) SELECT now(), now(), 'centre' FROM generate_series(1, $1) RETURNING id)
     INSERT INTO household_members (household_id, kind, first_name, last_name, created_at, updated_at)
     SELECT id, 'parent', 'Parent', 'Tempête', now(), now() FROM h RETURNING household_id AS id`,
    [FAMILIES],
  );

  // The storm: CONCURRENCY clients book one family after another; SIGKILL once KILL_AFTER are acknowledged.
  const acknowledged: string[] = [];
  let next = 0;
  let killed = false;
  const client = async () => {
    while (!killed && next < households.length) {
      const h = households[next++]!;
      try {
        const r = await agent.call('POST', '/api/rendezvous/bookings', {
          motifId,
          ownerId: slot.ownerId,
          start: slot.start,
          parent: true,
          householdId: h.id,
          reason: 'Inscription à l’atelier au guichet',
        });
        if (r.status === 201) acknowledged.push(...((await r.json()) as { bookingIds: string[] }).bookingIds);
        else if (!killed) throw new Error(`booking refused: ${r.status} ${await r.text()}`);
      } catch (err) {
        if (!killed) throw err;
      }
      if (!killed && acknowledged.length >= KILL_AFTER) {
        killed = true;
        await server!.stop('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  expect(killed).toBe(true);
  expect(server.proc.signalCode).toBe('SIGKILL');
  expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);

  // Every acknowledged booking is there, confirmed, audited; the seat counter matches.
  const { rows: kept } = await db.query<{ id: string; status: string }>(`SELECT id, status FROM rdv_bookings WHERE id = ANY($1::uuid[])`, [acknowledged]);
  expect(kept).toHaveLength(acknowledged.length);
  expect(kept.every((b) => b.status === 'confirmed')).toBe(true);
  const { rows: audited } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log WHERE action = 'rendezvous/booked' AND subject_id = ANY($1::text[])`,
    [acknowledged],
  );
  expect(audited[0]!.n).toBe(acknowledged.length);
  const { rows: seats } = await db.query<{ taken: number; confirmed: number }>(
    `SELECT s.taken, (SELECT count(*)::int FROM rdv_bookings b WHERE b.session_id = s.id AND b.status = 'confirmed') AS confirmed
       FROM rdv_sessions s WHERE s.motif_id = $1`,
    [motifId],
  );
  expect(seats).toHaveLength(1);
  expect(seats[0]!.taken).toBe(seats[0]!.confirmed);
  expect(seats[0]!.confirmed).toBeGreaterThanOrEqual(acknowledged.length);

  // A restarted process serves them all in the agent's agenda.
  server = await startServerProcess(url, { dataDir: `.tmp/rdv-kill-${process.pid}` });
  const again = await new HttpSession(server.url).login('agent@demo.relais.fr', 'relais-demo-2026');
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(slot.start));
  const agenda = (await (await again.call('GET', `/api/rendezvous/agenda?day=${day}`)).json()) as { bookings: { id: string; status: string }[] };
  const listed = new Set(agenda.bookings.filter((b) => b.status === 'confirmed').map((b) => b.id));
  expect(acknowledged.filter((id) => !listed.has(id))).toEqual([]);
  expect(listed.size).toBe(seats[0]!.confirmed);
}, 300_000);
