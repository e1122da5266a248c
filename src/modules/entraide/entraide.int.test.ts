/** Parents Voisins and the parentothèque through HTTP (inject) on real PostgreSQL: safety rules, audit, no double lending. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../platform/context';
import { createTestEnv, type TestClient, type TestEnv } from '../../platform/testing';

let env: TestEnv;
type Who = TestClient & { user: SessionUser };
let n = 0;

async function family(neighbourhoodId = 'etouvie'): Promise<{ parent: Who; householdId: string }> {
  const parent = (await env.as('parent')) as Who;
  n++;
  const res = await parent.post('/api/dossiers/me', {
    parent: { firstName: `Parent${n}`, lastName: 'Voisin', birthDate: '1988-01-12', email: `voisin${n}@example.fr`, phone: '0612345678' },
    children: [{ firstName: 'Léo', birthDate: '2017-04-01' }],
    address: { line: `${n} rue des Tilleuls`, postalCode: '80000', inseeCode: '80021', neighbourhoodId },
  });
  expect(res.statusCode).toBe(201);
  return { parent, householdId: res.json().household.id };
}

const schoolRun = {
  kind: 'request',
  category: 'trajet',
  neighbourhoodId: 'etouvie',
  title: 'Trajet école jeudi',
  description: "Quelqu'un peut emmener Léo à l'école Jean Moulin jeudi matin ?",
  startsAt: '2026-03-12T08:15:00+01:00',
};

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
});
afterAll(() => env.close());
beforeEach(() => env.clock.set('2026-03-10T10:00:00+01:00'));

describe('Parents Voisins', () => {
  it('a moment typed on the page (no offset) is Paris time whatever the phone, in winter and in summer; an impossible day is refused on its field', async () => {
    const a = await family();
    const stored = async (startsAt: string) => {
      const res = await a.parent.post('/api/entraide/posts', { ...schoolRun, startsAt });
      expect(res.statusCode, res.body).toBe(201);
      const { rows } = await env.rt.deps.db.query<{ s: Date }>('SELECT starts_at AS s FROM entraide_posts WHERE id = $1', [res.json().id]);
      return rows[0]!.s.toISOString();
    };
    expect(await stored('2026-03-12T08:15')).toBe('2026-03-12T07:15:00.000Z');
    expect(await stored('2026-04-02T08:15')).toBe('2026-04-02T06:15:00.000Z');
    expect(await stored('2026-04-02T08:15:00+02:00')).toBe('2026-04-02T06:15:00.000Z');
    const bad = await a.parent.post('/api/entraide/posts', { ...schoolRun, startsAt: '2026-02-30T08:15' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('startsAt');
    const { rows } = await env.rt.deps.db.query('SELECT 1 FROM entraide_posts WHERE household_id = $1', [a.householdId]);
    expect(rows).toHaveLength(3);
  });

  it('a parent posts a school-run request; a neighbour answers; contact shows only when both accept', async () => {
    const a = await family();
    const b = await family();
    const post = await a.parent.post('/api/entraide/posts', schoolRun);
    expect(post.statusCode).toBe(201);
    const postId = post.json().id;
    await env.expectAudit('entraide/post-created', postId, { actorId: a.parent.user.id, householdId: a.householdId });

    const board = await b.parent.get('/api/entraide/board/etouvie');
    expect(board.json().posts.map((p: { id: string }) => p.id)).toContain(postId);

    const ans = await b.parent.post(`/api/entraide/posts/${postId}/answers`, { message: 'Je passe devant à 8 h, je peux le prendre.' });
    expect(ans.statusCode).toBe(201);
    const answerId = ans.json().id;
    await env.expectAudit('entraide/post-answered', answerId, { actorId: b.parent.user.id });
    expect((await b.parent.post(`/api/entraide/posts/${postId}/answers`, { message: 'encore' })).json().error.code).toBe('entraide/already-answered');

    const reply = await a.parent.post(`/api/entraide/conversations/${answerId}/messages`, { body: 'Merci beaucoup !' });
    expect(reply.statusCode).toBe(201);
    await env.expectAudit('entraide/message-sent', answerId, { actorId: a.parent.user.id });

    // One side accepts: nothing shown yet.
    expect((await a.parent.post(`/api/entraide/conversations/${answerId}/share-contact`)).statusCode).toBe(200);
    await env.expectAudit('entraide/contact-shared', answerId, { actorId: a.parent.user.id });
    let conv = (await b.parent.get(`/api/entraide/conversations/${answerId}`)).json();
    expect(conv.contact).toBeNull();
    expect(conv.theyShare).toBe(true);
    expect(conv.messages.map((m: { body: string }) => m.body)).toEqual(['Je passe devant à 8 h, je peux le prendre.', 'Merci beaucoup !']);
    // Both accept: phone and address.
    await b.parent.post(`/api/entraide/conversations/${answerId}/share-contact`);
    conv = (await b.parent.get(`/api/entraide/conversations/${answerId}`)).json();
    expect(conv.contact.phone).toBe('0612345678');
    expect(conv.contact.address).toContain('rue des Tilleuls');

    // A third household cannot read the conversation nor answer their own post.
    const c = await family();
    expect((await c.parent.get(`/api/entraide/conversations/${answerId}`)).statusCode).toBe(404);
    expect((await a.parent.post(`/api/entraide/posts/${postId}/answers`, { message: 'moi' })).json().error.code).toBe('entraide/own-post');
    // Anonymous: refused.
    expect((await env.client().get('/api/entraide/board/etouvie')).statusCode).toBe(401);
  });

  it('mutual help is free: a price in the text or a price field is refused, with the field', async () => {
    const a = await family();
    const res = await a.parent.post('/api/entraide/posts', { ...schoolRun, kind: 'offer', category: 'courses', description: 'Je fais vos courses pour 5e/h' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('entraide/price-refused');
    expect(res.json().error.fields[0].path).toBe('description');
    // In words too, in the title; nothing written.
    const words = await a.parent.post('/api/entraide/posts', { ...schoolRun, kind: 'offer', category: 'courses', title: 'Courses pour dix euros' });
    expect(words.statusCode).toBe(422);
    expect(words.json().error.fields[0].path).toBe('title');
    expect((await env.rt.deps.db.query("SELECT 1 FROM entraide_posts WHERE title LIKE '%dix euros%'")).rows).toHaveLength(0);
    const field = await a.parent.post('/api/entraide/posts', { ...schoolRun, priceCents: 500 });
    expect(field.statusCode).toBe(400);
    expect(field.json().error.fields[0].path).toBe('priceCents');
  });

  it('only validated households offer childcare; an agent or the ambassador of the neighbourhood validates', async () => {
    const a = await family();
    const garde = {
      ...schoolRun,
      kind: 'offer',
      category: 'garde',
      title: 'Garde ponctuelle mercredi',
      description: 'Je peux garder un enfant mercredi après-midi.',
    };
    expect((await a.parent.post('/api/entraide/posts', garde)).json().error.code).toBe('entraide/not-validated');

    // A parent who is not an ambassador cannot validate.
    const other = await family();
    expect((await other.parent.post(`/api/entraide/households/${a.householdId}/validation`)).json().error.code).toBe('entraide/not-ambassador');

    // An ambassador of another neighbourhood cannot either; of Étouvie can.
    const agent = await env.as('agent');
    const amb = await family('nord');
    expect((await agent.post('/api/entraide/ambassadors', { userId: amb.parent.user.id, neighbourhoodId: 'nord' })).statusCode).toBe(200);
    await env.expectAudit('entraide/ambassador-appointed', amb.parent.user.id, { actorId: agent.user.id });
    expect((await amb.parent.post(`/api/entraide/households/${a.householdId}/validation`)).json().error.code).toBe('entraide/not-ambassador');
    expect((await other.parent.post('/api/entraide/ambassadors', { userId: other.parent.user.id, neighbourhoodId: 'etouvie' })).statusCode).toBe(403);
    // An ambassador is named for the neighbourhood its family lives in.
    const elsewhere = await agent.post('/api/entraide/ambassadors', { userId: amb.parent.user.id, neighbourhoodId: 'etouvie' });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().error.code).toBe('entraide/ambassador-elsewhere');
    expect(elsewhere.json().error.fields[0].path).toBe('neighbourhoodId');
    const ambEtouvie = await family('etouvie');
    expect((await agent.post('/api/entraide/ambassadors', { userId: ambEtouvie.parent.user.id, neighbourhoodId: 'etouvie' })).statusCode).toBe(200);
    expect((await ambEtouvie.parent.post(`/api/entraide/households/${a.householdId}/validation`)).statusCode).toBe(200);
    await env.expectAudit('entraide/household-validated', a.householdId, { actorId: ambEtouvie.parent.user.id });

    expect((await a.parent.post('/api/entraide/posts', garde)).statusCode).toBe(201);
  });

  it('a block works both ways: hidden from each other, no answer, no message', async () => {
    const a = await family();
    const b = await family();
    const pa = (await a.parent.post('/api/entraide/posts', schoolRun)).json().id;
    const pb = (await b.parent.post('/api/entraide/posts', { ...schoolRun, title: 'Courses samedi', category: 'courses' })).json().id;
    const answerId = (await b.parent.post(`/api/entraide/posts/${pa}/answers`, { message: 'Je peux aider.' })).json().id;

    expect((await a.parent.post('/api/entraide/blocks', { answerId })).statusCode).toBe(200);
    await env.expectAudit('entraide/household-blocked', b.householdId, { actorId: a.parent.user.id });
    // Both directions.
    const boardB = (await b.parent.get('/api/entraide/board/etouvie')).json().posts.map((p: { id: string }) => p.id);
    expect(boardB).not.toContain(pa);
    const boardA = (await a.parent.get('/api/entraide/board/etouvie')).json().posts.map((p: { id: string }) => p.id);
    expect(boardA).not.toContain(pb);
    expect((await a.parent.post(`/api/entraide/posts/${pb}/answers`, { message: 'Bonjour' })).json().error.code).toBe('entraide/blocked');
    expect((await b.parent.post(`/api/entraide/conversations/${answerId}/messages`, { body: 'Bonjour ?' })).json().error.code).toBe('entraide/blocked');
    expect((await a.parent.post('/api/entraide/blocks', { postId: pa })).json().error.code).toBe('entraide/self-block');
  });

  it('a report goes to the agents’ queue; an agent removes the post; a parent cannot read the queue', async () => {
    const a = await family();
    const b = await family();
    const postId = (await a.parent.post('/api/entraide/posts', { ...schoolRun, title: 'Annonce douteuse' })).json().id;
    const rep = await b.parent.post('/api/entraide/reports', { postId, reason: 'Propos déplacés' });
    expect(rep.statusCode).toBe(201);
    await env.expectAudit('entraide/reported', rep.json().id, { actorId: b.parent.user.id });
    expect((await b.parent.get('/api/entraide/reports')).statusCode).toBe(403);
    const agent = await env.as('agent');
    const queue = (await agent.get('/api/entraide/reports')).json().reports;
    expect(queue.map((r: { id: string }) => r.id)).toContain(rep.json().id);
    expect((await b.parent.post(`/api/entraide/reports/${rep.json().id}/resolve`, { decision: 'remove-post' })).statusCode).toBe(403);
    expect((await agent.post(`/api/entraide/reports/${rep.json().id}/resolve`, { decision: 'remove-post' })).statusCode).toBe(200);
    await env.expectAudit('entraide/report-resolved', rep.json().id, { actorId: agent.user.id });
    expect((await b.parent.get('/api/entraide/board/etouvie')).json().posts.map((p: { id: string }) => p.id)).not.toContain(postId);
    expect((await agent.post(`/api/entraide/reports/${rep.json().id}/resolve`, { decision: 'dismiss' })).json().error.code).toBe('entraide/report-resolved');
  });
});

describe('Parentothèque', () => {
  const poussette = {
    title: 'Poussette canne',
    category: 'poussette',
    condition: 'bon',
    mode: 'pret',
    donorKind: 'partenaire',
    donorLabel: 'Association Les Petits Pas',
    loanDays: 14,
  };

  it('20 families ask the same poussette at once: exactly one reservation', async () => {
    const agent = await env.as('agent');
    const item = await agent.post('/api/entraide/items', poussette);
    expect(item.statusCode).toBe(201);
    await env.expectAudit('entraide/item-added', item.json().id, { actorId: agent.user.id });
    const families = await Promise.all(Array.from({ length: 20 }, () => family()));
    const results = await Promise.all(families.map((f) => f.parent.post(`/api/entraide/items/${item.json().id}/ask`)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'entraide/item-taken')).toBe(true);
    const { rows } = await env.rt.deps.db.query(
      "SELECT count(*)::int AS n FROM entraide_loans WHERE item_id = $1 AND status IN ('reserved', 'active', 'overdue')",
      [item.json().id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('reserved → active → overdue (reminded) → returned; an overdue family cannot borrow another; a parent cannot approve', async () => {
    const agent = await env.as('agent');
    const itemId = (await agent.post('/api/entraide/items', { ...poussette, loanDays: 3 })).json().id;
    const lit = (await agent.post('/api/entraide/items', { ...poussette, title: 'Lit parapluie', category: 'lit' })).json().id;
    const f = await family();
    const ask = await f.parent.post(`/api/entraide/items/${itemId}/ask`);
    expect(ask.statusCode).toBe(201);
    const loanId = ask.json().id;
    await env.expectAudit('entraide/item-reserved', loanId, { actorId: f.parent.user.id, householdId: f.householdId });

    expect((await f.parent.post(`/api/entraide/loans/${loanId}/approve`)).statusCode).toBe(403);
    expect((await agent.post(`/api/entraide/loans/${loanId}/approve`)).statusCode).toBe(200);
    await env.expectAudit('entraide/loan-approved', loanId, { actorId: agent.user.id });
    let mine = (await f.parent.get('/api/entraide/loans/mine')).json().loans;
    expect(mine[0]).toMatchObject({ id: loanId, status: 'active', dueOn: '2026-03-13' });

    // Two days before the due day: a reminder.
    env.clock.set('2026-03-11T10:00:00+01:00');
    await env.rt.deps.jobs.runNow('entraide.remind-loans', {});
    let notes = await env.rt.deps.db.query(
      "SELECT subject, body FROM notifications WHERE template = 'entraide.loan-reminder' AND user_id = $1 ORDER BY created_at",
      [f.parent.user.id],
    );
    expect(notes.rows).toHaveLength(1);
    expect(notes.rows[0].body).toContain('13 mars 2026');
    // Run twice the same day: no second message.
    await env.rt.deps.jobs.runNow('entraide.remind-loans', {});
    notes = await env.rt.deps.db.query("SELECT subject FROM notifications WHERE template = 'entraide.loan-reminder' AND user_id = $1", [f.parent.user.id]);
    expect(notes.rows).toHaveLength(1);

    // Past the due day: overdue, reminded, and no other loan.
    env.clock.set('2026-03-14T10:00:00+01:00');
    await env.rt.deps.jobs.runNow('entraide.remind-loans', {});
    mine = (await f.parent.get('/api/entraide/loans/mine')).json().loans;
    expect(mine[0].status).toBe('overdue');
    notes = await env.rt.deps.db.query("SELECT subject FROM notifications WHERE template = 'entraide.loan-reminder' AND user_id = $1 ORDER BY created_at", [
      f.parent.user.id,
    ]);
    expect(notes.rows.map((r) => r.subject)).toEqual(['Parentothèque : retour bientôt', 'Parentothèque : objet à rendre']);
    const refused = await f.parent.post(`/api/entraide/items/${lit}/ask`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('entraide/overdue-loan');

    // Returned: may borrow again, the poussette is free again.
    expect((await agent.post(`/api/entraide/loans/${loanId}/return`)).statusCode).toBe(200);
    await env.expectAudit('entraide/loan-returned', loanId, { actorId: agent.user.id });
    expect((await f.parent.post(`/api/entraide/items/${lit}/ask`)).statusCode).toBe(201);
    const other = await family();
    expect((await other.parent.post(`/api/entraide/items/${itemId}/ask`)).statusCode).toBe(201);
  });

  it('past its due day but before the job, a loan already blocks borrowing', async () => {
    const agent = await env.as('agent');
    const a = (await agent.post('/api/entraide/items', { ...poussette, loanDays: 1 })).json().id;
    const b = (await agent.post('/api/entraide/items', { ...poussette, title: 'Cartable', category: 'cartable' })).json().id;
    const f = await family();
    const loanId = (await f.parent.post(`/api/entraide/items/${a}/ask`)).json().id;
    await agent.post(`/api/entraide/loans/${loanId}/approve`);
    env.clock.set('2026-03-13T10:00:00+01:00');
    expect((await f.parent.post(`/api/entraide/items/${b}/ask`)).json().error.code).toBe('entraide/overdue-loan');
  });

  it('a family cancels its reservation; refused by the committee frees the item; a gift is handed over once', async () => {
    const agent = await env.as('agent');
    const f = await family();
    const g = await family();
    const item = (await agent.post('/api/entraide/items', poussette)).json().id;
    const l1 = (await f.parent.post(`/api/entraide/items/${item}/ask`)).json().id;
    expect((await g.parent.post(`/api/entraide/loans/${l1}/cancel`)).statusCode).toBe(404);
    expect((await f.parent.post(`/api/entraide/loans/${l1}/cancel`)).statusCode).toBe(200);
    await env.expectAudit('entraide/loan-cancelled', l1, { actorId: f.parent.user.id });
    const l2 = (await g.parent.post(`/api/entraide/items/${item}/ask`)).json().id;
    expect((await agent.post(`/api/entraide/loans/${l2}/refuse`)).statusCode).toBe(200);
    await env.expectAudit('entraide/loan-refused', l2, { actorId: agent.user.id });
    expect((await agent.post(`/api/entraide/loans/${l2}/approve`)).json().error.code).toBe('entraide/invalid-loan-status');

    const frigo = (
      await agent.post('/api/entraide/items', { ...poussette, title: 'Réfrigérateur', category: 'electromenager', mode: 'don', donorKind: 'entreprise' })
    ).json().id;
    const d = (await f.parent.post(`/api/entraide/items/${frigo}/ask`)).json().id;
    expect((await agent.post(`/api/entraide/loans/${d}/approve`)).statusCode).toBe(200);
    expect((await f.parent.get('/api/entraide/items')).json().items.map((i: { id: string }) => i.id)).not.toContain(frigo);
    expect((await g.parent.post(`/api/entraide/items/${frigo}/ask`)).json().error.code).toBe('entraide/item-unavailable');
  });

  it('an item photo: its GPS EXIF stripped before storing, shown to signed-in users, set only by the committee', async () => {
    const agent = await env.as('agent');
    const itemId = (await agent.post('/api/entraide/items', { ...poussette, title: 'Lit parapluie photo', category: 'lit' })).json().id;
    const exif = Buffer.concat([Buffer.from('Exif\0\0MM\0*', 'latin1'), Buffer.from('GPS 49.8941N 2.2958E', 'latin1')]);
    const seg = (marker: number, payload: Buffer) =>
      Buffer.concat([Buffer.from([0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
    const image = Buffer.concat([seg(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])), Buffer.from([0x12, 0x34, 0xff, 0xd9])]);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8]), seg(0xe0, Buffer.from('JFIF\0\x01\x01', 'latin1')), seg(0xe1, exif), image]);

    const f = await family();
    expect((await f.parent.put(`/api/entraide/items/${itemId}/photo`, { base64: jpeg.toString('base64') })).statusCode).toBe(403);
    const notPhoto = await agent.put(`/api/entraide/items/${itemId}/photo`, { base64: Buffer.from('%PDF-1.7').toString('base64') });
    expect(notPhoto.statusCode).toBe(422);
    expect(notPhoto.json().error.fields[0].path).toBe('base64');
    expect((await f.parent.get(`/api/entraide/items/${itemId}/photo`)).statusCode).toBe(404);

    expect((await agent.put(`/api/entraide/items/${itemId}/photo`, { base64: jpeg.toString('base64') })).statusCode).toBe(200);
    await env.expectAudit('entraide/item-photo-set', itemId, { actorId: agent.user.id });
    const got = await f.parent.get(`/api/entraide/items/${itemId}/photo`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toContain('image/jpeg');
    expect(got.rawPayload.includes(Buffer.from('GPS'))).toBe(false);
    expect(got.rawPayload.includes(Buffer.from('JFIF'))).toBe(true);
    const listed = (await f.parent.get('/api/entraide/items')).json().items.find((i: { id: string }) => i.id === itemId);
    expect(listed.hasPhoto).toBe(true);
    // Nobody signed in: refused.
    expect((await env.app.inject({ method: 'GET', url: `/api/entraide/items/${itemId}/photo` })).statusCode).toBe(401);
  });
});

describe('the household file', () => {
  it('exports the family’s entraide rows and erases them with the file', async () => {
    const a = await family();
    const b = await family();
    const postId = (await a.parent.post('/api/entraide/posts', schoolRun)).json().id;
    const answerId = (await b.parent.post(`/api/entraide/posts/${postId}/answers`, { message: 'Je peux aider.' })).json().id;
    await a.parent.post('/api/entraide/blocks', { answerId });
    const exp = await a.parent.get('/api/dossiers/me/export.json');
    expect(exp.statusCode).toBe(200);
    expect(JSON.stringify(exp.json())).toContain('Trajet école jeudi');
    const erase = await a.parent.post('/api/dossiers/me/erase', { confirm: 'EFFACER' });
    expect(erase.statusCode).toBeLessThan(300);
    const db = env.rt.deps.db;
    const left = await db.query(
      `SELECT (SELECT count(*) FROM entraide_posts WHERE household_id = $1)::int AS posts,
              (SELECT count(*) FROM entraide_answers WHERE id = $2)::int AS answers,
              (SELECT count(*) FROM entraide_blocks WHERE blocker_household_id = $1 OR blocked_household_id = $1)::int AS blocks`,
      [a.householdId, answerId],
    );
    expect(left.rows[0]).toEqual({ posts: 0, answers: 0, blocks: 0 });
  });
});
