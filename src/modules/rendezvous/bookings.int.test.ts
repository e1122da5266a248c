import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { book, cancelBooking, markBooking, moveBooking } from './bookings.service';
import { families, offer, staffCtx, type TestFamily } from './fixtures/families';
import { listSlots } from './slots.service';
import { acceptOffer, expireOffers, joinWaitlist, leaveWaitlist } from './waitlist.service';

let env: TestEnv;
let agentId: string;
// Monday 5 January 2026, 10 h in Paris; the plages open on Tuesdays 12 h–14 h.
const NOW = '2026-01-05T10:00:00+01:00';
const TUESDAY_NOON = new Date('2026-01-06T11:00:00Z');

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  agentId = (await env.as('agent')).user.id;
});
afterAll(() => env.close());

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

async function sessionSeats(sessionId: string) {
  const { rows } = await env.rt.deps.db.query<{ taken: number; capacity: number; confirmed: number; offered: number }>(
    `SELECT s.taken, s.capacity,
            (SELECT count(*)::int FROM rdv_bookings b WHERE b.session_id = s.id AND b.status = 'confirmed') AS confirmed,
            (SELECT count(*)::int FROM rdv_waitlist w WHERE w.session_id = s.id AND w.status = 'offered') AS offered
       FROM rdv_sessions s WHERE s.id = $1`,
    [sessionId],
  );
  return rows[0]!;
}

describe('booking an individual slot', () => {
  let motif: Awaited<ReturnType<typeof offer>>;
  let fam: TestFamily[];
  beforeAll(async () => {
    env.clock.set(NOW);
    motif = await offer(env.rt, { agentId });
    fam = await families(env.rt, 3);
  });

  it('lists the free slots of the motif in Paris time', async () => {
    const { slots } = await listSlots(fam[0]!.ctx, motif.motifId, '2026-01-05', 7);
    expect(slots.map((s) => s.start.toISOString())).toEqual([
      '2026-01-06T11:00:00.000Z',
      '2026-01-06T11:30:00.000Z',
      '2026-01-06T12:00:00.000Z',
      '2026-01-06T12:30:00.000Z',
    ]);
    expect(slots[0]!.lieu?.name).toBe('Maison de quartier');
  });

  it('books, tells the family with the documents to bring, and audits', async () => {
    const mark = await env.auditMark();
    const r = await book(fam[0]!.ctx, { motifId: motif.motifId, ownerId: agentId, start: TUESDAY_NOON, parent: true, childIds: [] });
    await env.expectAudit('rendezvous/booked', r.bookingIds[0]!, { after: mark, actorId: fam[0]!.userId, householdId: fam[0]!.householdId });
    // The booking committed one notice; its job follows the commit (batched); the job (run here as the queue would) writes the SMS and the e-mail, once.
    const confirmations = async () =>
      (await env.rt.deps.db.query(`SELECT channel, body FROM notifications WHERE user_id = $1 AND template = 'rendezvous.confirmation'`, [fam[0]!.userId]))
        .rows;
    expect(await confirmations()).toEqual([]);
    const jobs = async () =>
      (await env.rt.deps.db.query<{ data: { ids: string[] } }>(`SELECT data FROM pgboss.job WHERE name = 'rendezvous.send-notice'`)).rows.map((j) => j.data);
    await expect.poll(jobs).toHaveLength(1);
    const [job] = await jobs();
    expect(job!.ids).toHaveLength(1);
    await env.rt.deps.jobs.runNow('rendezvous.send-notice', job!);
    await env.rt.deps.jobs.runNow('rendezvous.send-notice', job!);
    const rows = await confirmations();
    expect(rows.map((x) => x.channel).sort()).toEqual(['email', 'sms']);
    expect(rows[0].body).toContain('mardi 6 janvier à 12 h');
    expect(rows[0].body).toContain('carte Vitale');
    expect((await sessionSeats(r.sessionId)).taken).toBe(1);
  });

  it('tells a family whose account is in English in English (SMS and e-mail), with the documents to bring', async () => {
    const other = (await env.as('agent')).user.id;
    const m = await offer(env.rt, {
      agentId: other,
      motif: { name: 'Clinique de droits', documents: ['avis d’imposition'] },
      recurrence: { kind: 'weekly', weekdays: [3] },
    });
    const [f] = await families(env.rt, 1);
    await env.rt.deps.db.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [f!.userId]);
    await book(f!.ctx, { motifId: m.motifId, ownerId: other, start: new Date('2026-01-07T11:30:00Z'), parent: true, childIds: [] });
    const notices = await env.rt.deps.db.query<{ id: string }>(`SELECT id FROM rdv_notices WHERE household_id = $1`, [f!.householdId]);
    await env.rt.deps.jobs.runNow('rendezvous.send-notice', { ids: notices.rows.map((n) => n.id) });
    const { rows } = await env.rt.deps.db.query<{ channel: string; subject: string | null; body: string; locale: string }>(
      `SELECT channel, subject, body, locale FROM notifications WHERE user_id = $1 AND template = 'rendezvous.confirmation' ORDER BY channel`,
      [f!.userId],
    );
    expect(rows.map((r) => [r.channel, r.locale])).toEqual([
      ['email', 'en'],
      ['sms', 'en'],
    ]);
    expect(rows[0]!.subject).toBe('Appointment confirmed');
    for (const r of rows)
      expect(r.body).toBe(
        'Relais: your appointment “Clinique de droits” is confirmed on Wednesday 7 January at 12:30, Maison de quartier, 1 rue de la Paix. Please bring: avis d’imposition.',
      );
  });

  it('a booked individual slot is full for the next family, who may join the waitlist', async () => {
    expect(await code(book(fam[1]!.ctx, { motifId: motif.motifId, ownerId: agentId, start: TUESDAY_NOON, parent: true, childIds: [] }))).toBe(
      'rendezvous/full',
    );
    const { slots } = await listSlots(fam[1]!.ctx, motif.motifId, '2026-01-05', 7);
    expect(slots[0]!.full).toBe(true);
    const mark = await env.auditMark();
    const w = await joinWaitlist(fam[1]!.ctx, { motifId: motif.motifId, ownerId: agentId, start: TUESDAY_NOON, parent: true, childIds: [] });
    await env.expectAudit('rendezvous/waitlisted', w.waitIds[0]!, { after: mark, actorId: fam[1]!.userId });
    expect(await code(joinWaitlist(fam[1]!.ctx, { motifId: motif.motifId, ownerId: agentId, start: TUESDAY_NOON, parent: true, childIds: [] }))).toBe(
      'rendezvous/already-waiting',
    );
  });

  it('the waitlist of a slot with seats left is refused: book it', async () => {
    const start = new Date('2026-01-06T12:30:00Z');
    expect(await code(joinWaitlist(fam[2]!.ctx, { motifId: motif.motifId, ownerId: agentId, start, parent: true, childIds: [] }))).toBe('rendezvous/not-full');
  });

  it('refuses a time the plages do not offer, and a child of another file', async () => {
    expect(
      await code(book(fam[2]!.ctx, { motifId: motif.motifId, ownerId: agentId, start: new Date('2026-01-06T11:10:00Z'), parent: true, childIds: [] })),
    ).toBe('rendezvous/slot-unavailable');
    expect(
      await code(
        book(fam[2]!.ctx, {
          motifId: motif.motifId,
          ownerId: agentId,
          start: new Date('2026-01-06T12:00:00Z'),
          parent: false,
          childIds: [fam[0]!.childIds[0]!],
        }),
      ),
    ).toBe('rendezvous/unknown-child');
  });

  it('respects the minimum notice for families', async () => {
    env.clock.set('2026-01-06T11:40:00+01:00');
    try {
      expect(
        await code(book(fam[2]!.ctx, { motifId: motif.motifId, ownerId: agentId, start: new Date('2026-01-06T11:30:00Z'), parent: true, childIds: [] })),
      ).toBe('rendezvous/slot-unavailable');
    } finally {
      env.clock.set(NOW);
    }
  });

  it('another parent cannot cancel the booking (not found), a partner cannot book', async () => {
    const { rows } = await env.rt.deps.db.query<{ id: string }>(`SELECT id FROM rdv_bookings WHERE household_id = $1`, [fam[0]!.householdId]);
    expect(await code(cancelBooking(fam[2]!.ctx, rows[0]!.id))).toBe('rendezvous/not-found');
    const partner = await env.as('partner');
    const ctx = { ...fam[0]!.ctx, user: partner.user };
    // Not a motif open to partner referral (partner referral: referral.int.test.ts).
    expect(await code(book(ctx, { motifId: motif.motifId, ownerId: agentId, start: TUESDAY_NOON, parent: true, childIds: [] }))).toBe(
      'rendezvous/not-referral',
    );
  });
});

