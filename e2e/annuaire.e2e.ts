/**
 * Journey: a parent in Étouvie needs a dentist open on Saturday morning; an agent prints
 * the health guide; a coordinator reads the territory's ratios; a partner updates their listing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startJourney, type Journey } from './harness';

let j: Journey;
beforeAll(async () => {
  // Wednesday 25 November 2026, 10:00 in Paris.
  j = await startJourney('annuaire', { seed: true, now: '2026-11-25T10:00:00+01:00' });
});
afterAll(() => j?.close());

it('finds a dentist open on Saturday morning near Étouvie', async () => {
  const { page, url } = j;
  await page.goto(`${url}/annuaire`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe("J'ai besoin de…");
  await expect.poll(() => page.getByRole('button', { name: /Me soigner/ }).count()).toBe(1);
  await j.step('annuaire');

  await page.getByRole('button', { name: /Me soigner/ }).click();
  await page.getByLabel('Mots-clés (facultatif)').fill('dentistes');
  // The extra criteria are folded until asked for.
  await page.getByText(/^Plus de critères/).click();
  await page.getByLabel('Ouvert le samedi matin').check();
  await page.getByLabel('Près de').selectOption('etouvie');
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await expect.poll(() => page.locator('#results-title').textContent()).toMatch(/du plus proche au plus loin d'Étouvie/);
  // The page moved to the results, the criteria folded away (the choice still counted).
  await expect.poll(() => page.evaluate(() => Math.round(document.getElementById('results-title')!.getBoundingClientRect().top))).toBeLessThan(120);
  await expect.poll(() => page.locator('details.annuaire-more').getAttribute('open')).toBe(null);
  await expect.poll(() => page.getByText('Plus de critères (déjà choisis : 1)').count()).toBe(1);
  const first = page.locator('.annuaire-results > li').first();
  await expect.poll(() => first.locator('h3').textContent()).toContain('Soins dentaires enfants et adultes');
  await expect.poll(() => first.textContent()).toContain("Cabinet dentaire d'Étouvie");
  await expect.poll(() => first.textContent()).toContain('Donnée de démonstration');
  // The Nord dentist, closed on Saturday, is not listed.
  await expect.poll(() => page.getByText('Dentiste du quartier Nord').count()).toBe(0);
  // The map beside the list shows the town's own base layer (no tile server).
  await expect.poll(() => page.locator('.annuaire-map .leaflet-overlay-pane path').count()).toBeGreaterThan(3);
  await j.step('dentiste-samedi-etouvie');

  await first.getByRole('link').first().click();
  await page.waitForURL(/\/annuaire\/services\//);
  await expect.poll(() => page.getByRole('row', { name: /samedi/ }).textContent()).toContain('08h30–12h00');
  await expect.poll(() => page.getByRole('link', { name: /Appeler le/ }).count()).toBe(1);
  await j.step('fiche-service');

  await page.getByRole('link', { name: /Proposé par Cabinet dentaire d'Étouvie/ }).click();
  await page.waitForURL(/\/annuaire\/structures\//);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe("Cabinet dentaire d'Étouvie (démo)");
  await j.step('fiche-structure');
});

it('on a phone: the list first, the map behind a tab (loaded only then)', async () => {
  const { page, url } = j;
  await page.setViewportSize({ width: 360, height: 740 });
  const leaflet: string[] = [];
  page.on('request', (r) => {
    if (/leaflet|ServiceMap|neighbourhoods\.geojson/i.test(r.url())) leaflet.push(r.url());
  });
  await page.goto(`${url}/annuaire?besoin=garde&ouvert=maintenant`);
  await expect.poll(() => page.locator('.annuaire-results > li').count()).toBeGreaterThan(0);
  await expect.poll(() => page.getByRole('button', { name: /^Liste \(\d+\)$/ }).getAttribute('aria-pressed')).toBe('true');
  expect(await page.locator('.annuaire-map').count()).toBe(0);
  expect(leaflet).toEqual([]);
  await j.step('mobile-liste');
  await page.getByRole('button', { name: 'Carte', exact: true }).click();
  await expect.poll(() => page.locator('.annuaire-map .leaflet-overlay-pane path').count()).toBeGreaterThan(3);
  expect(await page.locator('.annuaire-results').count()).toBe(0);
  expect(leaflet.length).toBeGreaterThan(0);
  await j.step('mobile-carte');
  await page.getByRole('button', { name: /^Liste \(/ }).click();
  await expect.poll(() => page.locator('.annuaire-results > li').count()).toBeGreaterThan(0);
  await page.setViewportSize({ width: 1100, height: 900 });
});

it('prints an orientation guide for a theme', async () => {
  const { page, url } = j;
  await page.goto(`${url}/annuaire/guide/sante`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain("Guide d'orientation");
  await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Étouvie' }).count()).toBe(1);
  await j.step('guide-sante');
});

it('shows the ratios per neighbourhood as a table and a choropleth', async () => {
  const { page, url } = j;
  await page.goto(`${url}/annuaire/territoire`);
  await expect.poll(() => page.getByRole('row', { name: /Amiens \(ville entière\)/ }).textContent()).toContain('6');
  await page.getByLabel('Catégorie ou profession').selectOption('dentiste');
  await expect.poll(() => page.getByRole('row', { name: /^Étouvie/ }).textContent()).toContain('1 pour 980 familles');
  await j.step('territoire');
});

it('lets a coordinator enter a neighbourhood figure', async () => {
  const { page, url } = j;
  await j.login('coordinator');
  await page.goto(`${url}/annuaire/territoire`);
  await page.getByLabel('Catégorie ou profession').selectOption('dentiste');
  await page.getByLabel('Quartier', { exact: true }).selectOption('etouvie');
  await page.getByLabel('Indicateur', { exact: true }).selectOption('familles_monoparentales');
  await page.getByLabel('Année').fill('2025');
  await page.getByLabel('Valeur').fill('1000');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect.poll(() => page.getByText('Chiffre enregistré.').count()).toBe(1);
  await expect.poll(() => page.getByRole('row', { name: /^Étouvie/ }).textContent()).toMatch(/1 pour 1\s?000 familles/);
  await j.step('territoire-saisie');
  await page.context().clearCookies();
});

it('lets a partner update their listing', async () => {
  const { page, url } = j;
  await j.login('partner');
  await page.goto(`${url}/annuaire/ma-fiche`);
  await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toContain("Centre social d'Étouvie");
  await expect.poll(() => page.getByText(/pas été vérifiée depuis plus de 6 mois/).count()).toBeGreaterThan(0);
  await j.step('ma-fiche');
  await page.getByLabel('Téléphone').fill('03 22 00 00 00');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect.poll(() => page.getByText('Fiche enregistrée').count()).toBe(1);
  await expect.poll(() => page.getByText(/pas été vérifiée depuis plus de 6 mois/).count()).toBe(0);
  await j.step('ma-fiche-enregistree');
});
