import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';

let env: TestEnv;
type Client = Awaited<ReturnType<TestEnv['as']>>;
let coord: Client;
let plan: string;
let axis: string;
let objective: string;

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  coord = await env.as('coordinator');
  plan = (await coord.post('/api/pilotage/plans', { title: 'Plan des familles' })).json().id;
  axis = (await coord.post(`/api/pilotage/plans/${plan}/axes`, { code: 'Axe 1', title: 'Rompre l’isolement' })).json().id;
  objective = (await coord.post(`/api/pilotage/axes/${axis}/objectives`, { code: '1.1', title: 'Créer du lien entre parents' })).json().id;
});
afterAll(() => env.close());

const idea = (title = 'Un café des parents le samedi') => ({
  planId: plan,
  axisId: axis,
  title,
  body: 'Un lieu pour se retrouver entre parents solos, avec un coin enfants.',
});

async function published(title: string, by?: Client): Promise<string> {
  const parent = by ?? (await env.as('parent'));
  const id = (await parent.post('/api/pilotage/ideas', idea(title))).json().id;
  expect((await coord.post(`/api/pilotage/ideas/${id}/moderation`, { decision: 'publish' })).statusCode).toBe(200);
  return id;
}

async function notificationsOf(userId: string): Promise<{ template: string; body: string }[]> {
  const { rows } = await env.rt.deps.db.query(`SELECT template, body FROM notifications WHERE user_id = $1 ORDER BY created_at, id`, [userId]);
  return rows;
}

