/**
 * Partner referral (issue 14: "who may book: family online, agent only, partner referral"): a
 * partner structure books, for a family that consented to share its file with it (purpose
 * « orientation »), a slot of a motif open to partner referral; the family is told (« proposé
 * par … ») and holds the booking as its own; the partner sees and cancels only the bookings its
 * structure made. Refused without the consent, to another structure's partner, for motifs that
 * are family-only or agent-only, and to a parent acting as a partner. Same booking statement:
 * the capacity holds under concurrent partner and family bookings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../platform/context';
import { createTestEnv, type TestClient, type TestEnv } from '../../platform/testing';
import { consentTo, families, fileFor, offer, type TestFamily } from './fixtures/families';
import { bookingsIndicator } from './rendezvous.indicators';
import { book } from './bookings.service';

let env: TestEnv;
// Monday 2 March 2026, 10 h in Paris; the plages open on Tuesdays 12 h–14 h (Paris).
const NOW = '2026-03-02T10:00:00+01:00';
const TUESDAY_NOON = '2026-03-03T11:00:00.000Z';
type Client = TestClient & { user: SessionUser };
let partner: Client;
let otherPartner: Client;
let parent: Client;
let otherParent: Client;
let agentId: string;
let file: { householdId: string; childIds: string[] };
let strangers: TestFamily[];
let referral: Awaited<ReturnType<typeof offer>>;
let familyOnly: Awaited<ReturnType<typeof offer>>;
let agentOnly: Awaited<ReturnType<typeof offer>>;
const STRUCTURE = 'Mission locale du Grand Amiens';

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  const now = env.clock.now();
  partner = await env.as('partner', { displayName: 'Inès Bernard' });
  otherPartner = await env.as('partner');
  await env.rt.deps.db.query(`UPDATE annuaire_structures SET nom = $2 WHERE id = $1`, [partner.user.structureId, STRUCTURE]);
  parent = await env.as('parent');
  otherParent = await env.as('parent');
  agentId = (await env.as('agent')).user.id;
  file = await fileFor(env.rt, parent.user.id, ['2019-05-04'], now);
  await fileFor(env.rt, otherParent.user.id, [], now);
  await consentTo(env.rt, file.householdId, partner.user.structureId!, ['identity', 'children'], 'orientation', now);
  strangers = await families(env.rt, 2, ['2020-01-01'], now);
  referral = await offer(
    env.rt,
    { agentId, motif: { name: 'Permanence emploi — sur orientation', bookableBy: 'referral', collective: true, capacity: 3, durationMinutes: 60 } },
    now,
  );
  familyOnly = await offer(env.rt, { agentId: (await env.as('agent')).user.id, motif: { name: 'Permanence santé', bookableBy: 'family' } }, now);
  agentOnly = await offer(env.rt, { agentId: (await env.as('agent')).user.id, motif: { name: 'Entretien social', bookableBy: 'agent' } }, now);
});
afterAll(() => env.close());

const body = (m: { motifId: string; ownerId: string }, householdId: string | undefined, who: { parent?: boolean; childIds?: string[] } = {}) => ({
  motifId: m.motifId,
  ownerId: m.ownerId,
  start: TUESDAY_NOON,
  parent: who.parent ?? false,
  childIds: who.childIds ?? [],
  householdId,
});

async function bookingsOf(householdId: string) {
  const { rows } = await env.rt.deps.db.query<{ id: string; status: string; origin: string; referrer_name: string | null; booked_by: string }>(
    `SELECT id, status, origin, referrer_name, booked_by FROM rdv_bookings WHERE household_id = $1 ORDER BY created_at`,
    [householdId],
  );
  return rows;
}

describe('a partner books for a family that consented', () => {
  let bookingId: string;

  it('lists only the motifs open to partner referral, and their slots', async () => {
    const motifs = (await partner.get('/api/rendezvous/motifs')).json().motifs as { id: string }[];
    expect(motifs.map((m) => m.id)).toContain(referral.motifId);
    expect(motifs.map((m) => m.id)).not.toContain(familyOnly.motifId);
    expect(motifs.map((m) => m.id)).not.toContain(agentOnly.motifId);
    const slots = await partner.get(`/api/rendezvous/slots?motifId=${referral.motifId}&from=2026-03-02&days=7`);
    expect(slots.statusCode).toBe(200);
    expect(slots.json().slots[0].start).toBe(TUESDAY_NOON);
    expect((await partner.get(`/api/rendezvous/slots?motifId=${familyOnly.motifId}&from=2026-03-02&days=7`)).json().error.code).toBe('rendezvous/not-referral');
  });

  it('books the child of the file: the booking records the structure, the read and the booking are audited', async () => {
    const mark = await env.auditMark();
    const r = await partner.post('/api/rendezvous/bookings', body(referral, file.householdId, { childIds: [file.childIds[0]!] }));
    expect(r.statusCode).toBe(201);
    bookingId = r.json().bookingIds[0];
    const entry = await env.expectAudit('rendezvous/booked', bookingId, { after: mark, actorId: partner.user.id, householdId: file.householdId });
    expect(entry.details).toMatchObject({ origin: 'partner', structureId: partner.user.structureId, atDesk: false });
    const access = await env.expectAudit('dossiers/partner-access', file.householdId, { after: mark, actorId: partner.user.id });
    expect(access.details).toMatchObject({ purpose: 'orientation', structureId: partner.user.structureId });
    expect(await bookingsOf(file.householdId)).toEqual([
      { id: bookingId, status: 'confirmed', origin: 'partner', referrer_name: STRUCTURE, booked_by: partner.user.id },
    ]);
  });

  it('the family is told in its language through the queue, « proposé par » the structure', async () => {
    const { rows: notices } = await env.rt.deps.db.query<{ id: string }>(`SELECT id FROM rdv_notices WHERE household_id = $1`, [file.householdId]);
    expect(notices).toHaveLength(1);
    await env.rt.deps.jobs.runNow('rendezvous.send-notice', { ids: notices.map((n) => n.id) });
    const { rows } = await env.rt.deps.db.query<{ channel: string; body: string; locale: string }>(
      `SELECT channel, body, locale FROM notifications WHERE user_id = $1 AND template = 'rendezvous.confirmation' ORDER BY channel`,
      [parent.user.id],
    );
    expect(rows.map((x) => x.channel)).toEqual(['email', 'sms']);
    expect(rows[0]!.body).toContain(`Proposé par ${STRUCTURE}.`);
    expect(rows[0]!.body).toContain('mardi 3 mars à 12 h');
  });

  it('the family sees it among its bookings, « proposé par » the structure', async () => {
    const mine = (await parent.get('/api/rendezvous/mine')).json();
    expect(mine.upcoming).toHaveLength(1);
    expect(mine.upcoming[0]).toMatchObject({ id: bookingId, proposedBy: STRUCTURE, who: 'Léo' });
  });

  it('the partner sees the bookings its structure made for the family, not the family’s own', async () => {
    const own = await parent.post('/api/rendezvous/bookings', body(familyOnly, undefined, { parent: true }));
    expect(own.statusCode).toBe(201);
    const mark = await env.auditMark();
    const seen = await partner.get(`/api/rendezvous/partner/households/${file.householdId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().family).toEqual({ name: 'Awa Diallo', children: [{ id: file.childIds[0], firstName: 'Léo' }] });
    expect(seen.json().bookings.map((b: { id: string }) => b.id)).toEqual([bookingId]);
    await env.expectAudit('dossiers/partner-access', file.householdId, { after: mark, actorId: partner.user.id });
    // Another structure's partner sees nothing of this family.
    const other = await otherPartner.get(`/api/rendezvous/partner/households/${file.householdId}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('dossiers/no-consent');
  });
});

describe('refused', () => {
  it('without the family’s consent (403, French message), nothing written', async () => {
    const r = await partner.post('/api/rendezvous/bookings', body(referral, strangers[0]!.householdId, { parent: true }));
    expect(r.statusCode).toBe(403);
    expect(r.json().error).toMatchObject({ code: 'dossiers/no-consent', message: expect.stringContaining('accord') });
    expect(await bookingsOf(strangers[0]!.householdId)).toEqual([]);
  });

  it('with a consent for another purpose (repérage précoce) only', async () => {
    await consentTo(env.rt, strangers[1]!.householdId, partner.user.structureId!, ['identity', 'children'], 'early-detection');
    const r = await partner.post('/api/rendezvous/bookings', body(referral, strangers[1]!.householdId, { parent: true }));
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('dossiers/no-consent');
    expect(await bookingsOf(strangers[1]!.householdId)).toEqual([]);
  });

  it('to another structure’s partner, for the family that consented to the first one', async () => {
    const before = await bookingsOf(file.householdId);
    const r = await otherPartner.post('/api/rendezvous/bookings', body(referral, file.householdId, { parent: true }));
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('dossiers/no-consent');
    expect(await bookingsOf(file.householdId)).toEqual(before);
  });

  it('for motifs that are family-only or agent-only, as the motif says', async () => {
    const before = await bookingsOf(file.householdId);
    for (const m of [familyOnly, agentOnly]) {
      const r = await partner.post('/api/rendezvous/bookings', body(m, file.householdId, { parent: true }));
      expect(r.statusCode).toBe(403);
      expect(r.json().error).toMatchObject({ code: 'rendezvous/not-referral', message: expect.stringContaining('partenaire') });
    }
    // …and a family cannot book the referral motif online itself.
    expect((await parent.post('/api/rendezvous/bookings', body(referral, undefined, { parent: true }))).json().error.code).toBe('rendezvous/not-bookable');
    expect(await bookingsOf(file.householdId)).toEqual(before);
  });

  it('a child the family did not share (consent without the « Enfants » part)', async () => {
    const [f] = await families(env.rt, 1, ['2021-02-02']);
    await consentTo(env.rt, f!.householdId, partner.user.structureId!, ['identity']);
    const r = await partner.post('/api/rendezvous/bookings', body(referral, f!.householdId, { childIds: [f!.childIds[0]!] }));
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('rendezvous/unknown-child');
    const seen = (await partner.get(`/api/rendezvous/partner/households/${f!.householdId}`)).json();
    expect(seen.family.children).toEqual([]);
  });

  it('a parent acting as a partner: another family’s file, the partner’s pages', async () => {
    const before = await bookingsOf(file.householdId);
    const r = await otherParent.post('/api/rendezvous/bookings', body(familyOnly, file.householdId, { parent: true }));
    expect(r.statusCode).toBe(404);
    expect((await otherParent.get(`/api/rendezvous/partner/households/${file.householdId}`)).statusCode).toBe(403);
    expect((await parent.get(`/api/rendezvous/partner/households/${file.householdId}`)).statusCode).toBe(403);
    expect(await bookingsOf(file.householdId)).toEqual(before);
  });
});

describe('cancelling', () => {
  it('another structure’s partner cannot cancel it (not found); the partner that made it can, the family is told, audited', async () => {
    // The parent comes (at 13 h: at noon it has its own appointment).
    const r = await partner.post('/api/rendezvous/bookings', { ...body(referral, file.householdId, { parent: true }), start: '2026-03-03T12:00:00.000Z' });
    expect(r.statusCode).toBe(201);
    const id = r.json().bookingIds[0] as string;
    expect((await otherPartner.post(`/api/rendezvous/bookings/${id}/cancel`, {})).statusCode).toBe(404);
    // Nor a booking the family made itself.
    const own = (await bookingsOf(file.householdId)).find((b) => b.origin === 'family')!;
    expect((await partner.post(`/api/rendezvous/bookings/${own.id}/cancel`, {})).statusCode).toBe(404);
    const mark = await env.auditMark();
    expect((await partner.post(`/api/rendezvous/bookings/${id}/cancel`, {})).statusCode).toBe(204);
    const entry = await env.expectAudit('rendezvous/cancelled', id, { after: mark, actorId: partner.user.id });
    expect(entry.details).toMatchObject({ byFamily: false, byPartner: partner.user.structureId });
    expect((await bookingsOf(file.householdId)).find((b) => b.id === id)?.status).toBe('revoked');
    const { rows } = await env.rt.deps.db.query(`SELECT body FROM notifications WHERE user_id = $1 AND template = 'rendezvous.cancelled'`, [parent.user.id]);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('the family cancels a partner’s booking as its own (excusé)', async () => {
    const mine = (await parent.get('/api/rendezvous/mine')).json();
    const proposed = mine.upcoming.find((b: { proposedBy: string | null }) => b.proposedBy === STRUCTURE);
    expect(proposed.canCancel).toBe(true);
    const mark = await env.auditMark();
    expect((await parent.post(`/api/rendezvous/bookings/${proposed.id}/cancel`, {})).statusCode).toBe(204);
    await env.expectAudit('rendezvous/cancelled', proposed.id, { after: mark, actorId: parent.user.id });
    expect((await bookingsOf(file.householdId)).find((b) => b.id === proposed.id)?.status).toBe('excused');
  });
});

describe('pilotage', () => {
  it('counts the bookings of the period by origin: the family online, the desk, a partner', async () => {
    const agent = await env.as('agent');
    const [online, atDesk, referred] = await families(env.rt, 3, []);
    await env.rt.deps.db.query(
      `INSERT INTO household_access_grants (household_id, user_id, reason, opened_at, expires_at) VALUES ($1, $2, 'accueil', $3, $3::timestamptz + interval '8 hours')`,
      [atDesk!.householdId, agent.user.id, env.clock.now()],
    );
    await consentTo(env.rt, referred!.householdId, partner.user.structureId!);
    // Tuesday 17 March: the family online at 12 h, the desk at 12 h 30, the partner's workshop at 13 h.
    const at = (m: { motifId: string; ownerId: string }, start: string) => ({ motifId: m.motifId, ownerId: m.ownerId, start, parent: true, childIds: [] });
    await book(online!.ctx, { ...at(familyOnly, '2026-03-17T11:00:00.000Z'), start: new Date('2026-03-17T11:00:00.000Z') });
    expect((await agent.post('/api/rendezvous/bookings', { ...at(familyOnly, '2026-03-17T11:30:00.000Z'), householdId: atDesk!.householdId })).statusCode).toBe(
      201,
    );
    const proposed = await partner.post('/api/rendezvous/bookings', { ...at(referral, '2026-03-17T12:00:00.000Z'), householdId: referred!.householdId });
    expect(proposed.statusCode).toBe(201);
    // …and one the partner then cancels: not counted.
    await partner.post(`/api/rendezvous/bookings/${proposed.json().bookingIds[0]}/cancel`, {});
    expect(
      (await partner.post('/api/rendezvous/bookings', { ...at(referral, '2026-03-17T11:00:00.000Z'), householdId: referred!.householdId })).statusCode,
    ).toBe(201);
    const b = await bookingsIndicator.breakdown!(online!.ctx, { from: new Date('2026-03-16T00:00:00Z'), to: new Date('2026-03-23T00:00:00Z') });
    expect(b).toEqual({
      by: 'Origine du rendez-vous',
      rows: [
        { label: 'Pris en ligne par la famille', value: 1 },
        { label: 'Pris au guichet par un agent', value: 1 },
        { label: 'Proposé par un partenaire (orientation)', value: 1 },
      ],
    });
  });
});

describe('the same guarantees', () => {
  it('concurrent partner and family-desk bookings never exceed the capacity (the booking statement)', async () => {
    const fams = await families(env.rt, 9, []);
    for (const f of fams) await consentTo(env.rt, f.householdId, partner.user.structureId!);
    const start = '2026-03-10T11:00:00.000Z';
    const results = await Promise.all(
      fams.map((f) => partner.post('/api/rendezvous/bookings', { ...body(referral, f.householdId, { parent: true }), start }).then((r) => r.statusCode)),
    );
    expect(results.filter((s) => s === 201)).toHaveLength(3);
    expect(results.filter((s) => s !== 201).every((s) => s === 409)).toBe(true);
    const { rows } = await env.rt.deps.db.query<{ taken: number; confirmed: number }>(
      `SELECT s.taken, (SELECT count(*)::int FROM rdv_bookings b WHERE b.session_id = s.id AND b.status = 'confirmed') AS confirmed
         FROM rdv_sessions s WHERE s.motif_id = $1 AND lower(s.during) = $2`,
      [referral.motifId, start],
    );
    expect(rows).toEqual([{ taken: 3, confirmed: 3 }]);
  }, 60_000);
});

describe('the partner moves its booking and puts the family on a waitlist (as RDV-Service-Public’s prescripteur)', () => {
  // One seat per slot, Wednesdays 12 h and 13 h (Paris): the parent's booking holds 12 h; its child waits for 12 h.
  const NOON = '2026-03-04T11:00:00.000Z';
  const ONE = '2026-03-04T12:00:00.000Z';
  let single: Awaited<ReturnType<typeof offer>>;
  let parentBooking: string;
  let waitId: string;

  beforeAll(async () => {
    single = await offer(
      env.rt,
      {
        agentId: (await env.as('agent')).user.id,
        motif: { name: 'Clinique de droits — sur orientation', bookableBy: 'referral', durationMinutes: 60 },
        recurrence: { kind: 'weekly', weekdays: [3] },
      },
      env.clock.now(),
    );
    const r = await partner.post('/api/rendezvous/bookings', { ...body(single, file.householdId, { parent: true }), start: NOON });
    expect(r.statusCode).toBe(201);
    parentBooking = r.json().bookingIds[0];
  });

  it('puts the family’s child on the waitlist of the full slot: the entry records the structure, audited; another structure cannot', async () => {
    const wait = { ...body(single, file.householdId, { childIds: [file.childIds[0]!] }), start: NOON };
    const other = await otherPartner.post('/api/rendezvous/waitlist', wait);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('dossiers/no-consent');
    // A motif the family books online is not the partner's to wait for either.
    expect((await partner.post('/api/rendezvous/waitlist', { ...wait, motifId: familyOnly.motifId, ownerId: familyOnly.ownerId })).json().error.code).toBe(
      'rendezvous/not-referral',
    );
    const mark = await env.auditMark();
    const r = await partner.post('/api/rendezvous/waitlist', wait);
    expect(r.statusCode).toBe(201);
    waitId = r.json().waitIds[0];
    const entry = await env.expectAudit('rendezvous/waitlisted', waitId, { after: mark, actorId: partner.user.id, householdId: file.householdId });
    expect(entry.details).toMatchObject({ byPartner: partner.user.structureId });
    const seen = (await partner.get(`/api/rendezvous/partner/households/${file.householdId}`)).json();
    expect(seen.waitlist).toEqual([expect.objectContaining({ id: waitId, status: 'waiting', who: 'Léo', proposedBy: STRUCTURE })]);
    const mine = (await parent.get('/api/rendezvous/mine')).json();
    expect(mine.waitlist).toEqual([expect.objectContaining({ id: waitId, status: 'waiting', proposedBy: STRUCTURE })]);
  });

  it('another structure’s partner neither moves the booking nor withdraws the entry; the partner does not move the family’s own booking', async () => {
    expect((await otherPartner.post(`/api/rendezvous/bookings/${parentBooking}/move`, { ownerId: single.ownerId, start: ONE })).statusCode).toBe(404);
    expect((await otherPartner.post(`/api/rendezvous/waitlist/${waitId}/leave`, {})).statusCode).toBe(404);
    expect((await otherPartner.post(`/api/rendezvous/waitlist/${waitId}/accept`, {})).statusCode).toBe(403);
    const own = (await bookingsOf(file.householdId)).find((b) => b.origin === 'family' && b.status === 'confirmed')!;
    expect((await partner.post(`/api/rendezvous/bookings/${own.id}/move`, { ownerId: familyOnly.ownerId, start: '2026-03-03T12:00:00.000Z' })).statusCode).toBe(
      404,
    );
    expect((await bookingsOf(file.householdId)).find((b) => b.id === parentBooking)?.status).toBe('confirmed');
  });

  it('moves the booking it made: the family is told (SMS and e-mail), audited; the freed seat goes to the child waiting, whom the family confirms', async () => {
    const mark = await env.auditMark();
    expect((await partner.post(`/api/rendezvous/bookings/${parentBooking}/move`, { ownerId: single.ownerId, start: ONE })).statusCode).toBe(204);
    const entry = await env.expectAudit('rendezvous/moved', parentBooking, { after: mark, actorId: partner.user.id, householdId: file.householdId });
    expect(entry.details).toMatchObject({ byPartner: partner.user.structureId });
    const { rows } = await env.rt.deps.db.query<{ channel: string; body: string }>(
      `SELECT channel, body FROM notifications WHERE user_id = $1 AND template = 'rendezvous.moved' ORDER BY channel`,
      [parent.user.id],
    );
    expect(rows.map((x) => x.channel)).toEqual(['email', 'sms']);
    expect(rows[0]!.body).toContain('du mercredi 4 mars à 12 h est déplacé au mercredi 4 mars à 13 h');
    // The seat freed at 12 h is offered to the child the partner put on the waitlist.
    await env.expectAudit('rendezvous/offered', waitId, { after: mark });
    const seen = (await partner.get(`/api/rendezvous/partner/households/${file.householdId}`)).json();
    expect(seen.waitlist).toEqual([expect.objectContaining({ id: waitId, status: 'offered' })]);
    // The family confirms it; the booking stays the partner's (« proposé par »).
    const accepted = await parent.post(`/api/rendezvous/waitlist/${waitId}/accept`, {});
    expect(accepted.statusCode).toBe(201);
    const id = accepted.json().bookingId as string;
    expect((await bookingsOf(file.householdId)).find((b) => b.id === id)).toMatchObject({ status: 'confirmed', origin: 'partner', referrer_name: STRUCTURE });
    const after = (await partner.get(`/api/rendezvous/partner/households/${file.householdId}`)).json();
    expect(after.bookings.map((b: { id: string }) => b.id)).toEqual(expect.arrayContaining([id, parentBooking]));
    expect(after.waitlist).toEqual([]);
  });

  it('withdraws an entry it made, audited', async () => {
    // 12 h is full again (the child): the partner puts the parent on its waitlist, then withdraws it.
    const r = await partner.post('/api/rendezvous/waitlist', { ...body(single, file.householdId, { parent: true }), start: NOON });
    expect(r.statusCode).toBe(201);
    const id = r.json().waitIds[0] as string;
    const mark = await env.auditMark();
    expect((await partner.post(`/api/rendezvous/waitlist/${id}/leave`, {})).statusCode).toBe(204);
    const entry = await env.expectAudit('rendezvous/waitlist-left', id, { after: mark, actorId: partner.user.id });
    expect(entry.details).toMatchObject({ was: 'waiting', byPartner: partner.user.structureId });
    expect((await partner.get(`/api/rendezvous/partner/households/${file.householdId}`)).json().waitlist).toEqual([]);
  });
});
