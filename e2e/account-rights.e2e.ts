/**
 * Journey: a parent's data rights without a household file, on a 360 px phone. It signed up,
 * proposed an idea, supported another, joined a parents' group and wrote in it, but never
 * filled its file. « Mon dossier » offers it to download its data and to erase its account;
 * the printable page reads as words and fits the phone; the erasure asks for the word and
 * closes the account.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postFromPage, startJourney, type Journey } from './harness';

let j: Journey;
let parentId = '';

beforeAll(async () => {
  j = await startJourney('account-rights', { now: '2026-12-04T10:00:00+01:00', viewport: { width: 360, height: 740 } });
});
afterAll(() => j?.close());

it('a parent without a file finds its rights on « Mon dossier » and reads its data as a printable page', async () => {
  const { page, url, env } = j;
  // The town's action plan takes ideas; a workshop idea is already published, and a group has a facilitator.
  const coord = await env.as('coordinator');
  const facil = await env.as('agent');
  const plan = (await coord.post('/api/pilotage/plans', { title: 'Plan des familles' })).json().id;
  const axis = (await coord.post(`/api/pilotage/plans/${plan}/axes`, { code: 'Axe 1', title: 'Rompre l’isolement' })).json().id;
  expect((await coord.put(`/api/pilotage/plans/${plan}/ideation`, { open: true })).statusCode).toBe(200);
  const body = 'Un lieu pour se retrouver entre parents solos, avec un coin enfants.';
  const workshop = (
    await coord.post('/api/pilotage/ideas/workshop', { planId: plan, axisId: axis, title: 'Des ateliers cuisine', body, workshop: 'Atelier du centre social' })
  ).json().id;
  const room = (await coord.post('/api/groupes/rooms', { name: 'Parents solos du Nord', theme: 'separation' })).json().id;
  expect((await coord.post(`/api/groupes/rooms/${room}/facilitators`, { userId: facil.user.id, pseudonym: 'Claire (psy)' })).statusCode).toBe(200);

  parentId = (await j.login('parent', { displayName: 'Samia' })).id;
  expect((await postFromPage(page, '/api/pilotage/ideas', { planId: plan, axisId: axis, title: 'Un vestiaire solidaire', body })).status).toBe(201);
  expect((await postFromPage(page, `/api/pilotage/ideas/${workshop}/support`, {})).status).toBeLessThan(300);
  expect((await postFromPage(page, `/api/groupes/rooms/${room}/join`, { pseudonym: 'Lune' })).status).toBe(200);
  expect((await postFromPage(page, `/api/groupes/rooms/${room}/messages`, { body: 'Bonjour à toutes et à tous' })).status).toBeLessThan(300);

  await page.goto(`${url}/dossier`);
  await expect.poll(() => page.getByRole('link', { name: 'Voir mes données en page imprimable' }).count()).toBe(1);
  expect(await page.getByRole('link', { name: 'Télécharger toutes mes données (JSON)' }).count()).toBe(1);
  await expect.poll(() => page.getByText('Effacer mon compte').count()).toBe(1);
  await j.step('sans-dossier-droits');

  await page.goto(`${url}/api/dossiers/me/export.html`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mes données');
  for (const label of ['Votre compte', 'Idées proposées', 'Idées soutenues', 'Messages dans les groupes de parole', 'Samia'])
    expect(await page.getByText(label, { exact: true }).count(), label).toBeGreaterThan(0);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await j.step('export-imprimable-compte', { fullPage: true });
});

it('erases its account with the confirmation word', async () => {
  const { page, url, env } = j;
  await page.goto(`${url}/dossier`);
  await page.getByText('Effacer mon compte').click();
  await page.getByLabel('Pour confirmer, écrivez EFFACER').fill('EFFACER');
  await j.step('effacer-compte');
  await page.getByRole('button', { name: 'Effacer définitivement' }).click();
  await expect.poll(() => page.getByText('Votre compte a été effacé et fermé.').count()).toBe(1);
  // Signed out: the page offers to sign in again, under the message.
  await expect.poll(() => page.getByRole('link', { name: 'Se connecter' }).count()).toBeGreaterThan(0);
  await j.step('compte-efface');
  const { rows } = await env.rt.deps.db.query(
    `SELECT (SELECT display_name FROM users WHERE id = $1) AS name,
            (SELECT count(*)::int FROM pilotage_proposals WHERE author_id = $1) AS ideas,
            (SELECT count(*)::int FROM groupes_messages WHERE author_id = $1) AS messages,
            (SELECT count(*)::int FROM sessions WHERE user_id = $1) AS sessions`,
    [parentId],
  );
  expect(rows[0]).toEqual({ name: 'Compte effacé', ideas: 0, messages: 0, sessions: 0 });
  await env.expectAudit('dossiers/erased', parentId, { actorId: parentId, householdId: null });
});