describe('ideation', () => {
  it('a plan takes ideas only once a coordinator opens it; a parent proposes, it waits for moderation', async () => {
    const parent = await env.as('parent');
    const closed = await parent.post('/api/pilotage/ideas', idea());
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('pilotage/ideation-closed');

    expect((await parent.put(`/api/pilotage/plans/${plan}/ideation`, { open: true })).statusCode).toBe(403);
    expect((await coord.put(`/api/pilotage/plans/${plan}/ideation`, { open: true })).statusCode).toBe(200);
    await env.expectAudit('pilotage/ideation-opened', plan, { actorId: coord.user.id });

    const res = await parent.post('/api/pilotage/ideas', idea());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'pending' });
    await env.expectAudit('pilotage/proposal-created', res.json().id, { actorId: parent.user.id });
    // Not public before moderation; the author sees it, waiting.
    expect((await env.client().get(`/api/pilotage/ideas?planId=${plan}`)).json().proposals.map((p: { id: string }) => p.id)).not.toContain(res.json().id);
    const mine = (await parent.get('/api/pilotage/ideas/mine')).json();
    expect(mine.proposals[0]).toMatchObject({ id: res.json().id, status: 'pending' });
  });

  it('bad input answers 4xx with the field; an axis of another plan is refused', async () => {
    const parent = await env.as('parent');
    const bad = await parent.post('/api/pilotage/ideas', { planId: plan, axisId: axis, title: 'a', body: '' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['body', 'title']);
    const other = (await coord.post('/api/pilotage/plans', { title: 'Autre plan' })).json().id;
    const otherAxis = (await coord.post(`/api/pilotage/plans/${other}/axes`, { title: 'Autre axe' })).json().id;
    const wrong = await parent.post('/api/pilotage/ideas', { ...idea(), axisId: otherAxis });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields[0].path).toBe('axisId');
    const refuseWithoutReason = await coord.post(
      `/api/pilotage/ideas/${(await parent.post('/api/pilotage/ideas', idea('Sans raison'))).json().id}/moderation`,
      {
        decision: 'refuse',
      },
    );
    expect(refuseWithoutReason.statusCode).toBe(400);
    expect(refuseWithoutReason.json().error.fields[0].path).toBe('reason');
  });

  it('only the coordination moderates; a refusal tells the author its reason', async () => {
    const parent = await env.as('parent');
    const id = (await parent.post('/api/pilotage/ideas', idea('Idée hors sujet'))).json().id;
    const other = await env.as('parent');
    expect((await other.post(`/api/pilotage/ideas/${id}/moderation`, { decision: 'publish' })).statusCode).toBe(403);
    expect((await (await env.as('agent')).post(`/api/pilotage/ideas/${id}/moderation`, { decision: 'publish' })).statusCode).toBe(403);
    // A pending idea cannot be supported.
    const early = await other.post(`/api/pilotage/ideas/${id}/support`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('pilotage/proposal-not-published');

    const mark = await env.auditMark();
    const reason = 'Cette idée relève de la région, pas de la ville.';
    expect((await coord.post(`/api/pilotage/ideas/${id}/moderation`, { decision: 'refuse', reason })).statusCode).toBe(200);
    await env.expectAudit('pilotage/proposal-refused', id, { actorId: coord.user.id, after: mark });
    const again = await coord.post(`/api/pilotage/ideas/${id}/moderation`, { decision: 'publish' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('pilotage/already-moderated');

    const mine = (await parent.get('/api/pilotage/ideas/mine')).json();
    expect(mine.proposals[0]).toMatchObject({ status: 'refused', refusalReason: reason });
    expect(mine.events[0].text).toContain(reason);
    await env.rt.deps.jobs.runNow('pilotage.tell-followers', {});
    const sent = await notificationsOf(parent.user.id);
    expect(sent.map((n) => n.template)).toEqual(['pilotage.idea-refused']);
    expect(sent[0]!.body).toContain(reason);
  });

  it('one support per account, withdrawable; list sorted by supports, searchable, never naming the author', async () => {
    const author = await env.as('parent', { displayName: 'Awa Diallo' });
    const a = await published('Une ludothèque itinérante', author);
    const b = await published('Des gardes partagées entre voisines');
    const p1 = await env.as('parent');
    const p2 = await env.as('parent');
    const first = await p1.post(`/api/pilotage/ideas/${b}/support`);
    expect(first.json()).toEqual({ supports: 1, supportedByMe: true });
    await env.expectAudit('pilotage/proposal-supported', b, { actorId: p1.user.id });
    const twice = await p1.post(`/api/pilotage/ideas/${b}/support`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('pilotage/already-supported');
    // Two supports at once from the same account: the key keeps one.
    const racing = await Promise.all([p2.post(`/api/pilotage/ideas/${b}/support`), p2.post(`/api/pilotage/ideas/${b}/support`)]);
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await coord.post(`/api/pilotage/ideas/${b}/support`)).statusCode).toBe(403);

    const list = (await p1.get(`/api/pilotage/ideas?planId=${plan}`)).json().proposals;
    expect(list[0]).toMatchObject({ id: b, supports: 2, supportedByMe: true, axisTitle: 'Rompre l’isolement' });
    expect(JSON.stringify(list)).not.toContain('Awa');
    expect(list.find((p: { id: string }) => p.id === a)).not.toHaveProperty('authorId');
    const found = (await env.client().get(`/api/pilotage/ideas?planId=${plan}&q=LUDOTHEQUE`)).json().proposals;
    expect(found.map((p: { id: string }) => p.id)).toEqual([a]);

    const withdrawn = await p1.delete(`/api/pilotage/ideas/${b}/support`);
    expect(withdrawn.json()).toEqual({ supports: 1, supportedByMe: false });
    await env.expectAudit('pilotage/proposal-support-withdrawn', b, { actorId: p1.user.id });
    expect((await p1.delete(`/api/pilotage/ideas/${b}/support`)).json().error.code).toBe('pilotage/not-supported');
    // The coordination sees who proposed it.
    const staff = (await coord.get(`/api/pilotage/ideas/staff?planId=${plan}`)).json();
    expect(staff.proposals.find((p: { id: string }) => p.id === a)).toMatchObject({ authorName: 'Awa Diallo' });
    expect((await p1.get('/api/pilotage/ideas/staff')).statusCode).toBe(403);
  });

  it('a coordinator turns a proposal into an action in one go; author and supporters are told, then when it starts', async () => {
    const author = await env.as('parent');
    const id = await published('Un réseau de parents relais', author);
    const supporter = await env.as('parent');
    const gone = await env.as('parent');
    await supporter.post(`/api/pilotage/ideas/${id}/support`);
    await gone.post(`/api/pilotage/ideas/${id}/support`);
    await gone.delete(`/api/pilotage/ideas/${id}/support`);
    await env.rt.deps.jobs.runNow('pilotage.tell-followers', {});

    expect((await author.post(`/api/pilotage/ideas/${id}/action`, { objectiveId: objective })).statusCode).toBe(403);
    const otherPlan = (await coord.post('/api/pilotage/plans', { title: 'Plan voisin' })).json().id;
    const otherAxis = (await coord.post(`/api/pilotage/plans/${otherPlan}/axes`, { title: 'Axe' })).json().id;
    const otherObjective = (await coord.post(`/api/pilotage/axes/${otherAxis}/objectives`, { title: 'Objectif' })).json().id;
    const wrong = await coord.post(`/api/pilotage/ideas/${id}/action`, { objectiveId: otherObjective });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields[0].path).toBe('objectiveId');

    const res = await coord.post(`/api/pilotage/ideas/${id}/action`, { objectiveId: objective });
    expect(res.statusCode).toBe(201);
    const actionId = res.json().actionId;
    await env.expectAudit('pilotage/proposal-became-action', id, { actorId: coord.user.id });
    await env.expectAudit('pilotage/action-created', actionId, { actorId: coord.user.id });
    const action = (await coord.get(`/api/pilotage/actions/${actionId}`)).json();
    expect(action).toMatchObject({ title: 'Un réseau de parents relais', proposal: { id, supports: 1, origin: 'online' } });
    const again = await coord.post(`/api/pilotage/ideas/${id}/action`, { objectiveId: objective });
    expect(again.json().error.code).toBe('pilotage/already-action');
    const shown = (await env.client().get(`/api/pilotage/ideas?planId=${plan}`)).json().proposals.find((p: { id: string }) => p.id === id);
    expect(shown).toMatchObject({ actionId, actionTitle: 'Un réseau de parents relais', actionStatus: 'a_lancer' });

    await env.rt.deps.jobs.runNow('pilotage.tell-followers', {});
    expect((await notificationsOf(supporter.user.id)).map((n) => n.template)).toEqual(['pilotage.idea-became-action']);
    expect((await notificationsOf(author.user.id)).map((n) => n.template)).toEqual(['pilotage.idea-published', 'pilotage.idea-became-action']);
    expect(await notificationsOf(gone.user.id)).toEqual([]);
    // Told once: a second run queues nothing more.
    await env.rt.deps.jobs.runNow('pilotage.tell-followers', {});
    expect(await notificationsOf(supporter.user.id)).toHaveLength(1);

    // The action starts, then the coordination gives news: both told.
    expect((await coord.patch(`/api/pilotage/actions/${actionId}`, { status: 'en_cours' })).statusCode).toBe(200);
    expect((await author.post(`/api/pilotage/ideas/${id}/news`, { text: 'Premier café le 4 avril.' })).statusCode).toBe(403);
    expect((await coord.post(`/api/pilotage/ideas/${id}/news`, { text: 'Premier café le 4 avril au centre social Nord.' })).statusCode).toBe(200);
    await env.expectAudit('pilotage/proposal-news', id, { actorId: coord.user.id });
    await env.rt.deps.jobs.runNow('pilotage.tell-followers', {});
    // The start and the news are told by the same run, in one transaction: same created_at, so
    // their order between them is not defined (and not promised); read each by its template.
    const told = await notificationsOf(supporter.user.id);
    expect(told[0]!.template).toBe('pilotage.idea-became-action');
    expect(told.map((n) => n.template).sort()).toEqual(['pilotage.idea-action-news', 'pilotage.idea-action-status', 'pilotage.idea-became-action']);
    const body = (template: string) => told.find((n) => n.template === template)!.body;
    expect(body('pilotage.idea-action-status')).toContain("L'action « Un réseau de parents relais » a démarré.");
    expect(body('pilotage.idea-action-news')).toContain('Premier café le 4 avril au centre social Nord.');
    const followed = (await supporter.get('/api/pilotage/ideas/mine')).json();
    expect(followed.proposals).toEqual([]);
    expect(followed.events.map((e: { text: string }) => e.text)).toEqual([
      expect.stringContaining('Premier café le 4 avril'),
      expect.stringContaining('a démarré'),
      expect.stringContaining('devient une action du plan'),
    ]);
  });

  it('a supporter who reads English is told in English', async () => {
    const id = await published('Une halte-garderie le soir');
    const reader = await env.as('parent');
    expect((await reader.patch('/api/account', { locale: 'en' })).statusCode).toBe(200);
    await reader.post(`/api/pilotage/ideas/${id}/support`);
    const res = await coord.post(`/api/pilotage/ideas/${id}/action`, { objectiveId: objective, title: 'Halte-garderie de 18 h à 21 h' });
    expect(res.statusCode).toBe(201);
    await env.rt.deps.jobs.runNow('pilotage.tell-followers', {});
    const { rows } = await env.rt.deps.db.query(`SELECT template, subject, body, locale FROM notifications WHERE user_id = $1`, [reader.user.id]);
    expect(rows).toEqual([
      expect.objectContaining({ template: 'pilotage.idea-became-action', locale: 'en', subject: 'An idea becomes an action of the plan' }),
    ]);
    expect(rows[0].body).toContain('The idea “Une halte-garderie le soir” becomes an action of the action plan: “Halte-garderie de 18 h à 21 h”.');
    expect(rows[0].body).toContain('You support this idea.');
  });

  it('a workshop proposal is entered by the coordination, published at once, without an author', async () => {
    const parent = await env.as('parent');
    expect((await parent.post('/api/pilotage/ideas/workshop', { ...idea('Atelier'), workshop: 'Atelier du 12 mars' })).statusCode).toBe(403);
    const missing = await coord.post('/api/pilotage/ideas/workshop', idea('Sans atelier'));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].path).toBe('workshop');
    const res = await coord.post('/api/pilotage/ideas/workshop', { ...idea('Une bourse aux vêtements'), workshop: 'Atelier d’idéation, centre social Nord' });
    expect(res.json()).toMatchObject({ status: 'published' });
    await env.expectAudit('pilotage/proposal-created', res.json().id, { actorId: coord.user.id });
    const list = (await env.client().get(`/api/pilotage/ideas?planId=${plan}&q=bourse`)).json().proposals;
    expect(list[0]).toMatchObject({ origin: 'workshop', workshop: 'Atelier d’idéation, centre social Nord' });
  });

  it('a parent proposes at most five ideas an hour', async () => {
    const parent = await env.as('parent');
    for (let i = 0; i < 5; i++) expect((await parent.post('/api/pilotage/ideas', idea(`Idée numéro ${i}`))).statusCode).toBe(201);
    const sixth = await parent.post('/api/pilotage/ideas', idea('Idée de trop'));
    expect(sixth.statusCode).toBe(429);
  });
});