describe('never two overlapping bookings', () => {
  it('for the same person (exclusion constraint), nor two sessions of one agent at once', async () => {
    env.clock.set(NOW);
    const a = await offer(env.rt, { agentId, motif: { name: 'Clinique de droits', durationMinutes: 60 }, recurrence: { kind: 'weekly', weekdays: [3] } });
    const b = await offer(env.rt, {
      agentId: (await env.as('agent')).user.id,
      motif: { name: 'Psychologue', durationMinutes: 30 },
      recurrence: { kind: 'weekly', weekdays: [3] },
    });
    const [f] = await families(env.rt, 1);
    const wed = new Date('2026-01-07T11:00:00Z');
    await book(f!.ctx, { motifId: a.motifId, ownerId: a.ownerId, start: wed, parent: true, childIds: [] });
    expect(await code(book(f!.ctx, { motifId: b.motifId, ownerId: b.ownerId, start: new Date('2026-01-07T11:30:00Z'), parent: true, childIds: [] }))).toBe(
      'rendezvous/overlap',
    );
    // the child is another person: it may be booked at that time
    expect(
      await code(book(f!.ctx, { motifId: b.motifId, ownerId: b.ownerId, start: new Date('2026-01-07T11:30:00Z'), parent: false, childIds: f!.childIds })),
    ).toBe('ok');

    // the same agent offering a second motif on the same hours: the second occupied session is refused
    const c = await offer(env.rt, { agentId, motif: { name: 'Accès aux droits', durationMinutes: 30 }, recurrence: { kind: 'weekly', weekdays: [3] } });
    const [g] = await families(env.rt, 1);
    const r = await code(book(g!.ctx, { motifId: c.motifId, ownerId: agentId, start: wed, parent: true, childIds: [] }));
    // listed slots already hide the agent's occupied time: the booking finds no such slot, or the database refuses it
    expect(['rendezvous/slot-unavailable', 'rendezvous/agent-busy']).toContain(r);
  });

  it('the database itself refuses an overlapping row (not JavaScript)', async () => {
    const { rows } = await env.rt.deps.db.query<{ session_id: string; household_id: string; subject_key: string; during: string }>(
      `SELECT session_id, household_id, subject_key, during::text FROM rdv_bookings WHERE status = 'confirmed' LIMIT 1`,
    );
    const r = rows[0]!;
    await expect(
      env.rt.deps.db.query(
        `INSERT INTO rdv_bookings (session_id, household_id, subject_key, during, created_at, status_at) VALUES ($1,$2,$3,$4::tstzrange, now(), now())`,
        [r.session_id, r.household_id, r.subject_key, r.during],
      ),
    ).rejects.toMatchObject({ constraint: 'rdv_bookings_subject_overlap' });
  });
});

