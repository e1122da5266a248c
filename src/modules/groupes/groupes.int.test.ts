import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestClient, type TestEnv } from '../../platform/testing';
import type { SessionUser } from '../../platform/context';
import { openLive, type LiveClient } from './live-client';
import * as store from './groupes.store';
import { renderNotification } from '../../platform/notify/localized';
import { sessionStartIn } from './sessions.service';
import { TEST_PASSWORD } from '../../platform/testing';

let env: TestEnv;
let base: string;
type As = TestClient & { user: SessionUser };
let coord: As;
let facil: As;
let lina: As;
let omar: As;
let outsider: As;
let roomId: string;

const cookie = (c: TestClient) => [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
const post = async (c: TestClient, body: string, room = roomId) => c.post(`/api/groupes/rooms/${room}/messages`, { body });

async function until<T>(fn: () => T | Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = await fn();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function newRoom(kind: 'discussion' | 'announcement' = 'discussion') {
  const res = await coord.post('/api/groupes/rooms', { name: `Groupe ${Math.random()}`, theme: 'separation', kind });
  expect(res.statusCode).toBe(201);
  const id = res.json().id as string;
  expect((await coord.post(`/api/groupes/rooms/${id}/facilitators`, { userId: facil.user.id, pseudonym: 'Claire (psy)' })).statusCode).toBe(200);
  return id;
}

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  await env.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}`;
  coord = await env.as('coordinator');
  facil = await env.as('agent');
  lina = await env.as('parent', { displayName: 'Lina Vraiment' });
  omar = await env.as('parent');
  outsider = await env.as('parent');
  roomId = await newRoom();
  expect((await lina.post(`/api/groupes/rooms/${roomId}/join`, { pseudonym: 'Lune' })).statusCode).toBe(200);
  expect((await omar.post(`/api/groupes/rooms/${roomId}/join`, { pseudonym: 'Soleil' })).statusCode).toBe(200);
}, 60_000);
afterAll(() => env.close());

describe('rooms', () => {
  it('an agent or coordination creates rooms (theme, neighbourhood, announcements), a parent cannot; audited', async () => {
    expect((await lina.post('/api/groupes/rooms', { name: 'x', theme: 'budget' })).statusCode).toBe(403);
    const bad = await coord.post('/api/groupes/rooms', { name: 'x', theme: 'inconnu' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('theme');
    const hood = env.rt.deps.town.neighbourhoods[0]!.id;
    const unknownHood = await coord.post('/api/groupes/rooms', { name: 'x', theme: 'quartier', neighbourhood: 'nulle-part' });
    expect(unknownHood.json().error.fields[0].path).toBe('neighbourhood');
    // An agent creating a room facilitates it, under a pseudonym it must give.
    const agent = await env.as('agent');
    const noPseudonym = await agent.post('/api/groupes/rooms', { name: 'Annonces du quartier', theme: 'quartier', neighbourhood: hood, kind: 'announcement' });
    expect(noPseudonym.statusCode).toBe(400);
    expect(noPseudonym.json().error.fields[0].path).toBe('pseudonym');
    const created = await agent.post('/api/groupes/rooms', {
      name: 'Annonces du quartier',
      theme: 'quartier',
      neighbourhood: hood,
      kind: 'announcement',
      pseudonym: 'Nadia (CESF)',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const entry = await env.expectAudit('groupes/room-created', id, { actorId: agent.user.id });
    expect(entry.details).toMatchObject({ theme: 'quartier', kind: 'announcement', neighbourhood: hood, facilitating: true });
    expect((await agent.get(`/api/groupes/rooms/${id}`)).json()).toMatchObject({
      kind: 'announcement',
      neighbourhood: hood,
      myRole: 'facilitator',
      moderator: true,
      pseudonym: 'Nadia (CESF)',
    });
    await env.expectAudit('groupes/room-created', roomId, { actorId: coord.user.id });
    await env.expectAudit('groupes/facilitator-appointed', roomId, { actorId: coord.user.id });
    const parentAsFacilitator = await coord.post(`/api/groupes/rooms/${roomId}/facilitators`, { userId: outsider.user.id, pseudonym: 'Non' });
    expect(parentAsFacilitator.statusCode).toBe(422);
    expect((await lina.post(`/api/groupes/rooms/${roomId}/facilitators`, { userId: lina.user.id, pseudonym: 'Moi' })).statusCode).toBe(403);
  });

  it('coordination names a facilitator by the e-mail of a staff account (the page’s form); audited', async () => {
    const room = (await coord.post('/api/groupes/rooms', { name: 'Sans animation encore', theme: 'ados' })).json().id;
    const psy = await env.as('agent');
    const byEmail = (email: string, pseudonym = 'Karim (psychologue)') => coord.post(`/api/groupes/rooms/${room}/facilitators`, { email, pseudonym });
    expect((await byEmail('pas-une-adresse')).json().error.fields[0].path).toBe('email');
    const parentEmail = await byEmail(lina.user.email!);
    expect(parentEmail.statusCode).toBe(422);
    expect(parentEmail.json().error.fields[0].path).toBe('email');
    expect((await byEmail('personne@nulle-part.fr')).statusCode).toBe(422);
    expect((await coord.post(`/api/groupes/rooms/${room}/facilitators`, { pseudonym: 'Sans adresse' })).json().error.fields[0].path).toBe('email');
    expect((await facil.post(`/api/groupes/rooms/${room}/facilitators`, { email: psy.user.email, pseudonym: 'Karim' })).statusCode).toBe(403);
    expect((await byEmail(psy.user.email!.toUpperCase())).statusCode).toBe(200);
    const entry = await env.expectAudit('groupes/facilitator-appointed', room, { actorId: coord.user.id });
    expect(entry.details).toEqual({ userId: psy.user.id });
    expect((await psy.get(`/api/groupes/rooms/${room}`)).json()).toMatchObject({ myRole: 'facilitator', moderator: true, pseudonym: 'Karim (psychologue)' });
  });

  it('coordination ends a facilitation: the person leaves the room and loses its controls; nobody else can; audited', async () => {
    const room = await newRoom();
    const psy = await env.as('agent');
    expect((await coord.post(`/api/groupes/rooms/${room}/facilitators`, { userId: psy.user.id, pseudonym: 'Karim (psy)' })).statusCode).toBe(200);
    const withdraw = (c: TestClient, userId = psy.user.id) => c.delete(`/api/groupes/rooms/${room}/facilitators/${userId}`);
    expect((await withdraw(facil)).statusCode).toBe(403);
    expect((await withdraw(lina)).statusCode).toBe(403);
    expect((await withdraw(coord, lina.user.id)).json().error.code).toBe('groupes/not-facilitator');
    expect((await withdraw(coord)).statusCode).toBe(200);
    const entry = await env.expectAudit('groupes/facilitator-withdrawn', room, { actorId: coord.user.id });
    expect(entry.details).toEqual({ userId: psy.user.id });
    expect((await psy.get(`/api/groupes/rooms/${room}/messages`)).statusCode).toBe(403);
    expect((await psy.put(`/api/groupes/rooms/${room}/slow-mode`, { seconds: 30 })).statusCode).toBe(403);
    expect((await withdraw(coord)).statusCode).toBe(404);
    expect(
      (await coord.get(`/api/groupes/rooms/${room}`))
        .json()
        .roster.some((m: { userId: string; role: string }) => m.userId === psy.user.id && m.role === 'facilitator'),
    ).toBe(false);
  });

  it('leaving is the parent’s own choice and it may come back; a removal takes a moderator to lift; told apart in data and audit', async () => {
    const room = await newRoom();
    const p = await env.as('parent');
    expect((await p.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Iris' })).statusCode).toBe(200);
    await post(p, 'avant de partir', room);
    expect((await p.post(`/api/groupes/rooms/${room}/leave`)).statusCode).toBe(200);
    await env.expectAudit('groupes/left', room, { actorId: p.user.id });
    const state = async () =>
      (
        await env.rt.deps.db.query(
          `SELECT left_at IS NOT NULL AS "left", removed_at IS NOT NULL AS removed, removed_by AS "by" FROM groupes_members WHERE room_id = $1 AND user_id = $2`,
          [room, p.user.id],
        )
      ).rows[0];
    expect(await state()).toEqual({ left: true, removed: false, by: null });
    const listed = async () => (await p.get('/api/groupes/rooms')).json().rooms.find((r: { id: string }) => r.id === room);
    expect(await listed()).toMatchObject({ joined: false, removed: false, left: true });
    expect((await post(p, 'encore là', room)).json().error.code).toBe('groupes/not-member');
    // Back by its own choice, under another pseudonym: the history starts again.
    expect((await p.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Iris de retour' })).statusCode).toBe(200);
    const back = await env.expectAudit('groupes/joined', room, { actorId: p.user.id });
    expect(back.details).toEqual({ again: true });
    expect((await p.get(`/api/groupes/rooms/${room}/messages`)).json().messages).toEqual([]);

    // Removed by a facilitator: it cannot come back, nor lift it itself.
    expect((await facil.post(`/api/groupes/rooms/${room}/members/${p.user.id}/remove`)).statusCode).toBe(200);
    const removed = await env.expectAudit('groupes/member-removed', room, { actorId: facil.user.id });
    expect(removed.details).toEqual({ userId: p.user.id });
    expect(await state()).toEqual({ left: false, removed: true, by: facil.user.id });
    expect(await listed()).toMatchObject({ joined: false, removed: true, left: false });
    expect((await p.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Iris 3' })).json().error.code).toBe('groupes/removed');
    expect((await p.post(`/api/groupes/rooms/${room}/members/${p.user.id}/readmit`)).statusCode).toBe(403);
    expect((await lina.post(`/api/groupes/rooms/${room}/members/${p.user.id}/readmit`)).statusCode).toBe(403);
    const roster = (await facil.get(`/api/groupes/rooms/${room}`)).json().roster;
    expect(roster.find((m: { userId: string }) => m.userId === p.user.id)).toMatchObject({ pseudonym: 'Iris de retour', removed: true });
    // A moderator readmits: the person may join again, by its own choice.
    expect((await facil.post(`/api/groupes/rooms/${room}/members/${p.user.id}/readmit`)).statusCode).toBe(200);
    await env.expectAudit('groupes/member-readmitted', room, { actorId: facil.user.id });
    expect((await facil.post(`/api/groupes/rooms/${room}/members/${p.user.id}/readmit`)).json().error.code).toBe('groupes/not-removed');
    expect(await listed()).toMatchObject({ joined: false, removed: false, left: true });
    expect((await p.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Iris' })).statusCode).toBe(200);
    expect(await listed()).toMatchObject({ joined: true, removed: false, left: false });
  });

  it('a parent joins with a pseudonym (never its name), unique in the room; audited', async () => {
    await env.expectAudit('groupes/joined', roomId, { actorId: lina.user.id });
    const taken = await outsider.post(`/api/groupes/rooms/${roomId}/join`, { pseudonym: 'lune' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('groupes/pseudonym-taken');
    const list = (await lina.get('/api/groupes/rooms')).json();
    const mine = list.rooms.find((r: { id: string }) => r.id === roomId);
    expect(mine).toMatchObject({ joined: true, pseudonym: 'Lune' });
    expect(JSON.stringify(list)).not.toContain('Vraiment');
    expect((await env.client().get('/api/groupes/rooms')).statusCode).toBe(401);
  });

  it('nothing of the rooms is indexed: every answer tells search engines to keep out', async () => {
    const res = await lina.get(`/api/groupes/rooms/${roomId}/messages`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect((await env.client().get('/api/groupes/rooms')).headers['x-robots-tag']).toBe('noindex, nofollow');
  });

  it('an outsider can neither read nor write', async () => {
    expect((await outsider.get(`/api/groupes/rooms/${roomId}/messages`)).statusCode).toBe(403);
    expect((await post(outsider, 'bonjour')).json().error.code).toBe('groupes/not-member');
  });
});

describe('messages', () => {
  it('are numbered per room in order, even when written at once; a newcomer reads only since it joined', async () => {
    const room = await newRoom();
    await lina.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Lune' });
    await omar.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Soleil' });
    const results = await Promise.all([...Array(10)].map((_, i) => post(i % 2 ? lina : omar, `message ${i}`, room)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    const seqs = results.map((r) => r.json().message.seq).sort((a: number, b: number) => a - b);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await outsider.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Nouvelle' });
    await post(lina, 'bienvenue', room);
    const h = (await outsider.get(`/api/groupes/rooms/${room}/messages`)).json();
    expect(h.messages.map((m: { body: string }) => m.body)).toEqual(['bienvenue']);
    const all = (await omar.get(`/api/groupes/rooms/${room}/messages?after=8`)).json();
    expect(all.messages.map((m: { seq: number }) => m.seq)).toEqual([9, 10, 11]);
  });

  it('carry the language they are written in (their author’s pages), for a reader whose page is in another', async () => {
    const room = await newRoom();
    const nour = await env.as('parent');
    expect((await nour.patch('/api/account', { locale: 'ar' })).statusCode).toBe(200);
    await nour.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Nour' });
    await lina.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Lune' });
    expect((await post(nour, 'مساء الخير للجميع', room)).json().message.lang).toBe('ar');
    await post(lina, 'Bonsoir à toutes et tous', room);
    const h = (await lina.get(`/api/groupes/rooms/${room}/messages`)).json();
    expect(h.messages.map((m: { body: string; lang: string }) => [m.body, m.lang])).toEqual([
      ['مساء الخير للجميع', 'ar'],
      ['Bonsoir à toutes et tous', 'fr'],
    ]);
  });

  it('near-duplicates and floods are refused', async () => {
    expect((await post(lina, 'Quelqu’un pour un café ?')).statusCode).toBe(201);
    const dup = await post(lina, 'quelqu’un pour un CAFÉ ?!');
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('groupes/duplicate');
    const room = await newRoom();
    await outsider.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Bavarde' });
    const codes: number[] = [];
    for (let i = 0; i < 22; i++) codes.push((await post(outsider, `flot ${i}`, room)).statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(20);
    expect(codes.at(-1)).toBe(429);
  });

  it('posting is audited (who, where, which number), never with the text; an outsider posts nothing', async () => {
    const res = await post(lina, 'Une phrase qui reste dans le groupe');
    expect(res.statusCode).toBe(201);
    const { id, seq } = res.json().message;
    const entry = await env.expectAudit('groupes/message-posted', id, { actorId: lina.user.id, subjectType: 'groupes_message' });
    expect(entry.details).toEqual({ roomId, seq, kind: 'message' });
    expect(JSON.stringify(entry)).not.toContain('phrase');
    const mark = await env.auditMark();
    expect((await post(outsider, 'je ne suis pas membre')).statusCode).toBe(403);
    const { rows } = await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE id > $1 AND action = 'groupes/message-posted'`, [mark]);
    expect(rows[0].n).toBe(0);
  });

  it('the author deletes its own message, nobody else can; audited', async () => {
    const seq = (await post(omar, 'à effacer')).json().message.seq;
    expect((await lina.delete(`/api/groupes/rooms/${roomId}/messages/${seq}`)).statusCode).toBe(403);
    expect((await omar.delete(`/api/groupes/rooms/${roomId}/messages/${seq}`)).statusCode).toBe(200);
    const h = (await lina.get(`/api/groupes/rooms/${roomId}/messages?after=${seq - 1}`)).json();
    expect(h.messages[0]).toMatchObject({ seq, body: null, deleted: true });
    const m = await env.expectAudit('groupes/message-deleted', null, { actorId: omar.user.id });
    expect(m.details).toMatchObject({ seq });
  });
});