describe('ideas and supports are the account’s personal data', () => {
  it('the family’s export lists them; its erasure deletes its supports (still counted), its unpublished ideas, and its name', async () => {
    const parent = await env.as('parent', { displayName: 'Inès Martin' });
    const created = await parent.post('/api/dossiers/me', { parent: { firstName: 'Inès', birthDate: '1990-05-06' }, address: { postalCode: '80000' } });
    expect(created.statusCode).toBe(201);
    const mineId = await published('Un vestiaire solidaire pour les enfants', parent);
    const waiting = (await parent.post('/api/pilotage/ideas', idea('Une idée pas encore relue'))).json().id;
    const other = await published('Des ateliers cuisine à petit prix');
    await parent.post(`/api/pilotage/ideas/${other}/support`);
    const neighbour = await env.as('parent');
    await neighbour.post(`/api/pilotage/ideas/${other}/support`);

    const exported = (await parent.get('/api/dossiers/me/export.json')).json();
    expect(exported.stored.pilotage_proposals.map((p: { id: string }) => p.id).sort()).toEqual([mineId, waiting].sort());
    expect(exported.stored.pilotage_supports).toEqual([expect.objectContaining({ proposal_id: other, proposal_title: 'Des ateliers cuisine à petit prix' })]);

    expect((await parent.post('/api/dossiers/me/erase', { confirm: 'EFFACER' })).statusCode).toBe(200);
    await env.expectAudit('dossiers/erased', created.json().household.id);
    const { rows } = await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM pilotage_supports WHERE user_id = $1`, [parent.user.id]);
    expect(rows[0].n).toBe(0);
    // The count stays: the erased support is still one of the two.
    const list = (await neighbour.get(`/api/pilotage/ideas?planId=${plan}`)).json().proposals;
    expect(list.find((p: { id: string }) => p.id === other)).toMatchObject({ supports: 2, supportedByMe: true });
    // Its published idea stays, without an author; the one nobody read is gone.
    const staff = (await coord.get(`/api/pilotage/ideas/staff?planId=${plan}`)).json().proposals;
    expect(staff.find((p: { id: string }) => p.id === mineId)).toMatchObject({ authorName: null });
    expect(staff.find((p: { id: string }) => p.id === waiting)).toBeUndefined();
    expect(JSON.stringify(staff)).not.toContain('Inès');
    // The neighbour withdraws: the count goes down by one, never below the erased one.
    expect((await neighbour.delete(`/api/pilotage/ideas/${other}/support`)).json()).toEqual({ supports: 1, supportedByMe: false });
  });
});