describe('collective slot under contention', () => {
  it('500 concurrent requests on capacity 5 give exactly 5 confirmations and a clear refusal for the others', async () => {
    env.clock.set(NOW);
    const w = await offer(env.rt, {
      agentId: (await env.as('agent')).user.id,
      motif: { name: 'Atelier gestion du stress', kind: 'atelier', collective: true, capacity: 5, durationMinutes: 120 },
      recurrence: { kind: 'weekly', weekdays: [6] },
      startTime: '09:00',
      endTime: '11:00',
    });
    const fams = await families(env.rt, 500, []);
    const start = new Date('2026-01-10T08:00:00Z');
    const results = await Promise.all(fams.map((f) => code(book(f.ctx, { motifId: w.motifId, ownerId: w.ownerId, start, parent: true, childIds: [] }))));
    const counts = results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r]: (acc[r] ?? 0) + 1 }), {});
    expect(counts).toEqual({ ok: 5, 'rendezvous/full': 495 });
    const { rows } = await env.rt.deps.db.query<{ id: string }>(`SELECT id FROM rdv_sessions WHERE motif_id = $1`, [w.motifId]);
    expect(rows).toHaveLength(1);
    expect(await sessionSeats(rows[0]!.id)).toMatchObject({ taken: 5, capacity: 5, confirmed: 5 });
  }, 120_000);

  it('as many concurrent families as seats, on four sessions of one agent, are all confirmed (no seat lost to a spurious overlap)', async () => {
    env.clock.set(NOW);
    const w = await offer(env.rt, {
      agentId: (await env.as('agent')).user.id,
      motif: { name: 'Atelier numérique', kind: 'atelier', collective: true, capacity: 40, durationMinutes: 60 },
      recurrence: { kind: 'weekly', weekdays: [6] },
      startTime: '09:00',
      endTime: '13:00',
    });
    const fams = await families(env.rt, 160, []);
    const starts = [8, 9, 10, 11].map((h) => new Date(`2026-01-10T${String(h).padStart(2, '0')}:00:00Z`));
    const results = await Promise.all(
      fams.map((f, i) => code(book(f.ctx, { motifId: w.motifId, ownerId: w.ownerId, start: starts[i % 4]!, parent: true, childIds: [] }))),
    );
    const counts = results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r]: (acc[r] ?? 0) + 1 }), {});
    expect(counts).toEqual({ ok: 160 });
    const { rows } = await env.rt.deps.db.query<{ id: string }>(`SELECT id FROM rdv_sessions WHERE motif_id = $1`, [w.motifId]);
    for (const r of rows) expect(await sessionSeats(r.id)).toMatchObject({ taken: 40, capacity: 40, confirmed: 40 });
  }, 120_000);
});

describe('cancel, move and accept an offer under contention (run again on a spurious overlap, as a booking)', () => {
  const agentWorkshop = async (capacity: number, durationMinutes = 60) => {
    const agent = (await env.as('agent')).user.id;
    const w = await offer(env.rt, {
      agentId: agent,
      motif: { name: 'Atelier budget', kind: 'atelier', collective: true, capacity, durationMinutes, cancelNoticeMinutes: 60 },
      recurrence: { kind: 'weekly', weekdays: [6] },
      startTime: '09:00',
      endTime: '13:00',
    });
    return { agent, w };
  };
  const nine = new Date('2026-01-17T08:00:00Z');

  it('45 families move at once from 15 sessions of an agent to one: all moved, the seats follow', async () => {
    env.clock.set(NOW);
    const { w } = await agentWorkshop(45, 15);
    const fams = await families(env.rt, 45, []);
    // Three families in each quarter of an hour from 9 h 15 to 12 h 45; all move to 9 h at once.
    const froms = fams.map((_, i) => new Date(nine.getTime() + (1 + Math.floor(i / 3)) * 15 * 60_000));
    const booked: { bookingIds: string[] }[] = [];
    for (const [i, f] of fams.entries())
      booked.push(await book(f.ctx, { motifId: w.motifId, ownerId: w.ownerId, start: froms[i]!, parent: true, childIds: [] }));
    const results = await Promise.all(fams.map((f, i) => code(moveBooking(f.ctx, booked[i]!.bookingIds[0]!, { ownerId: w.ownerId, start: nine }))));
    expect(results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r]: (acc[r] ?? 0) + 1 }), {})).toEqual({ ok: 45 });
    const { rows } = await env.rt.deps.db.query<{ id: string; start: Date }>(`SELECT id, lower(during) AS start FROM rdv_sessions WHERE motif_id = $1`, [
      w.motifId,
    ]);
    expect(rows).toHaveLength(16);
    for (const r of rows)
      expect(await sessionSeats(r.id)).toMatchObject(r.start.getTime() === nine.getTime() ? { taken: 45, confirmed: 45 } : { taken: 0, confirmed: 0 });
  }, 120_000);

  it('an agent cancels 20 bookings at once (each seat offered to a waiting family), the 20 families accept at once while 10 others try to book: none over-fills', async () => {
    env.clock.set(NOW);
    const { agent, w } = await agentWorkshop(20);
    const holders = await families(env.rt, 20, []);
    const waiting = await families(env.rt, 20, []);
    const late = await families(env.rt, 10, []);
    const input = { motifId: w.motifId, ownerId: w.ownerId, start: nine, parent: true, childIds: [] as string[] };
    const booked: string[] = [];
    let sessionId = '';
    for (const f of holders) {
      const r = await book(f.ctx, input);
      booked.push(r.bookingIds[0]!);
      sessionId = r.sessionId;
    }
    for (const f of waiting) await joinWaitlist(f.ctx, input);
    const staff = staffCtx(env.rt, agent);
    expect(await Promise.all(booked.map((id) => code(cancelBooking(staff, id))))).toEqual(booked.map(() => 'ok'));
    expect(await sessionSeats(sessionId)).toMatchObject({ taken: 20, confirmed: 0, offered: 20 });
    const offers = await env.rt.deps.db.query<{ id: string; household_id: string }>(
      `SELECT id, household_id FROM rdv_waitlist WHERE session_id = $1 AND status = 'offered'`,
      [sessionId],
    );
    const results = await Promise.all([
      ...offers.rows.map((o) => code(acceptOffer(waiting.find((f) => f.householdId === o.household_id)!.ctx, o.id))),
      ...late.map((f) => code(book(f.ctx, input))),
    ]);
    expect(results.slice(0, 20)).toEqual(offers.rows.map(() => 'ok'));
    expect(new Set(results.slice(20))).toEqual(new Set(['rendezvous/full']));
    expect(await sessionSeats(sessionId)).toMatchObject({ taken: 20, capacity: 20, confirmed: 20, offered: 0 });
  }, 120_000);
});

