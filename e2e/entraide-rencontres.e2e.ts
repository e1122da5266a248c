/**
 * Journey of the ambassador meetings: an agent appoints a parent ambassador of Étouvie from her
 * family's file; she organises a meeting of the neighbourhood; a family of Étouvie sees it and
 * registers; the ambassador sees the neighbourhood's activity, the family registered, and welcomes it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postFromPage, startJourney, type Journey, fillDate } from './harness';
import { chooseLanguage, frenchOutsideIslands } from './i18n-check';

let j: Journey;
let ines = '';
beforeAll(async () => {
  j = await startJourney('entraide-rencontres', { now: '2026-12-04T10:00:00+01:00', viewport: { width: 360, height: 800 } });
}, 120_000);
afterAll(() => j?.close());

async function newFamily(firstName: string, lastName: string): Promise<{ id: string; identifier: string; householdId: string }> {
  await j.page.context().clearCookies();
  const who = await j.login('parent');
  const res = await postFromPage(j.page, '/api/dossiers/me', {
    parent: {
      firstName,
      lastName,
      birthDate: '1988-03-02',
      phone: '0611223344',
      email: `${firstName
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, '')
        .toLowerCase()}.rencontre@example.fr`,
    },
    children: [{ firstName: 'Léo', birthDate: '2017-04-01' }],
    address: { line: '4 rue de Picardie', postalCode: '80000', inseeCode: '80021', neighbourhoodId: 'etouvie' },
  });
  expect(res.status).toBe(201);
  return { ...who, householdId: res.json.household.id as string };
}

it('an ambassador organises a meeting; a neighbour registers; the ambassador sees it and welcomes her', async () => {
  const { page, url } = j;
  const awa = await newFamily('Awa', 'Diallo');
  const awaHousehold = awa.householdId;
  // The agent names her ambassador from her family's file (opened with a reason).
  await page.context().clearCookies();
  await j.login('agent');
  expect((await postFromPage(page, `/api/dossiers/households/${awaHousehold}/open`, { reason: 'Entraide du quartier' })).status).toBe(200);
  await page.goto(`${url}/dossier/agent/familles/${awaHousehold}`);
  await page.getByRole('link', { name: 'Parent ambassadeur de l’entraide' }).click();
  await page.getByRole('button', { name: 'Nommer Awa Diallo parent ambassadeur du quartier Étouvie' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Awa Diallo est parent ambassadeur du quartier Étouvie' }).count()).toBe(1);
  await expect.poll(() => page.getByRole('button', { name: 'Retirer Awa Diallo' }).count()).toBe(1);
  await j.step('ambassadeur-nomme');

  await j.loginAs(awa.identifier);
  await page.goto(`${url}/entraide/voisins`);
  await page.getByRole('link', { name: 'Mon quartier : espace parent ambassadeur' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Parent ambassadeur · Étouvie' }).count()).toBe(1);
  await page.getByLabel('Titre de la rencontre').fill('Café des parents de Noël');
  await page.getByLabel('Lieu').fill('Centre social Étouvie, salle 2');
  await fillDate(page, 'Début', '2026-12-16T14:00');
  await fillDate(page, 'Fin (facultatif)', '2026-12-16T16:00');
  await page.getByRole('textbox', { name: 'Nombre de places' }).fill('12');
  await page.getByLabel('Détails').fill('On se retrouve avant les vacances, les enfants jouent à côté.');
  await page.getByRole('button', { name: 'Publier la rencontre' }).click();
  await expect.poll(() => page.getByText('Rencontre publiée : les familles du quartier la voient.').count()).toBe(1);
  await expect.poll(() => page.getByText('Aucune personne inscrite sur 12 places').count()).toBe(1);
  await j.step('rencontre-publiee');

  ines = (await newFamily('Inès', 'Voisin')).identifier;
  await page.goto(`${url}/entraide/voisins`);
  await expect.poll(() => page.getByRole('heading', { name: 'Café des parents de Noël' }).count()).toBe(1);
  await expect.poll(() => page.getByText('12 places libres sur 12').count()).toBe(1);
  await page.getByRole('textbox', { name: 'Combien de personnes viennent (vous et vos enfants) ?' }).fill('2');
  await page.getByRole('button', { name: 'Inscrire ma famille' }).click();
  await expect.poll(() => page.getByText('Vous êtes inscrits (2 personnes).').count()).toBe(1);
  await expect.poll(() => page.getByText('10 places libres sur 12').count()).toBe(1);
  await j.step('famille-inscrite');

  await j.loginAs(awa.identifier);
  await page.goto(`${url}/entraide/ambassadeur`);
  await expect.poll(() => page.getByText('1 nouvelle famille à accueillir').count()).toBe(1);
  await expect.poll(() => page.getByRole('heading', { name: 'Inès V.' }).count()).toBe(1);
  await page.getByRole('button', { name: 'Voir les familles inscrites' }).click();
  await expect.poll(() => page.getByText('Inès V. · 2 personnes').count()).toBe(1);
  await j.step('ambassadeur-suivi');
  // The main entraide page looked at on a desktop screen too.
  await page.setViewportSize({ width: 1280, height: 900 });
  await j.step('ambassadeur-suivi-bureau');
  await page.setViewportSize({ width: 360, height: 800 });

  await page.getByRole('button', { name: 'Noter que Inès V. est accueilli(e)' }).click();
  await expect.poll(() => page.getByText('Aucune nouvelle famille à accueillir.').count()).toBe(1);
  await j.step('famille-accueillie');
});

it('in English, the family sees the neighbourhood meeting it registered for, in its language', async () => {
  const { page, url } = j;
  await j.loginAs(ines);
  await chooseLanguage(j, 'en', 'English');
  await page.goto(`${url}/entraide/voisins`);
  await expect.poll(() => page.getByRole('heading', { name: 'Neighbourhood meetings' }).count()).toBe(1);
  await expect.poll(() => page.getByText('You are registered (2 people).').count()).toBe(1);
  await expect.poll(() => page.getByText('10 free places out of 12').count()).toBe(1);
  await j.step('rencontres-en');
  expect(await frenchOutsideIslands(page), 'French outside lang="fr" on the English page').toEqual([]);
});
