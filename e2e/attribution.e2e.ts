/**
 * Journey (issue 15): anyone reads the published rules of the demo respite campaign; a
 * family applies from its file on a phone (prefilled, choices ordered with buttons); the
 * coordinator simulates a heavier weight for single parenthood, sees which families change
 * status and why, and publishes; the family reads its points by criterion, its rank, the
 * last admitted score of each group it chose, and confirms the place offered.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postFromPage, startJourney, type Journey } from './harness';

let j: Journey;
let parentId = '';
let campaignId = '';
const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1100, height: 900 };

beforeAll(async () => {
  j = await startJourney('attribution', { seed: true, now: '2026-03-10T10:00:00+01:00', viewport: PHONE });
  const { rows } = await j.env.rt.deps.db.query(`SELECT id FROM attribution_campaigns WHERE is_demo AND status = 'open'`);
  campaignId = rows[0].id;
});
afterAll(() => j?.close());

const h1 = () => j.page.getByRole('heading', { level: 1 }).textContent();

it('anyone reads the campaigns and the published rules, without an account', async () => {
  const { page, url } = j;
  await page.goto(`${url}/places`);
  await expect.poll(h1).toBe('Places : crèche, mercredis, vacances, répit');
  await expect.poll(() => page.getByRole('link', { name: /Séjours de répit — été 2026/ }).count()).toBe(1);
  await j.step('campagnes');
  await page.getByRole('link', { name: /Séjours de répit — été 2026/ }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Comment les places sont attribuées' }).count()).toBe(1);
  await expect.poll(() => page.getByText('Parent seul avec ses enfants').count()).toBe(1);
  await expect.poll(() => page.getByText('Attestation de quotient familial de la CAF', { exact: false }).count()).toBeGreaterThan(0);
  await expect.poll(() => page.getByText(/À score égal, la demande déposée la première passe avant/).count()).toBe(1);
  await j.step('regles');
});

it('a family applies for a respite stay from its file, on a phone', async () => {
  const { page, url } = j;
  parentId = (await j.login('parent')).identifier;
  const created = await postFromPage(page, '/api/dossiers/me', {
    parent: { firstName: 'Awa', lastName: 'Diallo', birthDate: '1989-01-20' },
    otherParent: { custody: 'visiting' },
    children: [{ firstName: 'Inès', birthDate: '2018-05-10' }],
    situation: { activity: 'actif', annualIncomeCents: 1_000_000, familyBenefitsMonthlyCents: 20_000 },
  });
  expect(created.status).toBe(201);
  await page.goto(`${url}/places/campagnes/${campaignId}`);
  await page.getByRole('link', { name: 'Demander une place' }).click();
  await expect.poll(() => page.getByText('Nous avons rempli ce que votre dossier dit déjà. Vous pouvez corriger.').count()).toBe(1);
  await expect.poll(() => page.getByRole('checkbox', { name: 'Inès, 7 ans' }).isChecked()).toBe(true);
  // prefilled from the file: single parent, QF 413 €, working
  await expect.poll(() => page.getByRole('checkbox', { name: /Parent seul avec ses enfants/ }).isChecked()).toBe(true);
  await expect.poll(() => page.getByRole('checkbox', { name: /Quotient familial jusqu'à 500/ }).isChecked()).toBe(true);
  await expect.poll(() => page.getByRole('checkbox', { name: /Travail ou formation/ }).isChecked()).toBe(true);
  await page.getByRole('button', { name: 'Ajouter « Juillet, 6 à 11 ans »' }).click();
  await page.getByRole('button', { name: 'Ajouter « Août, 6 à 11 ans »' }).click();
  await page.getByRole('button', { name: 'Monter « Août, 6 à 11 ans »' }).click();
  const order = () => page.locator('ol.choices .label').allTextContents();
  await expect.poll(order).toEqual(['1. Août, 6 à 11 ans', '2. Juillet, 6 à 11 ans']);
  await page.getByRole('button', { name: 'Descendre « Août, 6 à 11 ans »' }).click();
  await expect.poll(order).toEqual(['1. Juillet, 6 à 11 ans', '2. Août, 6 à 11 ans']);
  await j.step('demande');
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await page.waitForURL(/\/places\/mes-demandes/);
  await expect.poll(() => page.getByText('Demande envoyée. Vous serez prévenu·e des résultats.').count()).toBe(1);
  await expect.poll(() => page.getByText('En attente des résultats.', { exact: false }).count()).toBe(1);
  await j.step('demande-envoyee');
});

it('the coordinator simulates a heavier weight for single parenthood, sees who changes and why, then publishes', async () => {
  const { page, url } = j;
  await page.setViewportSize(DESKTOP);
  await j.login('coordinator');
  await page.goto(`${url}/places/gestion`);
  await page.getByRole('link', { name: /Séjours de répit — été 2026/ }).click();
  await expect.poll(() => page.getByText('Demande n° 10').count()).toBe(1); // the family's application, by number, no name
  await expect.poll(() => page.getByText('Diallo').count()).toBe(0);
  await j.step('campagne-gestion');
  await page.getByRole('link', { name: 'Simuler et publier' }).click();
  const weight = page.getByRole('textbox', { name: 'Parent seul avec ses enfants' });
  await weight.fill('30');
  await weight.blur();
  await page.getByRole('button', { name: 'Simuler', exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { name: /Avec ces changements, \d+ famille\(s\) changeraient de statut\./ }).count()).toBe(1);
  await expect.poll(() => page.getByText('Parent seul avec ses enfants 20 → 30').count()).toBeGreaterThan(0);
  await j.step('simulation');
  await page.getByRole('button', { name: 'Publier les résultats avec ces réglages' }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
  await j.step('publier-confirmation');
  await page.getByRole('button', { name: 'Oui, publier' }).click();
  await expect.poll(() => page.getByText(/Résultats publiés : \d+ place\(s\) proposée\(s\)/).count()).toBe(1);
  await j.step('publie');
  const { rows } = await j.env.rt.deps.db.query(`SELECT weight::float8 AS w FROM attribution_criteria WHERE campaign_id = $1 AND code = 'monoparentalite'`, [
    campaignId,
  ]);
  expect(rows[0].w).toBe(30);
  await page.goto(`${url}/places/gestion/${campaignId}/prevision`);
  await expect.poll(() => page.getByRole('heading', { name: 'Juillet, 6 à 11 ans' }).count()).toBe(1);
  await j.step('prevision');
});

it('the family reads its points by criterion, its rank and the last admitted score, and confirms its place', async () => {
  const { page, url } = j;
  await page.setViewportSize(PHONE);
  await j.loginAs(parentId);
  await page.goto(`${url}/places/mes-demandes`);
  // 30 (single parent) + 15 (QF up to 500 €) + 10 (work) = 55
  await expect.poll(() => page.getByText('Votre score : 55 points').count()).toBe(1);
  await expect.poll(() => page.getByText(/^Rang \d+ sur 10$/).count()).toBe(1);
  await expect.poll(() => page.getByText('Place attribuée : Juillet, 6 à 11 ans').count()).toBe(1);
  const breakdown = page.getByRole('table', { name: 'Vos points, critère par critère' });
  await expect.poll(() => breakdown.getByRole('row', { name: /Parent seul avec ses enfants \+30/ }).count()).toBe(1);
  await expect.poll(() => breakdown.getByRole('row', { name: /Total 55/ }).count()).toBe(1);
  const last = page.getByRole('table', { name: 'Score du dernier admis dans vos choix' });
  await expect.poll(() => last.getByRole('row').count()).toBe(3);
  await j.step('resultats');
  await page.getByRole('button', { name: 'Je confirme la place' }).click();
  await expect.poll(() => page.getByText('Place confirmée : Juillet, 6 à 11 ans').count()).toBe(1);
  await j.step('place-confirmee');
});