describe('cancel, move and accept an offer are run again on the spurious overlap (or a deadlock), as a booking is', () => {
  // The spurious 23P01 cannot be summoned on demand: PostgreSQL's own error is injected once, by a trigger, into the
  // statement each use case runs (a session's seats, or the booking row); without againOnRace each would fail.
  const nine = new Date('2026-01-24T08:00:00Z');
  const ten = new Date('2026-01-24T09:00:00Z');
  let motifId = '';
  async function failOnce(table: 'rdv_sessions' | 'rdv_bookings', errcode: string, constraint: string, times = 1) {
    const db = env.rt.deps.db;
    await db.query(`DROP SEQUENCE IF EXISTS rdv_test_fault_seq; CREATE SEQUENCE rdv_test_fault_seq`);
    await db.query(`CREATE OR REPLACE FUNCTION rdv_test_fault() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        IF TG_TABLE_NAME = 'rdv_sessions' THEN
          IF NEW.motif_id::text = TG_ARGV[2] AND nextval('rdv_test_fault_seq') <= TG_ARGV[3]::int THEN
            RAISE EXCEPTION 'injected' USING ERRCODE = TG_ARGV[0], CONSTRAINT = TG_ARGV[1];
          END IF;
        ELSIF EXISTS (SELECT 1 FROM rdv_sessions s WHERE s.id = NEW.session_id AND s.motif_id::text = TG_ARGV[2]) AND nextval('rdv_test_fault_seq') <= TG_ARGV[3]::int THEN
          RAISE EXCEPTION 'injected' USING ERRCODE = TG_ARGV[0], CONSTRAINT = TG_ARGV[1];
        END IF;
        RETURN NEW;
      END $f$`);
    const when = table === 'rdv_sessions' ? 'BEFORE UPDATE' : 'BEFORE INSERT';
    await db.query(
      `CREATE TRIGGER rdv_test_fault ${when} ON ${table} FOR EACH ROW EXECUTE FUNCTION rdv_test_fault('${errcode}', '${constraint}', '${motifId}', '${times}')`,
    );
    return async () => {
      const { rows } = await db.query<{ n: string }>(`SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM rdv_test_fault_seq`);
      await db.query(`DROP TRIGGER rdv_test_fault ON ${table}`);
      return Number(rows[0]!.n);
    };
  }
  const auditCount = async (action: string, subjectId: string) =>
    (await env.rt.deps.db.query(`SELECT 1 FROM audit_log WHERE action = $1 AND subject_id = $2`, [action, subjectId])).rowCount;

  it('each succeeds once after the injected error, with one audit entry and the seats right', async () => {
    env.clock.set(NOW);
    const agent = (await env.as('agent')).user.id;
    const w = await offer(env.rt, {
      agentId: agent,
      motif: { name: 'Atelier (reprise)', kind: 'atelier', collective: true, capacity: 2, durationMinutes: 60, cancelNoticeMinutes: 60 },
      recurrence: { kind: 'weekly', weekdays: [6] },
      startTime: '09:00',
      endTime: '11:00',
    });
    motifId = w.motifId;
    const [a, b, c] = await families(env.rt, 3, []);
    const input = (start: Date) => ({ motifId: w.motifId, ownerId: w.ownerId, start, parent: true, childIds: [] as string[] });
    const ra = await book(a!.ctx, input(nine));
    const rb = await book(b!.ctx, input(nine));
    const { waitIds } = await joinWaitlist(c!.ctx, input(nine));

    // a moves to 10 h: the 10 h session's seats fail once as PostgreSQL's spurious self-overlap; 9 h's seat goes to c.
    let done = await failOnce('rdv_sessions', '23P01', 'rdv_sessions_agent_overlap');
    expect(await code(moveBooking(a!.ctx, ra.bookingIds[0]!, { ownerId: w.ownerId, start: ten }))).toBe('ok');
    expect(await done()).toBeGreaterThanOrEqual(2);
    expect(await auditCount('rendezvous/moved', ra.bookingIds[0]!)).toBe(1);

    // c accepts the offer: its booking's insert fails once as a deadlock.
    done = await failOnce('rdv_bookings', '40P01', '');
    expect(await code(acceptOffer(c!.ctx, waitIds[0]!))).toBe('ok');
    expect(await done()).toBeGreaterThanOrEqual(2);
    expect(await auditCount('rendezvous/offer-accepted', waitIds[0]!)).toBe(1);

    // b cancels: the seat given back fails once as the spurious self-overlap.
    done = await failOnce('rdv_sessions', '23P01', 'rdv_sessions_agent_overlap');
    expect(await code(cancelBooking(b!.ctx, rb.bookingIds[0]!))).toBe('ok');
    expect(await done()).toBeGreaterThanOrEqual(2);
    expect(await auditCount('rendezvous/cancelled', rb.bookingIds[0]!)).toBe(1);

    const { rows } = await env.rt.deps.db.query<{ id: string; start: Date }>(
      `SELECT id, lower(during) AS start FROM rdv_sessions WHERE motif_id = $1 ORDER BY lower(during)`,
      [w.motifId],
    );
    expect(await sessionSeats(rows[0]!.id)).toMatchObject({ taken: 1, confirmed: 1, offered: 0 });
    expect(await sessionSeats(rows[1]!.id)).toMatchObject({ taken: 1, confirmed: 1, offered: 0 });
    // One notice each, not one per attempt.
    const moved = await env.rt.deps.db.query(`SELECT 1 FROM notifications WHERE user_id = $1 AND template = 'rendezvous.moved' AND channel = 'sms'`, [
      a!.userId,
    ]);
    expect(moved.rowCount).toBe(1);
  });

  it('a real overlap still fails (after the retries), refused as the agent busy, nothing written', async () => {
    const { rows } = await env.rt.deps.db.query<{ id: string }>(
      `SELECT b.id FROM rdv_bookings b JOIN rdv_sessions s ON s.id = b.session_id WHERE s.motif_id = $1 AND b.status = 'confirmed' LIMIT 1`,
      [motifId],
    );
    const id = rows[0]!.id;
    const holder = staffCtx(env.rt, agentId);
    const done = await failOnce('rdv_sessions', '23P01', 'rdv_sessions_agent_overlap', 100);
    expect(await code(cancelBooking(holder, id))).toBe('rendezvous/agent-busy');
    expect(await done()).toBe(4);
    expect(await auditCount('rendezvous/cancelled', id)).toBe(0);
    const { rows: after } = await env.rt.deps.db.query<{ status: string }>(`SELECT status FROM rdv_bookings WHERE id = $1`, [id]);
    expect(after[0]!.status).toBe('confirmed');
  });
});