describe('safety', () => {
  it('a danger word: help card to its author only, alert to the facilitator, posted without sanction', async () => {
    const res = await post(lina, "J'ai plus envie de vivre, je suis épuisée");
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.help.categories).toEqual(['suicide']);
    expect(body.help.lines.map((l: { number: string }) => l.number)).toEqual(['3114', '119', '3919', '17', '114']);
    const seen = (await omar.get(`/api/groupes/rooms/${roomId}/messages?after=${body.message.seq - 1}`)).json();
    expect(seen.messages[0]).toMatchObject({ body: "J'ai plus envie de vivre, je suis épuisée", hidden: false });
    expect(JSON.stringify(seen)).not.toContain('3114');
    const queue = (await facil.get('/api/groupes/moderation')).json();
    const alert = queue.alerts.find((a: { seq: number }) => a.seq === body.message.seq);
    expect(alert).toMatchObject({ categories: ['suicide'], roomId });
    expect((await omar.get('/api/groupes/moderation')).json().alerts).toEqual([]);
    const audited = await env.expectAudit('groupes/danger-alert', alert.id);
    expect(JSON.stringify(audited.details)).not.toContain('vivre');
    expect((await omar.post(`/api/groupes/alerts/${alert.id}/acknowledge`)).statusCode).toBe(403);
    expect((await facil.post(`/api/groupes/alerts/${alert.id}/acknowledge`)).statusCode).toBe(200);
    await env.expectAudit('groupes/alert-acknowledged', alert.id, { actorId: facil.user.id });
    expect((await post(omar, 'On fait une marche non-violente samedi')).json().help).toBeNull();
  });

  it('a report reaches the facilitators and coordination without the reporter; hiding tells the author why', async () => {
    const seq = (await post(omar, 'message limite')).json().message.seq;
    const rep = await lina.post(`/api/groupes/rooms/${roomId}/messages/${seq}/report`, { reason: 'insultant' });
    expect(rep.statusCode).toBe(201);
    await env.expectAudit('groupes/message-reported', rep.json().id, { actorId: lina.user.id });
    expect((await lina.post(`/api/groupes/rooms/${roomId}/messages/${seq}/report`, { reason: 'encore' })).statusCode).toBe(409);
    for (const mod of [facil, coord]) {
      const q = (await mod.get('/api/groupes/moderation')).json();
      const r = q.reports.find((x: { id: string }) => x.id === rep.json().id);
      expect(r).toMatchObject({ reason: 'insultant', message: { seq, body: 'message limite' } });
      expect(JSON.stringify(r)).not.toContain(lina.user.id);
      expect(JSON.stringify(r)).not.toContain('Lune');
    }
    expect((await omar.post(`/api/groupes/rooms/${roomId}/messages/${seq}/hide`, { reason: 'x' })).statusCode).toBe(403);
    const bad = await facil.post(`/api/groupes/rooms/${roomId}/messages/${seq}/hide`, { reason: '' });
    expect(bad.json().error.fields[0].path).toBe('reason');
    expect((await facil.post(`/api/groupes/rooms/${roomId}/messages/${seq}/hide`, { reason: 'Propos blessants' })).statusCode).toBe(200);
    await env.expectAudit('groupes/message-hidden', null, { actorId: facil.user.id, reason: 'Propos blessants' });
    const asAuthor = (await omar.get(`/api/groupes/rooms/${roomId}/messages?after=${seq - 1}`)).json().messages[0];
    expect(asAuthor).toMatchObject({ hidden: true, body: null, hiddenReason: 'Propos blessants' });
    const asOther = (await lina.get(`/api/groupes/rooms/${roomId}/messages?after=${seq - 1}`)).json().messages[0];
    expect(asOther).toMatchObject({ hidden: true, body: null, hiddenReason: null });
    expect((await facil.get('/api/groupes/moderation')).json().reports.find((x: { id: string }) => x.id === rep.json().id)).toBeUndefined();
  });

  it("a moderator hides all of a person's recent messages", async () => {
    const room = await newRoom();
    await omar.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Soleil' });
    await lina.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Lune' });
    for (const b of ['un', 'deux', 'trois']) await post(omar, b, room);
    await post(lina, 'moi je reste', room);
    expect((await lina.post(`/api/groupes/rooms/${room}/members/${omar.user.id}/purge`, { reason: 'flood' })).statusCode).toBe(403);
    const res = await facil.post(`/api/groupes/rooms/${room}/members/${omar.user.id}/purge`, { hours: 24, reason: 'Messages en rafale' });
    expect(res.json()).toEqual({ hidden: 3 });
    await env.expectAudit('groupes/messages-purged', room, { actorId: facil.user.id });
    const h = (await lina.get(`/api/groupes/rooms/${room}/messages`)).json().messages;
    expect(h.map((m: { hidden: boolean }) => m.hidden)).toEqual([true, true, true, false]);
  });

  it('mute, slow mode and removal stop a participant; only moderators use them; audited', async () => {
    const room = await newRoom();
    await omar.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Soleil' });
    expect((await lina.put(`/api/groupes/rooms/${room}/members/${omar.user.id}/mute`, { minutes: 10 })).statusCode).toBe(403);
    expect((await facil.put(`/api/groupes/rooms/${room}/members/${omar.user.id}/mute`, { minutes: 10 })).statusCode).toBe(200);
    await env.expectAudit('groupes/member-muted', room, { actorId: facil.user.id });
    expect((await post(omar, 'je parle', room)).json().error.code).toBe('groupes/muted');
    env.clock.advance(11 * 60_000);
    expect((await post(omar, 'je reparle', room)).statusCode).toBe(201);
    expect((await facil.put(`/api/groupes/rooms/${room}/slow-mode`, { seconds: 30 })).statusCode).toBe(200);
    await env.expectAudit('groupes/slow-mode', room, { actorId: facil.user.id });
    expect((await post(omar, 'vite', room)).json().error.code).toBe('groupes/slow-mode');
    expect((await post(facil, 'L’animatrice n’est pas ralentie', room)).statusCode).toBe(201);
    env.clock.advance(31_000);
    expect((await post(omar, 'lentement', room)).statusCode).toBe(201);
    expect((await facil.post(`/api/groupes/rooms/${room}/members/${omar.user.id}/remove`)).statusCode).toBe(200);
    await env.expectAudit('groupes/member-removed', room, { actorId: facil.user.id });
    expect((await post(omar, 'encore là ?', room)).json().error.code).toBe('groupes/removed');
    expect((await omar.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Autre' })).json().error.code).toBe('groupes/removed');
  });

  it('a pinned message; announcement rooms take only facilitators', async () => {
    const seq = (await post(facil, 'Règles du groupe : bienveillance.')).json().message.seq;
    expect((await lina.put(`/api/groupes/rooms/${roomId}/pin`, { seq })).statusCode).toBe(403);
    expect((await facil.put(`/api/groupes/rooms/${roomId}/pin`, { seq })).statusCode).toBe(200);
    await env.expectAudit('groupes/pinned', roomId, { actorId: facil.user.id });
    expect((await lina.get(`/api/groupes/rooms/${roomId}`)).json().pinned).toMatchObject({ seq, byFacilitator: true });
    const ann = await newRoom('announcement');
    await lina.post(`/api/groupes/rooms/${ann}/join`, { pseudonym: 'Lune' });
    expect((await post(lina, 'moi aussi', ann)).json().error.code).toBe('groupes/announcement-only');
    expect((await post(facil, 'Séance jeudi', ann)).statusCode).toBe(201);
  });

  it('a block works both ways; audited', async () => {
    const room = await newRoom();
    const a = await env.as('parent');
    const b = await env.as('parent');
    await a.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Alpha' });
    await b.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Beta' });
    const seqB = (await post(b, 'de B', room)).json().message.seq;
    expect((await a.post(`/api/groupes/rooms/${room}/messages/${seqB}/block`)).statusCode).toBe(200);
    await env.expectAudit('groupes/blocked', b.user.id, { actorId: a.user.id });
    await post(a, 'de A', room);
    await post(b, 'encore de B', room);
    await post(facil, 'de l’animation', room);
    const bodies = async (c: TestClient) => (await c.get(`/api/groupes/rooms/${room}/messages`)).json().messages.map((m: { body: string }) => m.body);
    expect(await bodies(a)).toEqual(['de A', 'de l’animation']);
    expect(await bodies(b)).toEqual(['de B', 'encore de B', 'de l’animation']);
    expect((await a.get('/api/groupes/blocks')).json().blocks).toEqual([{ userId: b.user.id, pseudonym: 'Beta' }]);
    expect((await a.delete(`/api/groupes/blocks/${b.user.id}`)).statusCode).toBe(200);
    await env.expectAudit('groupes/unblocked', b.user.id, { actorId: a.user.id });
    expect(await bodies(a)).toEqual(['de B', 'de A', 'encore de B', 'de l’animation']);
  });

  it('the word list is editable by coordination only; an added term takes effect', async () => {
    expect((await facil.get('/api/groupes/words')).statusCode).toBe(403);
    const list = (await coord.get('/api/groupes/words')).json().words;
    expect(list.some((w: { pattern: string }) => w.pattern === 'suicid*')).toBe(true);
    const bad = await coord.post('/api/groupes/words', { kind: 'term', category: 'violence', pattern: 'a*' });
    expect(bad.json().error.code).toBe('groupes/bad-pattern');
    const added = await coord.post('/api/groupes/words', { kind: 'term', category: 'violence', pattern: 'tabass*' });
    expect(added.statusCode).toBe(201);
    await env.expectAudit('groupes/word-added', added.json().id, { actorId: coord.user.id });
    expect((await post(lina, 'il veut me tabasser')).json().help.categories).toEqual(['violence']);
    // The page's try-out: what the list makes of a sentence, without posting it.
    const check = (text: string) => coord.post('/api/groupes/words/check', { text });
    expect((await facil.post('/api/groupes/words/check', { text: 'bonjour' })).statusCode).toBe(403);
    expect((await check('')).json().error.fields[0].path).toBe('text');
    expect((await check('Je vais tabasser la pâte à crêpes')).json()).toEqual({ categories: ['violence'], patterns: ['tabass*'] });
    const white = await coord.post('/api/groupes/words', { kind: 'whitelist', pattern: 'tabasser la pate' });
    expect(white.statusCode).toBe(201);
    await env.expectAudit('groupes/word-added', white.json().id, { actorId: coord.user.id });
    expect((await check('Je vais tabasser la pâte à crêpes')).json()).toEqual({ categories: [], patterns: [] });
    expect((await check('il veut me tabasser')).json().categories).toEqual(['violence']);
    expect((await coord.delete(`/api/groupes/words/${added.json().id}`)).statusCode).toBe(200);
    await env.expectAudit('groupes/word-removed', added.json().id, { actorId: coord.user.id });
    expect((await check('il veut me tabasser')).json().categories).toEqual([]);
  });
});

describe('sessions', () => {
  it('a start typed in the date-and-time field is Paris time, read by the server (never the phone’s time zone)', async () => {
    const room = await newRoom();
    const schedule = (startsAt: string) => facil.post(`/api/groupes/rooms/${room}/sessions`, { title: 'Heure de Paris', startsAt, minutes: 60 });
    const winter = await schedule('2026-03-12T18:00');
    const summer = await schedule('2026-04-02T18:00');
    expect([winter.statusCode, summer.statusCode]).toEqual([201, 201]);
    const { rows } = await env.rt.deps.db.query(`SELECT starts_at FROM groupes_sessions WHERE id = ANY($1) ORDER BY starts_at`, [
      [winter.json().id, summer.json().id],
    ]);
    expect(rows.map((r: { starts_at: Date }) => r.starts_at.toISOString())).toEqual(['2026-03-12T17:00:00.000Z', '2026-04-02T16:00:00.000Z']);
    const impossible = await schedule('2026-02-30T18:00');
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().error.fields[0].path).toBe('startsAt');
  });

  it('a facilitator schedules, parents register and are reminded, the session is closed and summarised', async () => {
    expect((await lina.post(`/api/groupes/rooms/${roomId}/sessions`, { title: 'x', startsAt: '2026-03-12T18:00:00+01:00', minutes: 60 })).statusCode).toBe(403);
    const past = await facil.post(`/api/groupes/rooms/${roomId}/sessions`, { title: 'x', startsAt: '2026-03-01T18:00:00+01:00', minutes: 60 });
    expect(past.json().error.fields[0].path).toBe('startsAt');
    const res = await facil.post(`/api/groupes/rooms/${roomId}/sessions`, {
      title: 'Garder le lien après la séparation',
      startsAt: '2026-03-12T18:00:00+01:00',
      minutes: 60,
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    await env.expectAudit('groupes/session-scheduled', id, { actorId: facil.user.id });
    expect((await outsider.put(`/api/groupes/sessions/${id}/registration`, { registered: true })).statusCode).toBe(403);
    expect((await lina.put(`/api/groupes/sessions/${id}/registration`, { registered: true })).statusCode).toBe(200);
    await env.expectAudit('groupes/session-registered', id, { actorId: lina.user.id });
    const s = (await lina.get('/api/groupes/sessions')).json().sessions.find((x: { id: string }) => x.id === id);
    expect(s).toMatchObject({ registered: true, registrations: 1 });
    // Lina reads English: her reminder is in English (the session's and the group's names as written).
    await env.rt.deps.db.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [lina.user.id]);
    await env.rt.deps.jobs.runNow('groupes.remind', { sessionId: id });
    const r = await env.expectAudit('groupes/session-reminded', id);
    expect(r.details).toEqual({ sent: 1 });
    const { rows } = await env.rt.deps.db.query(`SELECT template FROM notifications WHERE user_id = $1`, [lina.user.id]);
    expect(rows.map((x) => x.template)).toContain('groupes.session-reminder');
    const reminder = (
      await env.rt.deps.db.query(`SELECT subject, body, locale FROM notifications WHERE user_id = $1 AND template = 'groupes.session-reminder'`, [lina.user.id])
    ).rows[0];
    expect(reminder).toMatchObject({ locale: 'en', subject: 'Reminder: a session of your talking group' });
    expect(reminder.body).toMatch(
      /^Hello, the session “Garder le lien après la séparation” of the group “.+” starts on Thursday 12 March at 18:00\. Find it in Relais/,
    );
    await env.rt.deps.db.query(`UPDATE users SET locale = 'fr' WHERE id = $1`, [lina.user.id]);
    // The French text, as before.
    expect(
      renderNotification('fr', 'groupes.session-reminder', { title: 'T', room: 'R', when: sessionStartIn('fr', new Date('2026-03-12T17:00:00Z')) }).body,
    ).toBe('Bonjour, la séance « T » du groupe « R » commence jeudi 12 mars à 18:00. Retrouvez-la dans Relais, rubrique Groupes de parole.');
    expect((await lina.post(`/api/groupes/sessions/${id}/close`)).statusCode).toBe(403);
    expect((await facil.post(`/api/groupes/sessions/${id}/close`)).statusCode).toBe(200);
    await env.expectAudit('groupes/session-closed', id, { actorId: facil.user.id });
    expect((await facil.post(`/api/groupes/sessions/${id}/summary`, { summary: 'Nous avons parlé du lien avec les enfants.' })).statusCode).toBe(200);
    await env.expectAudit('groupes/summary-posted', id, { actorId: facil.user.id });
    const room = (await omar.get(`/api/groupes/rooms/${roomId}`)).json();
    const summarised = room.sessions.find((x: { id: string }) => x.id === id);
    const msgs = (await omar.get(`/api/groupes/rooms/${roomId}/messages?after=${summarised.summarySeq - 1}`)).json().messages;
    expect(msgs[0]).toMatchObject({ kind: 'summary', byFacilitator: true });
    expect(msgs[0].body).toContain('Nous avons parlé du lien');
  });
});

describe('retention', () => {
  it('the town sets the period; the job deletes older messages; audited', async () => {
    expect((await facil.put('/api/groupes/settings', { days: 30 })).statusCode).toBe(403);
    expect((await coord.put('/api/groupes/settings', { days: 3 })).json().error.fields[0].path).toBe('days');
    expect((await coord.put('/api/groupes/settings', { days: 7 })).statusCode).toBe(200);
    await env.expectAudit('groupes/retention-set', 'retention', { actorId: coord.user.id });
    const room = await newRoom();
    await lina.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Lune' });
    await post(lina, 'ancien message', room);
    env.clock.advance(8 * 86_400_000);
    await post(lina, 'message récent', room);
    const mark = await env.auditMark();
    await env.rt.deps.jobs.runNow('groupes.purge-messages', {});
    await env.expectAudit('groupes/messages-expired', 'retention', { after: mark });
    const h = (await lina.get(`/api/groupes/rooms/${room}/messages`)).json().messages;
    expect(h.map((m: { body: string }) => m.body)).toEqual(['message récent']);
  });
});

describe('erasure of a family', () => {
  it("erasing the family's file takes the parent's messages, memberships and blocks with it; the export lists them first", async () => {
    const parent = await env.as('parent');
    const created = await parent.post('/api/dossiers/me', { parent: { firstName: 'Awa', birthDate: '1991-02-03' }, address: { postalCode: '80000' } });
    expect(created.statusCode).toBeLessThan(300);
    const room = await newRoom();
    await parent.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Awa80' });
    await lina.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Lune' });
    const seq = (await post(parent, 'un message à effacer avec moi', room)).json().message.seq;
    await post(lina, 'je reste', room);
    await lina.post(`/api/groupes/rooms/${room}/messages/${seq}/block`);
    const exported = await parent.get('/api/dossiers/me/export.json');
    expect(exported.body).toContain('un message à effacer avec moi');
    expect((await parent.post('/api/dossiers/me/erase', { confirm: 'EFFACER' })).statusCode).toBe(200);
    const { rows } = await env.rt.deps.db.query(
      `SELECT (SELECT count(*)::int FROM groupes_messages WHERE author_id = $1) AS messages,
              (SELECT count(*)::int FROM groupes_members WHERE user_id = $1) AS members,
              (SELECT count(*)::int FROM groupes_blocks WHERE blocked_id = $1) AS blocks`,
      [parent.user.id],
    );
    expect(rows[0]).toEqual({ messages: 0, members: 0, blocks: 0 });
    const left = (await lina.get(`/api/groupes/rooms/${room}/messages`)).json().messages.map((m: { body: string }) => m.body);
    expect(left).toEqual(['je reste']);
  });
});

describe('live (WebSocket)', () => {
  const live: LiveClient[] = [];
  afterAll(() => live.forEach((l) => l.close()));

  it('refuses a socket without a session, of a non-member, or from another site', async () => {
    await expect(openLive(base, roomId, { cookie: '' })).rejects.toThrow(/401/);
    await expect(openLive(base, roomId, { cookie: cookie(outsider) })).rejects.toThrow(/4403|403/);
    await expect(openLive(base, roomId, { cookie: cookie(lina), origin: 'https://evil.example' })).rejects.toThrow(/403/);
    const info = await lina.get(`/api/groupes/rooms/${roomId}/live`);
    expect(info.json().protocol).toBe('relais-groupes-1');
  });

  it('delivers in order to every member; a reconnection gets exactly what it missed, never twice', async () => {
    const room = await newRoom();
    await lina.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Lune' });
    await omar.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Soleil' });
    const a = await openLive(base, room, { cookie: cookie(lina), origin: base });
    const b = await openLive(base, room, { cookie: cookie(omar) });
    live.push(a, b);
    await Promise.all([...Array(8)].map((_, i) => post(i % 2 ? lina : omar, `direct ${i}`, room)));
    await until(
      () => a.seqs(),
      (s) => s.length === 8,
      'eight messages on a',
    );
    await until(
      () => b.seqs(),
      (s) => s.length === 8,
      'eight messages on b',
    );
    expect(a.seqs()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(b.seqs()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // b drops; messages go on; b comes back with its last number.
    b.close();
    await b.closed;
    for (let i = 0; i < 3; i++) await post(lina, `pendant l'absence ${i}`, room);
    const b2 = await openLive(base, room, { cookie: cookie(omar), after: 8 });
    live.push(b2);
    await post(lina, 'après le retour', room);
    await until(
      () => b2.seqs(),
      (s) => s.length === 4,
      'catch-up and live on b2',
    );
    expect(b2.seqs()).toEqual([9, 10, 11, 12]);
    expect(b2.frames.filter((f) => f.type === 'message').map((f) => f.message!.body)).toEqual([
      "pendant l'absence 0",
      "pendant l'absence 1",
      "pendant l'absence 2",
      'après le retour',
    ]);
    // moderation reaches the sockets: hidden for everyone, live.
    await facil.post(`/api/groupes/rooms/${room}/messages/12/hide`, { reason: 'test' });
    const upd = await until(
      () => b2.frames.find((f) => f.type === 'update'),
      (f) => !!f,
      'an update',
    );
    expect(upd!.message).toMatchObject({ seq: 12, hidden: true, body: null });
  });

  it('a blocked person’s messages do not reach the socket; a removed member is disconnected', async () => {
    const room = await newRoom();
    const a = await env.as('parent');
    const b = await env.as('parent');
    await a.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Alpha' });
    await b.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Beta' });
    const first = (await post(b, 'premier', room)).json().message.seq;
    const la = await openLive(base, room, { cookie: cookie(a) });
    live.push(la);
    await a.post(`/api/groupes/rooms/${room}/messages/${first}/block`);
    // the block is applied by the hub when its notification arrives: wait until a message of B no longer comes through
    await post(b, 'bloqué', room);
    await post(facil, 'témoin', room);
    await until(
      () => la.frames.filter((f) => f.type === 'message').map((f) => f.message!.body),
      (s) => s.includes('témoin'),
      'the witness message',
    );
    expect(la.frames.filter((f) => f.type === 'message').map((f) => f.message!.body)).toEqual(['premier', 'témoin']);
    await facil.post(`/api/groupes/rooms/${room}/members/${a.user.id}/remove`);
    expect((await la.closed).code).toBe(4403);
  });

  it('delivery resumes after the listener’s connection is terminated: what was written meanwhile arrives once, in order', async () => {
    const room = await newRoom();
    await lina.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Lune' });
    await omar.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Soleil' });
    const a = await openLive(base, room, { cookie: cookie(lina) });
    live.push(a);
    await post(omar, 'avant', room);
    await until(
      () => a.seqs(),
      (s) => s.length === 1,
      'the first message',
    );
    // Two messages and a hiding whose notifications never reach the hub (as when its connection is down).
    const now = env.clock.now();
    for (const body of ['perdu un', 'perdu deux'])
      await store.appendMessage(env.rt.deps.db, {
        roomId: room,
        authorId: omar.user.id,
        pseudonym: 'Soleil',
        kind: 'message',
        body,
        normalised: body,
        lang: 'fr',
        now,
      });
    const first = (await store.getMessage(env.rt.deps.db, room, 1))!;
    await store.hideMessage(env.rt.deps.db, first.id, 'Hors sujet', now);
    const { rows } = await env.rt.deps.db.query(
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = 'relais-groupes' AND datname = current_database()`,
    );
    expect(rows.filter((r) => r.killed)).toHaveLength(1);
    // Nothing else is notified: only the hub's catch-up on reconnection can bring them.
    await until(
      () => a.seqs(),
      (s) => s.length >= 3,
      'the catch-up after reconnection',
    );
    await post(lina, 'après', room);
    await until(
      () => a.seqs(),
      (s) => s.length >= 4,
      'live again',
    );
    expect(a.seqs()).toEqual([1, 2, 3, 4]);
    expect(a.frames.filter((f) => f.type === 'message').map((f) => f.message!.body)).toEqual(['avant', 'perdu un', 'perdu deux', 'après']);
    const update = await until(
      () => a.frames.find((f) => f.type === 'update'),
      (f) => !!f,
      'the missed hiding',
    );
    expect(update!.message).toMatchObject({ seq: 1, hidden: true, body: null });
  });

  it('a socket ends with its session: logout, password change elsewhere, an administrator disabling the account, erasure', async () => {
    const room = await newRoom();
    const closedCode = async (c: LiveClient) => (await c.closed).code;
    const identifier = `groupes-sessions-${Math.random().toString(36).slice(2, 8)}@test.relais.fr`;
    const p = await env.as('parent', { identifier });
    await p.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Pivoine' });
    const created = await p.post('/api/dossiers/me', { parent: { firstName: 'Rose', birthDate: '1990-05-06' }, address: { postalCode: '80000' } });
    expect(created.statusCode).toBeLessThan(300);

    // Logout: the socket of that session closes.
    const s1 = await openLive(base, room, { cookie: cookie(p) });
    live.push(s1);
    expect((await p.post('/api/auth/logout')).statusCode).toBe(200);
    expect(await closedCode(s1)).toBe(4401);

    // Password changed from another device: the other sessions' sockets close, this one's stays.
    const phone = env.client();
    expect((await phone.login(identifier)).statusCode).toBe(200);
    const laptop = env.client();
    expect((await laptop.login(identifier)).statusCode).toBe(200);
    const onPhone = await openLive(base, room, { cookie: cookie(phone) });
    const onLaptop = await openLive(base, room, { cookie: cookie(laptop) });
    live.push(onPhone, onLaptop);
    expect((await laptop.post('/api/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'un-nouveau-mot-de-passe-2026' })).statusCode).toBe(200);
    expect(await closedCode(onPhone)).toBe(4401);
    const seq = (await post(facil, 'toujours là ?', room)).json().message.seq;
    await until(
      () => onLaptop.seqs(),
      (s) => s.includes(seq),
      'the message on the session that stayed',
    );

    // An administrator disables the account: every socket of it closes.
    const other = await env.as('parent');
    await other.post(`/api/groupes/rooms/${room}/join`, { pseudonym: 'Capucine' });
    const s3 = await openLive(base, room, { cookie: cookie(other) });
    live.push(s3);
    await env.rt.deps.db.query(`UPDATE users SET disabled_at = $2 WHERE id = $1`, [other.user.id, env.clock.now()]);
    expect(await closedCode(s3)).toBe(4401);

    // The family's file erased (its account with it): the socket closes.
    const onLaptopAgain = onLaptop;
    expect((await laptop.post('/api/dossiers/me/erase', { confirm: 'EFFACER' })).statusCode).toBe(200);
    expect(await closedCode(onLaptopAgain)).toBe(4401);
  });
});
