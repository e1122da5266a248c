/**
 * Journey: two parents and a facilitator, each in their own browser. Messages cross in
 * real time; the facilitator mutes a participant; a danger word shows the help card to its
 * author only and alerts the facilitator; a report reaches moderation; the quick exit
 * leaves for a neutral page and takes the room out of the tab's history.
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PATIENCE_MS, startJourney, type Journey } from './harness';

const VIEWPORT = { width: 360, height: 780 };
let j: Journey;
let contexts: BrowserContext[] = [];
let roomId: string;

/**
 * Another person in a browser of its own: a user made and signed in by the harness
 * (`env.as`), its session cookies handed to a new browser context.
 */
async function personInBrowser(role: 'parent' | 'agent', displayName: string): Promise<{ page: Page; userId: string }> {
  const person = await j.env.as(role, { displayName });
  const c = await j.browser.newContext({ viewport: VIEWPORT, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  c.setDefaultTimeout(PATIENCE_MS);
  contexts.push(c);
  await c.addCookies([...person.cookies].map(([name, value]) => ({ name, value, url: j.url })));
  return { page: await c.newPage(), userId: person.user.id };
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.resolve('test-results', 'screens', 'groupes', `${name}.png`), fullPage: true });
const messagesOf = (page: Page) => page.locator('.groupes-message p').allTextContents();

beforeAll(async () => {
  j = await startJourney('groupes', { now: '2026-03-10T20:30:00+01:00', viewport: VIEWPORT });
  const coord = await j.env.as('coordinator');
  const res = await coord.post('/api/groupes/rooms', {
    name: 'Après la séparation',
    theme: 'separation',
    description: 'Se séparer, réorganiser la garde, tenir le coup.',
  });
  roomId = res.json().id;
}, 120_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  contexts = [];
  await j?.close();
});

it('two parents and a facilitator: real time, mute, help card, alert, report, quick exit', async () => {
  const a = j.page;
  await j.login('parent', { displayName: 'Lina Martin' });
  const { page: b } = await personInBrowser('parent', 'Omar Benali');
  const { page: f, userId: facilitatorId } = await personInBrowser('agent', 'Claire Durand');
  const coord = await j.env.as('coordinator');
  expect((await coord.post(`/api/groupes/rooms/${roomId}/facilitators`, { userId: facilitatorId, pseudonym: 'Claire (psychologue)' })).statusCode).toBe(200);

  // Parent A finds the room and joins it under a pseudonym.
  await a.goto(`${j.url}/groupes`);
  await expect.poll(() => a.getByRole('heading', { level: 3, name: 'Après la séparation' }).count()).toBe(1);
  await j.step('groupes');
  await a.getByLabel(/Votre pseudonyme/).fill('Lune');
  await a.getByRole('button', { name: 'Rejoindre' }).click();
  await a.waitForURL(/\/groupes\/salons\//);
  await expect.poll(() => a.getByText('En direct').count()).toBe(1);

  await b.goto(`${j.url}/groupes`);
  await b.getByLabel(/Votre pseudonyme/).fill('Soleil');
  await b.getByRole('button', { name: 'Rejoindre' }).click();
  await b.waitForURL(/\/groupes\/salons\//);
  await f.goto(`${j.url}/groupes/salons/${roomId}`);
  await expect.poll(() => b.getByText('En direct').count()).toBe(1);
  await expect.poll(() => f.getByText('En direct').count()).toBe(1);

  // Messages cross in real time.
  await a.getByLabel(/^Votre message/).fill('Bonsoir à toutes et tous, première fois ici.');
  await a.getByRole('button', { name: 'Envoyer' }).click();
  await expect.poll(() => messagesOf(b)).toContain('Bonsoir à toutes et tous, première fois ici.');
  await expect.poll(() => messagesOf(f)).toContain('Bonsoir à toutes et tous, première fois ici.');
  await b.getByLabel(/^Votre message/).fill('Bienvenue ! On est là.');
  await b.getByRole('button', { name: 'Envoyer' }).click();
  await expect.poll(() => messagesOf(a)).toContain('Bienvenue ! On est là.');
  await j.step('salon');

  // The facilitator mutes Soleil: Soleil's composer gives way to a notice, at once.
  await f.getByRole('button', { name: 'Sourdine 10 min : Soleil' }).click();
  await expect.poll(() => b.getByText(/L’animation vous a mis·e en sourdine jusqu’à/).count()).toBe(1);
  await expect.poll(() => b.getByLabel(/^Votre message/).count()).toBe(0);
  await shot(b, 'b-sourdine');

  // A danger word: the help card for its author only; the facilitator is alerted.
  await a.getByLabel(/^Votre message/).fill("Certains soirs j'ai envie de mourir, je suis épuisée.");
  await a.getByRole('button', { name: 'Envoyer' }).click();
  await expect.poll(() => a.getByRole('heading', { name: /Des personnes peuvent vous aider/ }).count()).toBe(1);
  await expect.poll(() => a.getByRole('link', { name: '3114' }).count()).toBe(1);
  await j.step('carte-aide');
  await expect.poll(() => messagesOf(b)).toContain("Certains soirs j'ai envie de mourir, je suis épuisée.");
  expect(await b.getByText(/3114/).count()).toBe(0);
  await expect.poll(() => f.getByText('Un message mentionne un danger : voir la modération.').count()).toBe(1);
  await shot(f, 'f-alerte');
  await a.getByRole('button', { name: 'J’ai compris' }).click();

  // A reports Soleil's message: it reaches the facilitator's moderation queue, without A's name.
  await a.getByRole('button', { name: 'Signaler (Soleil)' }).click();
  await a.getByLabel(/Pourquoi signalez-vous ce message/).fill('Je préfère que l’animation regarde.');
  await a.getByRole('button', { name: 'Signaler', exact: true }).click();
  await expect.poll(() => a.getByText(/a été signalé à l’animation, sans votre nom/).count()).toBe(1);
  await f.goto(`${j.url}/groupes/moderation`);
  await expect.poll(() => f.getByTestId('report').count()).toBe(1);
  const report = await f.getByTestId('report').innerText();
  expect(report).toContain('Bienvenue ! On est là.');
  expect(report).not.toContain('Lune');
  await expect.poll(() => f.getByTestId('alert').count()).toBe(1);
  await shot(f, 'f-moderation');

  // Quick exit: a plain page outside the app (no menu, no name of the service), and the
  // room is no longer in the tab's history.
  await a.getByTestId('quick-exit').click();
  await a.waitForURL(/\/cuisine$/);
  await expect.poll(() => a.getByRole('heading', { level: 1 }).textContent()).toBe('Recettes de saison');
  expect(await a.title()).toBe('Recettes de saison');
  const neutral = await a.locator('body').innerText();
  for (const word of ['Relais', 'Groupes de parole', 'Après la séparation', 'Lune', 'Se déconnecter']) expect(neutral).not.toContain(word);
  expect(await a.locator('script').count()).toBe(0);
  await j.step('sortie-rapide');
  await a.goBack();
  await a.waitForLoadState();
  expect(a.url()).not.toContain('/groupes/salons/');
}, 180_000);