describe('waitlist and promotion', () => {
  let w: Awaited<ReturnType<typeof offer>>;
  let fam: TestFamily[];
  const start = new Date('2026-01-10T08:00:00Z');
  const input = (_f: TestFamily) => ({ motifId: w.motifId, ownerId: w.ownerId, start, parent: true, childIds: [] as string[] });
  let booked: string[];
  let sessionId: string;

  beforeAll(async () => {
    env.clock.set(NOW);
    w = await offer(env.rt, {
      agentId: (await env.as('agent')).user.id,
      motif: { name: 'Atelier dématérialisation', kind: 'atelier', collective: true, capacity: 2, durationMinutes: 120, cancelNoticeMinutes: 60 },
      recurrence: { kind: 'weekly', weekdays: [6] },
      startTime: '09:00',
      endTime: '11:00',
    });
    fam = await families(env.rt, 6);
    booked = [];
    for (const f of fam.slice(0, 2)) {
      const r = await book(f.ctx, input(f));
      booked.push(r.bookingIds[0]!);
      sessionId = r.sessionId;
    }
    await joinWaitlist(fam[2]!.ctx, input(fam[2]!));
    await joinWaitlist(fam[3]!.ctx, input(fam[3]!));
  });

  it('a cancellation offers the seat to the first waiting family, holding it: a new booking finds it taken', async () => {
    const mark = await env.auditMark();
    await cancelBooking(fam[0]!.ctx, booked[0]!);
    await env.expectAudit('rendezvous/cancelled', booked[0]!, { after: mark, actorId: fam[0]!.userId });
    expect(await sessionSeats(sessionId)).toMatchObject({ taken: 2, confirmed: 1, offered: 1 });
    expect(await code(book(fam[4]!.ctx, input(fam[4]!)))).toBe('rendezvous/full');
    const { rows } = await env.rt.deps.db.query(`SELECT body FROM notifications WHERE user_id = $1 AND template = 'rendezvous.offer'`, [fam[2]!.userId]);
    expect(rows[0].body).toContain('réservée jusqu');
    // the second family is still waiting: no offer before a seat is free
    const { rows: second } = await env.rt.deps.db.query(`SELECT status FROM rdv_waitlist WHERE household_id = $1`, [fam[3]!.householdId]);
    expect(second[0].status).toBe('waiting');
  });

  it('an offer lapses after its window and passes on', async () => {
    env.clock.set('2026-01-05T12:01:00+01:00');
    try {
      const mark = await env.auditMark();
      expect(await expireOffers(env.rt.deps)).toBe(1);
      await env.expectAudit('rendezvous/offer-expired', null, { after: mark, householdId: fam[2]!.householdId });
      const { rows } = await env.rt.deps.db.query<{ id: string; status: string }>(`SELECT id, status FROM rdv_waitlist WHERE household_id = $1`, [
        fam[3]!.householdId,
      ]);
      expect(rows[0]!.status).toBe('offered');
      expect(await sessionSeats(sessionId)).toMatchObject({ taken: 2, confirmed: 1, offered: 1 });
      // the lapsed family cannot take it any more
      const { rows: lapsed } = await env.rt.deps.db.query<{ id: string }>(`SELECT id FROM rdv_waitlist WHERE household_id = $1`, [fam[2]!.householdId]);
      expect(await code(acceptOffer(fam[2]!.ctx, lapsed[0]!.id))).toBe('rendezvous/offer-expired');
      const accMark = await env.auditMark();
      const r = await acceptOffer(fam[3]!.ctx, rows[0]!.id);
      await env.expectAudit('rendezvous/offer-accepted', rows[0]!.id, { after: accMark, actorId: fam[3]!.userId });
      expect(r.bookingId).toBeTruthy();
      expect(await sessionSeats(sessionId)).toMatchObject({ taken: 2, confirmed: 2, offered: 0 });
    } finally {
      env.clock.set(NOW);
    }
  });

  it('someone else cannot accept or leave a family’s waitlist entry', async () => {
    const x = await joinWaitlist(fam[5]!.ctx, input(fam[5]!));
    expect(await code(leaveWaitlist(fam[4]!.ctx, x.waitIds[0]!))).toBe('rendezvous/not-found');
    const mark = await env.auditMark();
    await leaveWaitlist(fam[5]!.ctx, x.waitIds[0]!);
    await env.expectAudit('rendezvous/waitlist-left', x.waitIds[0]!, { after: mark });
  });

  it('a cancellation and new bookings racing never over-fill the slot', async () => {
    const all = [...fam];
    for (let round = 0; round < 5; round++) {
      const extra = await families(env.rt, 6);
      all.push(...extra);
      await Promise.all(extra.slice(0, 2).map((f) => code(joinWaitlist(f.ctx, input(f)))));
      const { rows } = await env.rt.deps.db.query<{ id: string; household_id: string }>(
        `SELECT id, household_id FROM rdv_bookings WHERE session_id = $1 AND status = 'confirmed' LIMIT 1`,
        [sessionId],
      );
      const holder = all.find((f) => f.householdId === rows[0]!.household_id);
      const ctx = holder?.ctx ?? staffCtx(env.rt, agentId);
      const results = await Promise.all([cancelBooking(ctx, rows[0]!.id).then(() => 'ok'), ...extra.slice(2).map((f) => code(book(f.ctx, input(f))))]);
      expect(results[0]).toBe('ok');
      const seats = await sessionSeats(sessionId);
      expect(seats.confirmed + seats.offered).toBeLessThanOrEqual(seats.capacity);
      expect(seats.taken).toBe(seats.confirmed + seats.offered);
      // accept whatever is offered, so the next round starts full again
      const { rows: offered } = await env.rt.deps.db.query<{ id: string; household_id: string }>(
        `SELECT id, household_id FROM rdv_waitlist WHERE session_id = $1 AND status = 'offered'`,
        [sessionId],
      );
      for (const o of offered) await acceptOffer(all.find((f) => f.householdId === o.household_id)!.ctx, o.id);
      const after = await sessionSeats(sessionId);
      expect(after.confirmed).toBeLessThanOrEqual(2);
    }
  }, 60_000);
});

