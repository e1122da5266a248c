/**
 * Journey (issue 19, "An app on the phone": the family's forms offline, docs/pwa.md). On a 360 px
 * phone, a family sees its neighbours' board and the town's ideas page; the network goes; after a
 * reload both pages open with their forms and what they showed. It posts an announcement and
 * proposes an idea: each page says it waits for the network, and so does the list of its sendings.
 * A loan request, which cannot wait (the object may be gone meanwhile), is refused in words. The
 * network returns: both forms go, show on their pages, and are written once on the server.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fillDate, startJourney, type Journey } from './harness';

// Tuesday 10 March 2026, 10 h in Paris.
const NOW = '2026-03-10T10:00:00+01:00';
const PHONE = { width: 360, height: 800 };
const PARENT = `nadia-forms-${Math.random().toString(36).slice(2, 6)}@e2e.relais.fr`;
const POST_TITLE = 'Trajet école jeudi matin';
const IDEA_TITLE = 'Un café des parents le samedi';
const QUEUED = 'En attente de réseau — sera envoyé automatiquement';

let j: Journey;
let userId = '';

beforeAll(async () => {
  j = await startJourney('pwa-forms', { now: NOW, viewport: PHONE });
  const { env } = j;
  const parent = await env.as('parent', { identifier: PARENT, displayName: 'Nadia Benali' });
  userId = parent.user.id;
  const file = await parent.post('/api/dossiers/me', {
    parent: { firstName: 'Nadia', lastName: 'Benali', birthDate: '1991-04-02' },
    children: [{ firstName: 'Yanis', birthDate: '2017-10-11' }],
    address: { line: '4 rue des Lilas', postalCode: '80000', inseeCode: '80021', neighbourhoodId: 'etouvie' },
  });
  expect(file.statusCode, file.body).toBe(201);
  // The town's plan takes ideas; the parentothèque lends a pushchair.
  const coord = await env.as('coordinator');
  const plan = (await coord.post('/api/pilotage/plans', { title: 'Plan des familles' })).json().id;
  expect((await coord.post(`/api/pilotage/plans/${plan}/axes`, { code: 'Axe 1', title: 'Rompre l’isolement' })).statusCode).toBe(201);
  expect((await coord.put(`/api/pilotage/plans/${plan}/ideation`, { open: true })).statusCode).toBe(200);
  const agent = await env.as('agent');
  const item = await agent.post('/api/entraide/items', {
    title: 'Poussette canne',
    category: 'poussette',
    condition: 'bon',
    mode: 'pret',
    donorKind: 'partenaire',
    donorLabel: 'Association Les Petits Pas',
    loanDays: 14,
  });
  expect(item.statusCode, item.body).toBe(201);
}, 120_000);
afterAll(() => j?.close());

const count = async (sql: string) => Number((await j.env.rt.deps.db.query<{ n: string }>(sql, [userId])).rows[0]!.n);
const posts = () => count(`SELECT count(*) AS n FROM audit_log WHERE action = 'entraide/post-created' AND actor_id = $1`);
const ideas = () => count(`SELECT count(*) AS n FROM audit_log WHERE action = 'pilotage/proposal-created' AND actor_id = $1`);
const loans = () => count(`SELECT count(*) AS n FROM audit_log WHERE action LIKE 'entraide/loan%' AND actor_id = $1`);

it('opens the board and the ideas offline, queues a post and an idea, refuses a loan request in words, sends both once when the network returns', async () => {
  const { page, url, context } = j;

  // ——— online: the family signs in and sees the pages (the app keeps them for later)
  await page.goto(`${url}/`);
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe('activated');
  await j.loginAs(PARENT);
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await page.goto(`${url}/entraide/voisins`);
  await page.getByRole('heading', { name: 'Publier une annonce' }).waitFor();
  await page.getByText('Aucune annonce pour l’instant dans ce quartier.').waitFor();
  await page.goto(`${url}/entraide/parentotheque`);
  await page.getByRole('button', { name: /Demander : Poussette canne/ }).waitFor();
  await page.goto(`${url}/idees`);
  await page.getByRole('heading', { name: 'Proposer une idée' }).waitFor();

  // ——— no network: the board opens again after a reload, with its form; the post waits
  await context.setOffline(true);
  await page.goto(`${url}/entraide/voisins`);
  await page.reload();
  await page.getByText(/Vous êtes hors connexion/).waitFor();
  await page.getByText('Aucune annonce pour l’instant dans ce quartier.').waitFor();
  await page.getByLabel(/^Titre/).fill(POST_TITLE);
  await page.getByLabel(/^Détails/).fill('Quelqu’un peut emmener Yanis à l’école Jean Moulin jeudi ?');
  await fillDate(page, 'Quand ?', '2026-03-12T08:15');
  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByText(`Annonce « ${POST_TITLE} » : ${QUEUED}`).waitFor();
  await page.locator('form').getByText(QUEUED).waitFor();
  await page.getByText('Vos envois en attente', { exact: true }).waitFor();
  await j.step('annonce-en-attente');
  expect(await posts()).toBe(0);

  // ——— a loan request cannot wait: it is refused in words, nothing queued
  await page.goto(`${url}/entraide/parentotheque`);
  await page.getByRole('button', { name: /Demander : Poussette canne/ }).click();
  await page.getByText('Sans connexion : réessayez quand vous serez connecté·e.').waitFor();
  await j.step('pret-refuse-hors-connexion');
  expect(await loans()).toBe(0);

  // ——— the ideas page opens again after a reload; the idea waits
  await page.goto(`${url}/idees`);
  await page.reload();
  await page.getByRole('heading', { name: 'Proposer une idée' }).waitFor();
  await page.getByLabel(/^Axe du plan/).selectOption({ label: 'Axe 1 — Rompre l’isolement' });
  await page.getByLabel(/^Titre de votre idée/).fill(IDEA_TITLE);
  await page.getByLabel(/^Votre idée en quelques phrases/).fill('Un lieu pour se retrouver entre parents solos, avec un coin enfants.');
  await page.getByRole('button', { name: 'Envoyer mon idée' }).click();
  await page.getByText(`Idée « ${IDEA_TITLE} » : ${QUEUED}`).waitFor();
  await j.step('idee-en-attente');
  // The same on a computer's screen.
  await page.setViewportSize({ width: 1100, height: 900 });
  await j.step('idee-en-attente-bureau');
  await page.setViewportSize(PHONE);
  expect(await ideas()).toBe(0);

  // ——— the network returns: both go, once, and the page shows the idea among the family's own
  await context.setOffline(false);
  await page.getByText(`Idée « ${IDEA_TITLE} » : Envoyé`).waitFor();
  await page.getByText(`Annonce « ${POST_TITLE} » : Envoyé`).waitFor();
  await expect.poll(() => page.getByRole('region', { name: 'Mes idées et leurs nouvelles' }).getByText(IDEA_TITLE).count()).toBe(1);
  expect(await page.getByText(QUEUED).count()).toBe(0);
  await j.step('idee-envoyee');
  await expect.poll(ideas).toBe(1);
  await expect.poll(posts).toBe(1);
  await page.goto(`${url}/entraide/voisins`);
  await page.getByRole('heading', { name: POST_TITLE }).waitFor();
  await j.step('annonce-envoyee');

  // A new start of the app sends the queue again: nothing more is written.
  await page.reload();
  await page.getByRole('heading', { name: POST_TITLE }).waitFor();
  expect(await posts()).toBe(1);
  expect(await ideas()).toBe(1);
  const keys = await j.env.rt.deps.db.query<{ path: string; status: number }>('SELECT path, status FROM idempotency_keys WHERE user_id = $1 ORDER BY path', [
    userId,
  ]);
  expect(keys.rows).toEqual([
    { path: '/api/entraide/posts', status: 201 },
    { path: '/api/pilotage/ideas', status: 201 },
  ]);
});
