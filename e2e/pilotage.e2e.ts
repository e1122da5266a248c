/**
 * Journey: a coordinator opens the Dijon demo plan, sets an action's status, enters a
 * manual value, computes the indicators and reads the dashboard (with an indicator
 * computed from Relais' own data: files opened by agents, by neighbourhood), then the
 * evaluation report of the sport experiment.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startJourney, type Journey } from './harness';

let j: Journey;
beforeAll(async () => {
  j = await startJourney('pilotage', { seed: true, now: '2026-03-10T10:00:00+01:00' });
  // Relais' own data: a family of Étouvie whose file an agent opens this month.
  const parent = await j.env.as('parent');
  const hid = (
    await parent.post('/api/dossiers/me', {
      parent: { firstName: 'Awa', birthDate: '1991-02-03' },
      address: { postalCode: '80000', neighbourhoodId: 'etouvie' },
    })
  ).json().household.id;
  const agent = await j.env.as('agent');
  expect((await agent.post(`/api/dossiers/households/${hid}/open`, { reason: 'Accueil au CCAS' })).statusCode).toBe(200);
}, 120_000);
afterAll(() => j?.close());

it('a coordinator follows the Dijon plan: status, manual value, computed indicator on the dashboard', async () => {
  const { page, url } = j;
  await j.login('coordinator');
  await page.goto(`${url}/pilotage`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe("Plan d'action");
  await expect.poll(() => page.getByRole('link', { name: /Dijon/ }).first().count()).toBe(1);
  await j.step('plans');

  await page.getByRole('link', { name: "Plan d'action en faveur des familles monoparentales — Dijon (exemple)", exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Dijon');
  await expect.poll(() => page.getByText('Exemple (démonstration)').count()).toBeGreaterThan(0);
  await j.step('plan-dijon');

  await page.getByRole('link', { name: /^Former les agents à une posture d'écoute/ }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Former les agents/);
  await page.getByLabel('Statut').selectOption('en_cours');
  await page.getByLabel('Service pilote').fill('CCAS — pôle accueil');
  await page.getByRole('button', { name: "Enregistrer l'action" }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Enregistré.' }).count()).toBe(1);
  await j.step('action-statut');

  await page.getByRole('link', { name: "Agents formés à l'accueil des familles monoparentales" }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe("Agents formés à l'accueil des familles monoparentales");
  await expect.poll(() => page.getByText('à définir').count()).toBeGreaterThan(0);
  await page.getByLabel(/^Valeur \(agents\)/).fill('12');
  await page.getByRole('button', { name: 'Enregistrer la valeur' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Valeur enregistrée pour mars 2026' }).count()).toBe(1);
  await expect.poll(() => page.getByRole('cell', { name: /12 agents/ }).count()).toBeGreaterThan(0);
  await j.step('valeur-saisie');

  await page.getByRole('link', { name: "Plan d'action en faveur des familles monoparentales — Dijon (exemple)", exact: true }).click();
  await page.getByRole('link', { name: 'Tableau de bord' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Tableau de bord/);
  await page.getByRole('button', { name: 'Calculer maintenant' }).click();
  await expect
    .poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: /valeur\(s\) calculée\(s\)/ })
        .count(),
    )
    .toBe(1);
  const opened = page.locator('.indicator-card').filter({ hasText: 'Dossiers de familles ouverts par les agents' });
  await expect.poll(() => opened.locator('.figure').textContent()).toBe('1 ouvertures');
  const trained = page.locator('.indicator-card').filter({ hasText: "Agents formés à l'accueil" });
  await expect.poll(() => trained.locator('.figure').textContent()).toBe('12 agents');
  // The table by neighbourhood shows the file opened in Étouvie.
  const row = page.getByRole('row', { name: /Dossiers de familles ouverts par les agents/ });
  await expect.poll(() => row.getByRole('cell').allTextContents()).toEqual(['1', '0', '1', '0', '0', '0', '0', '0']);
  await j.step('tableau-de-bord');

  await page.setViewportSize({ width: 390, height: 844 });
  await j.step('tableau-de-bord-mobile', { fullPage: false });
  await page.setViewportSize({ width: 1100, height: 900 });
});

it('the evaluation of the sport experiment is written and exported as printable HTML', async () => {
  const { page, url } = j;
  const plans = (await (await j.env.as('coordinator')).get('/api/pilotage/plans')).json().plans;
  const dijon = plans.find((p: any) => /Dijon/.test(p.title));
  // Figures entered for the experiment (by hand, per month and neighbourhood).
  const coord = await j.env.as('coordinator');
  const tree = (await coord.get(`/api/pilotage/plans/${dijon.id}`)).json();
  const bilan = tree.axes[3].objectives[0].actions[0];
  const [reached, participation] = bilan.indicators;
  for (const [period, value] of [
    ['2026-01', 6],
    ['2026-02', 9],
    ['2026-03', 5],
  ] as const)
    await coord.put(`/api/pilotage/indicators/${reached.id}/values`, { period, value });
  for (const [neighbourhood, value] of [
    ['nord', 4],
    ['etouvie', 6],
    ['sud', 3],
    ['elbeuf', 1],
  ] as const)
    await coord.put(`/api/pilotage/indicators/${participation.id}/values`, { period: '2026-03', neighbourhood, value });
  await page.goto(`${url}/pilotage/plans/${dijon.id}/tableau-de-bord`);
  await page.getByRole('tab', { name: 'Axe 4' }).click();
  await page.getByRole('link', { name: /^Réaliser un bilan qualitatif et quantitatif/ }).click();
  await page.getByRole('link', { name: "Bilan de l'expérimentation" }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe("Bilan de l'expérimentation « Dijon sport découverte »");
  await page.getByText('Modifier le bilan').click();
  await page.getByLabel('Freins persistants').fill('Créneaux du samedi complets.\n\nTrajets difficiles depuis les quartiers périphériques.');
  await page.getByRole('button', { name: 'Enregistrer le bilan' }).click();
  await expect.poll(() => page.getByText('Trajets difficiles depuis les quartiers périphériques.').count()).toBeGreaterThan(0);
  await expect.poll(() => page.locator('.figure').first().textContent()).toBe('20 familles');
  await j.step('bilan');

  const href = await page.getByRole('link', { name: /bilan imprimable/ }).getAttribute('href');
  await page.goto(`${url}${href}`);
  await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Freins persistants' }).count()).toBe(1);
  await j.step('bilan-imprimable');
});

it('an indicator computed from the Amiens questionnaire is added in the editor', async () => {
  const { page, url } = j;
  await page.goto(`${url}/pilotage`);
  await page.getByRole('link', { name: 'Objectifs stratégiques du diagnostic « Parents solos » — Amiens (exemple)', exact: true }).click();
  await page.getByText('Axe 2 — ').click();
  await page.getByRole('link', { name: 'Permanences santé' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Permanences santé');
  await page.locator('summary', { hasText: 'Ajouter un indicateur' }).click();
  await page.getByLabel(/Intitulé de l'indicateur/).fill('Parents ayant facilement accès aux soins');
  await page.getByLabel(/^Unité/).fill('%');
  await page.getByLabel('Source des valeurs').selectOption('questionnaire');
  await page.getByLabel('Questionnaire (obligatoire)').selectOption({ label: 'Questionnaire « Parents solo » — Amiens' });
  await page.getByLabel('Mesure').selectOption('share');
  await page.getByLabel('Question (obligatoire)').selectOption('acces_sante');
  await page.getByLabel(/^Réponse comptée/).selectOption('Oui');
  await j.step('indicateur-questionnaire');
  await page.getByRole('button', { name: 'Ajouter un indicateur' }).click();
  await page.getByRole('link', { name: 'Parents ayant facilement accès aux soins' }).click();
  await page.getByRole('button', { name: 'Calculer maintenant' }).click();
  await expect.poll(() => page.locator('dd.figure').textContent()).toMatch(/^\d+(,\d)? %$/);
  await j.step('indicateur-questionnaire-calcule');
});

it('the coordination publishes a public summary; anyone reads it, without figures by neighbourhood', async () => {
  const { page, url } = j;
  await page.goto(`${url}/pilotage`);
  await page.getByRole('link', { name: "Plan d'action en faveur des familles monoparentales — Dijon (exemple)", exact: true }).click();
  await page.getByText('Publier un résumé public').click();
  await expect.poll(() => page.getByRole('link', { name: 'Voir le résumé public' }).count()).toBe(1);
  const href = await page.getByRole('link', { name: 'Voir le résumé public' }).getAttribute('href');
  await j.context.clearCookies();
  await page.goto(`${url}${href}`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Dijon');
  await page.getByText("Axe 1 — Améliorer l'accès aux services publics").click();
  await expect.poll(() => page.locator('.indicator-card').filter({ hasText: "Agents formés à l'accueil" }).locator('.figure').textContent()).toBe('12 agents');
  await expect.poll(() => page.getByText('Étouvie').count()).toBe(0);
  await j.step('resume-public');
});

it('a partner reads the actions its structure takes part in', async () => {
  const { page, url } = j;
  const coord = await j.env.as('coordinator');
  const dijon = (await coord.get('/api/pilotage/plans')).json().plans.find((p: any) => /Dijon/.test(p.title));
  const plan = (await coord.get(`/api/pilotage/plans/${dijon.id}`)).json();
  const action = plan.axes[4].objectives[1].actions[0];
  const structure = '00000000-0000-4000-8000-00000000a001';
  const name = (await j.env.client().get(`/api/annuaire/structures/${structure}`)).json().nom as string;
  // The coordination adds the structure from the directory on the action's page.
  await j.login('coordinator');
  await page.goto(`${url}/pilotage/actions/${action.id}`);
  await page.getByLabel(/^Partenaires/).fill('Association partenaire');
  await page.getByLabel(/Chercher une structure/).fill(name);
  await page.getByRole('button', { name: 'Chercher' }).click();
  await page.getByRole('button', { name: `Ajouter ${name}` }).click();
  await expect.poll(() => page.getByRole('button', { name: `Retirer ${name}` }).count()).toBe(1);
  await page.getByRole('button', { name: "Enregistrer l'action" }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Enregistré.' }).count()).toBe(1);
  await j.step('structure-partenaire');
  await j.context.clearCookies();
  await j.login('partner', { structureId: structure });
  await page.goto(`${url}/pilotage`);
  await expect.poll(() => page.getByRole('link', { name: action.title }).count()).toBe(1);
  await j.step('partenaire-actions');
  await page.getByRole('link', { name: action.title }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(action.title);
  await expect.poll(() => page.getByText('Association partenaire').count()).toBe(1);
  await j.step('partenaire-action');
});