describe('agent at the desk', () => {
  it('books for a family (file opened with a reason), marks presence after the time, and the family cannot', async () => {
    env.clock.set(NOW);
    const agent = staffCtx(env.rt, agentId);
    const m = await offer(env.rt, { agentId, motif: { name: 'Guichet unique', bookableBy: 'agent' }, recurrence: { kind: 'weekly', weekdays: [4] } });
    const [f] = await families(env.rt, 1);
    const thu = new Date('2026-01-08T11:00:00Z');
    expect(await code(book(f!.ctx, { motifId: m.motifId, ownerId: agentId, start: thu, parent: true, childIds: [] }))).toBe('rendezvous/not-bookable');
    expect(await code(book(agent, { motifId: m.motifId, ownerId: agentId, start: thu, parent: true, childIds: [], householdId: f!.householdId }))).toBe(
      'dossiers/reason-required',
    );
    const mark = await env.auditMark();
    const r = await book(agent, {
      motifId: m.motifId,
      ownerId: agentId,
      start: thu,
      parent: true,
      childIds: [],
      householdId: f!.householdId,
      reason: 'Accueil au guichet',
    });
    const entry = await env.expectAudit('rendezvous/booked', r.bookingIds[0]!, { after: mark, actorId: agentId });
    expect(entry.details).toMatchObject({ atDesk: true });

    expect(await code(markBooking(agent, r.bookingIds[0]!, 'seen'))).toBe('rendezvous/not-yet');
    env.clock.set('2026-01-08T12:31:00+01:00');
    expect(await code(markBooking(f!.ctx, r.bookingIds[0]!, 'seen'))).toBe('auth/forbidden');
    const m2 = await env.auditMark();
    await markBooking(agent, r.bookingIds[0]!, 'seen');
    await env.expectAudit('rendezvous/status-changed', r.bookingIds[0]!, { after: m2, actorId: agentId });
    await markBooking(agent, r.bookingIds[0]!, 'noshow');
    expect(await code(markBooking(agent, r.bookingIds[0]!, 'revoked'))).toBe('rendezvous/bad-status');
    env.clock.set(NOW);
  });

  it('marks a family excused (it called the desk): the seat frees for the next family, the family is not sent a cancellation; a partner cannot mark', async () => {
    env.clock.set(NOW);
    const own = (await env.as('agent')).user.id;
    const agent = staffCtx(env.rt, own);
    const m = await offer(env.rt, { agentId: own, motif: { name: 'Permanence (excusé)' }, recurrence: { kind: 'weekly', weekdays: [4] } });
    const [f] = await families(env.rt, 1);
    const r = await book(f!.ctx, { motifId: m.motifId, ownerId: own, start: new Date('2026-01-08T11:00:00Z'), parent: true, childIds: [] });
    const partner = await env.as('partner');
    expect((await partner.post(`/api/rendezvous/bookings/${r.bookingIds[0]}/status`, { status: 'excused' })).statusCode).toBe(403);
    const mark = await env.auditMark();
    await markBooking(agent, r.bookingIds[0]!, 'excused');
    const entry = await env.expectAudit('rendezvous/status-changed', r.bookingIds[0]!, { after: mark, actorId: own, householdId: f!.householdId });
    expect(entry.details).toEqual({ from: 'confirmed', to: 'excused' });
    expect(await sessionSeats(r.sessionId)).toMatchObject({ taken: 0, confirmed: 0 });
    const { rows } = await env.rt.deps.db.query(`SELECT 1 FROM notifications WHERE user_id = $1 AND template = 'rendezvous.cancelled'`, [f!.userId]);
    expect(rows).toHaveLength(0);
  });

  it('revoking tells the family; a family cannot cancel too late', async () => {
    env.clock.set(NOW);
    const agent = staffCtx(env.rt, agentId);
    const m = await offer(env.rt, {
      agentId,
      motif: { name: 'Infirmière', cancelNoticeMinutes: 24 * 60, minNoticeMinutes: 0 },
      recurrence: { kind: 'weekly', weekdays: [1] },
    });
    const [f] = await families(env.rt, 1);
    const monday = new Date('2026-01-05T11:00:00Z');
    const r = await book(f!.ctx, { motifId: m.motifId, ownerId: agentId, start: monday, parent: true, childIds: [] });
    expect(await code(cancelBooking(f!.ctx, r.bookingIds[0]!))).toBe('rendezvous/too-late-to-cancel');
    const mark = await env.auditMark();
    await markBooking(agent, r.bookingIds[0]!, 'revoked');
    await env.expectAudit('rendezvous/status-changed', r.bookingIds[0]!, { after: mark });
    const { rows } = await env.rt.deps.db.query(`SELECT body FROM notifications WHERE user_id = $1 AND template = 'rendezvous.cancelled'`, [f!.userId]);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('moves a booking to another slot and tells the family', async () => {
    env.clock.set(NOW);
    const m = await offer(env.rt, {
      agentId: (await env.as('agent')).user.id,
      motif: { name: 'Psychologue (déplacement)' },
      recurrence: { kind: 'weekly', weekdays: [5] },
    });
    const [f] = await families(env.rt, 1);
    const r = await book(f!.ctx, { motifId: m.motifId, ownerId: m.ownerId, start: new Date('2026-01-09T11:00:00Z'), parent: true, childIds: [] });
    const mark = await env.auditMark();
    await moveBooking(f!.ctx, r.bookingIds[0]!, { ownerId: m.ownerId, start: new Date('2026-01-09T12:00:00Z') });
    await env.expectAudit('rendezvous/moved', r.bookingIds[0]!, { after: mark, actorId: f!.userId });
    const { rows } = await env.rt.deps.db.query(`SELECT body FROM notifications WHERE user_id = $1 AND template = 'rendezvous.moved'`, [f!.userId]);
    expect(rows[0].body).toContain('déplacé au vendredi 9 janvier à 13 h');
    const { rows: s } = await env.rt.deps.db.query<{ taken: number }>(`SELECT taken FROM rdv_sessions WHERE motif_id = $1 ORDER BY lower(during)`, [m.motifId]);
    expect(s.map((x) => x.taken)).toEqual([0, 1]);
  });

  it('an agent changes the time of a family’s booking: the family is told by SMS and e-mail, in its language; a family cannot move another’s', async () => {
    env.clock.set(NOW);
    const agent = (await env.as('agent')).user.id;
    const m = await offer(env.rt, { agentId: agent, motif: { name: 'Clinique de droits (heure)' }, recurrence: { kind: 'weekly', weekdays: [4] } });
    const [f, other] = await families(env.rt, 2);
    await env.rt.deps.db.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [f!.userId]);
    const r = await book(f!.ctx, { motifId: m.motifId, ownerId: agent, start: new Date('2026-01-08T11:00:00Z'), parent: true, childIds: [] });
    const to = { ownerId: agent, start: new Date('2026-01-08T12:30:00Z') };
    expect(await code(moveBooking(other!.ctx, r.bookingIds[0]!, to))).toBe('rendezvous/not-found');
    const mark = await env.auditMark();
    await moveBooking(staffCtx(env.rt, agent), r.bookingIds[0]!, to);
    await env.expectAudit('rendezvous/moved', r.bookingIds[0]!, { after: mark, actorId: agent, householdId: f!.householdId });
    const { rows } = await env.rt.deps.db.query<{ channel: string; locale: string; body: string }>(
      `SELECT channel, locale, body FROM notifications WHERE user_id = $1 AND template = 'rendezvous.moved' ORDER BY channel`,
      [f!.userId],
    );
    expect(rows.map((x) => [x.channel, x.locale])).toEqual([
      ['email', 'en'],
      ['sms', 'en'],
    ]);
    for (const x of rows) expect(x.body).toContain('Thursday 8 January at 12:00');
    for (const x of rows) expect(x.body).toContain('Thursday 8 January at 13:30');
  });
});

describe('occasional crèche places', () => {
  it('a capacity per half-day and age group, booked for one child of the file', async () => {
    env.clock.set(NOW);
    const c = await offer(env.rt, {
      motif: { name: 'Crèche occasionnelle', kind: 'creche', durationMinutes: 240, collective: true, capacity: 1, minNoticeMinutes: 120 },
      recurrence: { kind: 'weekly', weekdays: [1, 2, 3, 4, 5] },
      startTime: '08:30',
      endTime: '12:30',
      resourceCapacities: { '0-1': 1, '1-3': 2 },
    });
    const fams = await families(env.rt, 3, ['2025-06-01', '2018-01-01']);
    const tue = new Date('2026-01-06T07:30:00Z');
    expect(await code(book(fams[0]!.ctx, { motifId: c.motifId, ownerId: c.ownerId, start: tue, parent: true, childIds: [] }))).toBe(
      'rendezvous/child-required',
    );
    expect(await code(book(fams[0]!.ctx, { motifId: c.motifId, ownerId: c.ownerId, start: tue, parent: false, childIds: [fams[0]!.childIds[1]!] }))).toBe(
      'rendezvous/no-age-group',
    );
    await book(fams[0]!.ctx, { motifId: c.motifId, ownerId: c.ownerId, start: tue, parent: false, childIds: [fams[0]!.childIds[0]!] });
    expect(await code(book(fams[1]!.ctx, { motifId: c.motifId, ownerId: c.ownerId, start: tue, parent: false, childIds: [fams[1]!.childIds[0]!] }))).toBe(
      'rendezvous/full',
    );
  });

  it('lists a slot full for the child’s age group (with the waitlist) while another age group has room; no slot for an age without seats', async () => {
    env.clock.set(NOW);
    const c = await offer(env.rt, {
      motif: { name: 'Journée de répit', kind: 'repit', durationMinutes: 240, collective: true, capacity: 1, minNoticeMinutes: 120 },
      recurrence: { kind: 'weekly', weekdays: [3] },
      startTime: '08:30',
      endTime: '12:30',
      resourceCapacities: { '0-1': 1, '1-3': 2 },
    });
    const wed = new Date('2026-01-07T07:30:00Z');
    const [baby1, baby2] = await families(env.rt, 2, ['2025-06-01']);
    const [toddler] = await families(env.rt, 1, ['2024-06-01']);
    const [pupil] = await families(env.rt, 1, ['2018-01-01']);
    const slotFor = async (f: TestFamily) => (await listSlots(f.ctx, c.motifId, '2026-01-05', 7, { childId: f.childIds[0] })).slots;
    expect((await slotFor(baby2!))[0]).toMatchObject({ seatsLeft: 1, full: false });
    await book(baby1!.ctx, { motifId: c.motifId, ownerId: c.ownerId, start: wed, parent: false, childIds: [baby1!.childIds[0]!] });
    // The 0-1 group is full; the 1-3 group still has its two seats, on the same half-day.
    expect((await slotFor(baby2!))[0]).toMatchObject({ start: wed, seatsLeft: 0, full: true });
    expect((await slotFor(toddler!))[0]).toMatchObject({ start: wed, seatsLeft: 2, full: false });
    expect(await slotFor(pupil!)).toEqual([]);
    // Without a child, seats per age group are unknown (null), never a wrong "free".
    expect((await listSlots(baby2!.ctx, c.motifId, '2026-01-05', 7)).slots[0]).toMatchObject({ seatsLeft: null, full: false });
    // The full group's family joins the waitlist; the other group's books.
    await joinWaitlist(baby2!.ctx, { motifId: c.motifId, ownerId: c.ownerId, start: wed, parent: false, childIds: [baby2!.childIds[0]!] });
    await book(toddler!.ctx, { motifId: c.motifId, ownerId: c.ownerId, start: wed, parent: false, childIds: [toddler!.childIds[0]!] });
    expect((await slotFor(toddler!))[0]).toMatchObject({ seatsLeft: 1, full: false });
    // A child of another file is refused, with the field.
    const err = await listSlots(baby2!.ctx, c.motifId, '2026-01-05', 7, { childId: toddler!.childIds[0] }).catch((e: AppError) => e);
    expect(err).toMatchObject({ code: 'rendezvous/unknown-child' });
    // Staff list for a family's child through its opened file, and the read is audited.
    const agent = staffCtx(env.rt, agentId);
    expect(await code(listSlots(agent, c.motifId, '2026-01-05', 7, { childId: baby2!.childIds[0], householdId: baby2!.householdId }))).toBe(
      'dossiers/reason-required',
    );
    await env.rt.deps.db.query(
      `INSERT INTO household_access_grants (household_id, user_id, reason, opened_at, expires_at) VALUES ($1, $2, 'Accueil', $3, $3::timestamptz + interval '8 hours')`,
      [baby2!.householdId, agentId, env.clock.now()],
    );
    const mark = await env.auditMark();
    const staffView = await listSlots(agent, c.motifId, '2026-01-05', 7, { childId: baby2!.childIds[0], householdId: baby2!.householdId });
    expect(staffView.slots[0]).toMatchObject({ full: true });
    await env.expectAudit('dossiers/accessed', baby2!.householdId, { after: mark, actorId: agentId });
  });
});
