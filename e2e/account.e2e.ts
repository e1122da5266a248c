/** Journey: a parent discovers Relais, signs up, logs out, logs back in; the shell speaks three languages. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startJourney, type Journey } from './harness';

let j: Journey;
beforeAll(async () => {
  j = await startJourney('account', { seed: true });
});
afterAll(() => j?.close());

it('home page says in plain words what a parent can do', async () => {
  const { page, url } = j;
  await page.goto(url);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Bienvenue sur Relais');
  await expect.poll(() => page.getByText("Pour les parents solos d'Amiens").count()).toBe(1);
  await expect.poll(() => page.getByRole('link', { name: /Mes droits/ }).count()).toBeGreaterThan(0);
  await expect.poll(() => page.getByRole('navigation', { name: 'Navigation principale' }).count()).toBe(1);
  await j.step('accueil');
});

it('a parent signs up, sees the account page, logs out and logs back in', async () => {
  const { page, url } = j;
  await page.goto(`${url}/inscription`);
  await j.step('inscription-vide');
  // an empty form: every field says, in plain French, what it needs (the password too)
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect.poll(() => page.getByText('Ce champ est obligatoire.').count()).toBeGreaterThanOrEqual(2);
  await expect.poll(() => page.getByText('Au moins 10 caractères.').count()).toBeGreaterThan(0);
  expect(await page.locator('body').innerText()).not.toMatch(/Trop petit|chaîne de caractères|>=/);
  await j.step('inscription-champs-vides');
  // first a mistake: the form says which field is wrong
  await page.getByLabel(/Votre prénom/).fill('Nadia');
  await page.getByLabel(/Adresse e-mail ou numéro de téléphone portable/).fill('nadia@example.fr');
  await page.getByLabel(/Mot de passe \(10 caractères/).fill('court');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('10 caractères');
  await j.step('inscription-erreur');
  await page.getByLabel(/Mot de passe \(10 caractères/).fill('un-mot-de-passe-solide');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.waitForURL(/\/compte/);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mon compte');
  await expect.poll(() => page.getByText('nadia@example.fr').count()).toBeGreaterThan(0);
  await j.step('compte');
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.waitForURL(`${url}/`);
  await expect.poll(() => page.getByRole('link', { name: 'Se connecter' }).count()).toBe(1);
  await page.getByRole('link', { name: 'Se connecter' }).click();
  await page.getByLabel(/Adresse e-mail ou numéro de téléphone/).fill('nadia@example.fr');
  await page.getByLabel(/^Mot de passe/).fill('un-mot-de-passe-solide');
  await j.step('connexion');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`${url}/`);
  await expect.poll(() => page.getByRole('link', { name: 'Mon compte' }).count()).toBe(1);
  await j.step('connecte');
});

it('switches the shell to Arabic (right to left) and English', async () => {
  const { page, url } = j;
  await page.goto(url);
  await page.getByLabel('Langue').selectOption('ar');
  await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('مرحبًا بكم في ريليه');
  await j.step('arabe');
  await page.getByLabel('اللغة').selectOption('en');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome to Relais');
  await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('switch', { name: 'Facile à lire' }).click({ force: true });
  await expect.poll(() => page.getByText('Vous pouvez regarder sans compte.').count()).toBe(1);
  await j.step('facile-a-lire');
});

it('a mobile screen gets the menu behind a button', async () => {
  const { page, url } = j;
  await page.setViewportSize({ width: 360, height: 740 });
  await page.context().clearCookies();
  await page.goto(url);
  // Logging in and signing up are in sight without opening the menu.
  await expect.poll(() => page.getByRole('link', { name: 'Se connecter' }).isVisible()).toBe(true);
  await expect.poll(() => page.getByRole('link', { name: 'Créer un compte' }).isVisible()).toBe(true);
  await j.step('mobile-accueil');
  const toggle = page.getByRole('button', { name: /Menu/ });
  await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
  await j.step('mobile-menu');
  // Any navigation closes it, a link of the menu as well as one of the page or the back button.
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes droits' }).click();
  await page.waitForURL(/\/droits$/);
  await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
  await toggle.click();
  await page.goBack();
  await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
});

it('a new account on a phone lands on a welcome pointing to the simulator and the file', async () => {
  const { page, url } = j;
  await page.goto(url);
  await page.getByRole('link', { name: 'Créer un compte' }).click();
  await page.getByLabel(/Votre prénom/).fill('Awa');
  await page.getByLabel(/Adresse e-mail ou numéro de téléphone portable/).fill('awa@example.fr');
  await page.getByLabel(/Mot de passe \(10 caractères/).fill('un-mot-de-passe-solide');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.waitForURL(/\/compte\?bienvenue=1/);
  await expect.poll(() => page.getByRole('heading', { name: 'Bienvenue, votre compte est créé' }).count()).toBe(1);
  await expect.poll(() => page.getByRole('link', { name: 'Faire une simulation' }).getAttribute('href')).toBe('/droits/simulateur');
  await j.step('mobile-bienvenue');
  await page.getByRole('link', { name: 'Remplir mon dossier' }).click();
  await page.waitForURL(/\/dossier\/remplir$/);
  await expect.poll(() => page.locator('#household-form-step').textContent()).toBe('Vous');
  await page.setViewportSize({ width: 1100, height: 900 });
});
