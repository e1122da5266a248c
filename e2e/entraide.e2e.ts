/**
 * Journeys of the entraide: a parent posts a school-run request in Étouvie and a neighbour
 * answers (contact details only once both accept); a family borrows a poussette from the
 * parentothèque and is reminded to return it; two families form a cooperative and see
 * their monthly split. (Rides: entraide-covoiturage.e2e.ts.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postFromPage, startJourney, type Journey, fillDate } from './harness';

let j: Journey;
beforeAll(async () => {
  j = await startJourney('entraide', { now: '2026-03-10T10:00:00+01:00', viewport: { width: 360, height: 800 } });
}, 120_000);
afterAll(() => j?.close());

async function newFamily(firstName: string, line: string): Promise<string> {
  await j.page.context().clearCookies();
  const who = await j.login('parent');
  const res = await postFromPage(j.page, '/api/dossiers/me', {
    parent: { firstName, lastName: 'Voisin', birthDate: '1989-05-02', phone: '0611223344', email: `${firstName.toLowerCase()}@example.fr` },
    children: [{ firstName: 'Léo', birthDate: '2017-04-01' }],
    address: { line, postalCode: '80000', inseeCode: '80021', neighbourhoodId: 'etouvie' },
  });
  expect(res.status).toBe(201);
  return who.identifier;
}

it('a parent posts a school-run request in Étouvie; a neighbour answers; contact shows once both accept', async () => {
  const { page, url } = j;
  const nadia = await newFamily('Nadia', '3 rue de Picardie');
  await page.goto(`${url}/entraide/voisins`);
  await expect.poll(() => page.getByRole('heading', { name: 'Annonces du quartier' }).count()).toBe(1);
  await expect.poll(() => page.getByText('Aucune annonce pour l’instant dans ce quartier.').count()).toBe(1);
  await page.getByLabel('Titre').fill('Trajet école jeudi matin');
  await page.getByLabel('Détails', { exact: false }).first().fill("Quelqu'un peut emmener Léo à l'école Jean Moulin ?");
  await fillDate(page, 'Quand ?', '2026-03-12T08:15');
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect.poll(() => page.getByText('Votre annonce est publiée.').count()).toBe(1);
  await expect.poll(() => page.getByRole('heading', { name: 'Trajet école jeudi matin' }).count()).toBe(1);
  await j.step('demande-publiee');

  // A price is refused, with the reason next to the field.
  await page.getByLabel('Titre').fill('Garde le soir');
  await page.getByLabel('Détails', { exact: false }).first().fill('Je garde vos enfants pour 10 € de l’heure');
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect.poll(() => page.getByText(/L'entraide est gratuite/).count()).toBeGreaterThan(0);
  await j.step('prix-refuse');

  const karim = await newFamily('Karim', '8 allée des Tilleuls');
  await page.goto(`${url}/entraide/voisins`);
  await expect.poll(() => page.getByRole('heading', { name: 'Trajet école jeudi matin' }).count()).toBe(1);
  await page.getByLabel('Votre message').fill('Je passe devant l’école à 8 h, je peux emmener Léo.');
  await page.getByRole('button', { name: 'Répondre' }).click();
  await expect.poll(() => page.getByText('Message envoyé. Retrouvez la conversation ci-dessous.').count()).toBe(1);
  await page.getByRole('link', { name: 'Trajet école jeudi matin' }).click();
  await expect.poll(() => page.getByText('Je passe devant l’école à 8 h, je peux emmener Léo.').count()).toBe(1);
  await page.getByRole('button', { name: 'Montrer mon téléphone et mon adresse' }).click();
  await expect.poll(() => page.getByText('Vous avez accepté de montrer vos coordonnées.').count()).toBe(1);
  expect(await page.getByText('3 rue de Picardie').count()).toBe(0);
  await j.step('voisin-repond');

  await j.loginAs(nadia);
  await page.goto(`${url}/entraide/voisins`);
  await page.getByRole('link', { name: 'Trajet école jeudi matin' }).click();
  await expect.poll(() => page.getByText('L’autre parent a accepté de montrer ses coordonnées.').count()).toBe(1);
  await page.getByLabel('Votre message').fill('Merci beaucoup !');
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await expect.poll(() => page.getByText('Merci beaucoup !').count()).toBe(1);
  await page.getByRole('button', { name: 'Montrer mon téléphone et mon adresse' }).click();
  await expect.poll(() => page.getByText(/8 allée des Tilleuls/).count()).toBe(1);
  await j.step('coordonnees-echangees');
  // Also looked at on a desktop screen.
  await j.page.setViewportSize({ width: 1280, height: 900 });
  await j.step('coordonnees-echangees-bureau');
  await j.page.setViewportSize({ width: 360, height: 800 });
  void karim;
});

it('a family borrows a poussette and is reminded to return it', async () => {
  const { page, url } = j;
  const agent = await j.env.as('agent');
  const item = await agent.post('/api/entraide/items', {
    title: 'Poussette canne',
    category: 'poussette',
    condition: 'bon',
    mode: 'pret',
    donorKind: 'partenaire',
    donorLabel: 'Association Les Petits Pas',
    loanDays: 3,
  });
  expect(item.statusCode).toBe(201);
  const identifier = await newFamily('Sarah', '12 rue Saint-Leu');
  await page.goto(`${url}/entraide/parentotheque`);
  await page.getByRole('button', { name: 'Demander : Poussette canne' }).click();
  await expect.poll(() => page.getByText('Réservé pour vous, en attente de l’accord du comité').count()).toBe(1);
  await j.step('poussette-reservee');

  const loans = await agent.get('/api/entraide/loans');
  const loanId = loans.json().loans.find((l: { itemId: string }) => l.itemId === item.json().id).id;
  expect((await agent.post(`/api/entraide/loans/${loanId}/approve`)).statusCode).toBe(200);
  await page.reload();
  await expect.poll(() => page.getByText('À rendre avant le 13 mars 2026').count()).toBe(1);
  await j.step('poussette-pretee');

  // Two days before: a reminder; past the day: overdue, reminded again.
  j.env.clock.set('2026-03-11T10:00:00+01:00');
  await j.env.rt.deps.jobs.runNow('entraide.remind-loans', {});
  j.env.clock.set('2026-03-14T10:00:00+01:00');
  await j.env.rt.deps.jobs.runNow('entraide.remind-loans', {});
  const notes = await j.env.rt.deps.db.query(
    "SELECT subject FROM notifications WHERE template = 'entraide.loan-reminder' AND recipient = 'sarah@example.fr' ORDER BY created_at",
  );
  expect(notes.rows.map((r) => r.subject)).toEqual(['Parentothèque : retour bientôt', 'Parentothèque : objet à rendre']);
  await j.loginAs(identifier);
  await page.goto(`${url}/entraide/parentotheque`);
  await expect.poll(() => page.getByText('En retard : à rendre depuis le 13 mars 2026').count()).toBe(1);
  await expect.poll(() => page.getByText(/Un objet est en retard/).count()).toBe(1);
  await j.step('rappel-retard');
  // Also looked at on a desktop screen.
  await j.page.setViewportSize({ width: 1280, height: 900 });
  await j.step('rappel-retard-bureau');
  await j.page.setViewportSize({ width: 360, height: 800 });
});

it('two families form a cooperative and see their monthly split', async () => {
  const { page, url } = j;
  j.env.clock.set('2026-03-10T10:00:00+01:00');
  await newFamily('Amel', '5 rue du Pont');
  await page.goto(`${url}/entraide/garde`);
  await expect.poll(() => page.getByText('Vous ne faites partie d’aucune coopérative.').count()).toBe(1);
  await page.getByLabel(/Nom de la coopérative/).fill('Les Petits Loups');
  await page.getByLabel(/Coût horaire/).fill('11,57');
  // After school four days (16 h 30 – 19 h 00) hold 10 hours a week: 20 is refused on the field, nothing created.
  await page.getByLabel(/Vos heures de garde par semaine/).fill('20');
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect.poll(() => page.getByText('Au plus 10 h par semaine : ces jours et ces horaires n’en comptent pas plus.').count()).toBeGreaterThan(0);
  expect(await page.getByRole('heading', { name: 'Les Petits Loups' }).count()).toBe(0);
  await j.step('heures-trop-nombreuses');
  await page.getByLabel(/Vos heures de garde par semaine/).fill('10');
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Les Petits Loups' }).count()).toBe(1);
  await j.step('cooperative-creee');

  await newFamily('Julie', '9 rue du Pont');
  await page.goto(`${url}/entraide/garde`);
  await expect.poll(() => page.getByRole('button', { name: 'Rejoindre Les Petits Loups' }).count()).toBe(1);
  // The childminder's hours, set by Amel (after school, four days): Julie's need is within them.
  await expect.poll(() => page.getByText('Garde : lundi, mardi, jeudi, vendredi, 16 h 30 – 19 h 00').count()).toBe(1);
  await page
    .getByLabel(/Vos heures de garde par semaine/)
    .first()
    .fill('5');
  await page.getByText('une semaine sur deux (semaines impaires)').first().click();
  await page.getByRole('button', { name: 'Rejoindre Les Petits Loups' }).click();
  // March 2026: Amel 5 × 10 h = 50 h, Julie 2 × 5 h = 10 h; the childminder works 50 h × 11,57 € = 578,50 €.
  await expect.poll(() => page.getByText(/Total du mois : 578,50\s€/).count()).toBe(1);
  const owed = await page.locator('.entraide-owed').textContent();
  // 578,50 € × 10 / 60 = 96,416… → 96,42 € (largest remainder: Amel 482,08 €).
  expect(owed?.replace(/\s/g, ' ')).toBe('Votre part pour mars 2026 : 96,42 €');
  await expect.poll(() => page.getByRole('cell', { name: '482,08 €' }).count()).toBe(1);
  await j.step('partage-du-mois');
  // Also looked at on a desktop screen.
  await j.page.setViewportSize({ width: 1280, height: 900 });
  await j.step('partage-du-mois-bureau');
  await j.page.setViewportSize({ width: 360, height: 800 });

  // What the CAF's CMG may cover of Julie's share: 10 h, 1 200 € a month, 1 child → her part is
  // 1 200 × 0,1238 % / 10,38 € = 14,31 % of each hour; 96,42 € × (1 − 0,143121) = 82,6203 → 82,62 €.
  await page.getByLabel(/Ressources mensuelles de votre foyer/).fill('1200');
  await page.getByRole('button', { name: 'Estimer' }).click();
  await expect.poll(async () => (await page.locator('.entraide-cmg').textContent())?.replace(/\s/g, ' ') ?? '').toContain('environ 82,62 €');
  await expect.poll(() => page.getByText('Estimation, à confirmer auprès de la CAF.').count()).toBe(1);
  await j.step('estimation-cmg');
});
