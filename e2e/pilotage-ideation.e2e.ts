/**
 * Journey (issue 21, ideation): a parent proposes an idea for the Amiens plan; a coordinator
 * publishes it; the parent supports it; the coordinator turns it into an action of the plan and
 * starts it; the parent reads, on « Vos idées » and in the message sent, that it became an
 * action and has started. Then the territory figures page shows the Amiens figures with their
 * source beside the questionnaire, and a wrong file is refused line by line; a plan indicator's
 * count is reported to the territory's single-parent families, then to the figure the
 * coordinator chooses (families with children).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startJourney, type Journey } from './harness';

let j: Journey;
beforeAll(async () => {
  j = await startJourney('pilotage-ideation', { seed: true, now: '2026-03-10T10:00:00+01:00' });
}, 120_000);
afterAll(() => j?.close());

const IDEA = 'Un café des parents solos le samedi matin';

async function tellFollowers() {
  await j.env.rt.deps.jobs.runNow('pilotage.tell-followers', {});
}

it('a parent proposes and supports an idea, the coordinator turns it into an action, the parent is told', async () => {
  const { page, url } = j;
  const parent = await j.login('parent');
  await page.goto(`${url}/idees`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe("Vos idées pour le plan d'action");
  // The workshop's solutions are there, already actions of the plan.
  await expect.poll(() => page.getByText("Devenue l'action « Aide au financement du permis de conduire »").count()).toBe(1);
  await page.getByLabel(/^Axe du plan/).selectOption({ index: 2 });
  await page.getByLabel(/^Titre de votre idée/).fill(IDEA);
  await page.getByLabel(/^Votre idée en quelques phrases/).fill('Un moment pour se retrouver entre parents, avec un coin pour les enfants, au centre social.');
  await page.getByRole('button', { name: 'Envoyer mon idée' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Votre idée est envoyée' }).count()).toBe(1);
  await expect.poll(() => page.getByText('En cours de relecture').count()).toBe(1);
  await j.step('idee-proposee');
  await page.setViewportSize({ width: 360, height: 800 });
  await j.step('idee-proposee-360');
  await page.setViewportSize({ width: 1100, height: 900 });

  // The coordinator publishes it.
  await page.context().clearCookies();
  const coordinator = await j.login('coordinator');
  await page.goto(`${url}/pilotage/idees`);
  await expect.poll(() => page.getByRole('heading', { name: 'À relire (1)' }).count()).toBe(1);
  await j.step('moderation');
  await page.getByRole('button', { name: `Publier : ${IDEA}` }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'À relire (0)' }).count()).toBe(1);

  // The parent supports it.
  await j.loginAs(parent.identifier);
  await page.goto(`${url}/idees`);
  await page.getByRole('button', { name: `Soutenir cette idée : ${IDEA}` }).click();
  await expect.poll(() => page.getByRole('button', { name: `Retirer mon soutien : ${IDEA}` }).count()).toBe(1);
  await expect.poll(() => page.getByRole('listitem').filter({ hasText: IDEA }).filter({ hasText: '1 soutien' }).count()).toBeGreaterThan(0);
  await j.step('idee-soutenue');

  // The coordinator turns it into an action of its axis, then starts it.
  await j.loginAs(coordinator.identifier);
  await page.goto(`${url}/pilotage/idees`);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: IDEA }) });
  await card.getByLabel(/^Objectif où l'action prend place/).selectOption({ index: 1 });
  await card.getByRole('button', { name: "Créer l'action" }).click();
  await expect.poll(() => page.getByRole('link', { name: `Devenue l'action « ${IDEA} »` }).count()).toBe(1);
  await j.step('idee-devenue-action');
  await page.getByRole('link', { name: `Devenue l'action « ${IDEA} »` }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(IDEA);
  await expect.poll(() => page.getByText(`Issue de l'idée « ${IDEA} » (1 soutien)`).count()).toBe(1);
  await page.getByLabel('Statut').selectOption('en_cours');
  await page.getByRole('button', { name: "Enregistrer l'action" }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Enregistré.' }).count()).toBe(1);
  await j.step('action-issue-de-l-idee');
  // The parent is told: on the page, and by the message sent through the outbox.
  await tellFollowers();
  await j.loginAs(parent.identifier);
  await page.goto(`${url}/idees`);
  await expect.poll(() => page.getByText(`L'idée « ${IDEA} » devient une action du plan.`).count()).toBe(1);
  await expect.poll(() => page.getByText(`L'action « ${IDEA} » a démarré.`).count()).toBe(1);
  await expect.poll(() => page.getByText(`Devenue l'action « ${IDEA} »`).count()).toBeGreaterThan(0);
  await j.step('parent-prevenu');
  await page.setViewportSize({ width: 360, height: 800 });
  await j.step('parent-prevenu-360');
  await page.setViewportSize({ width: 1100, height: 900 });
  // The messages sent through the outbox (the queue's job run here: the harness's queue does not work).
  await expect
    .poll(async () => {
      await tellFollowers();
      const { rows } = await j.env.rt.deps.db.query(`SELECT template FROM notifications WHERE user_id = $1 ORDER BY created_at, id`, [parent.id]);
      return rows.map((r: { template: string }) => r.template).sort();
    })
    .toEqual(['pilotage.idea-action-status', 'pilotage.idea-became-action', 'pilotage.idea-published']);
});

it('the territory figures page shows the Amiens figures with their source, beside the questionnaire', async () => {
  const { page, url } = j;
  await page.context().clearCookies();
  await j.login('coordinator');
  await page.goto(`${url}/pilotage/territoire`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Chiffres du territoire');
  await expect.poll(() => page.getByRole('cell', { name: /^6\s613$/ }).count()).toBeGreaterThan(0);
  await expect.poll(() => page.getByRole('cell', { name: /^16\s830$/ }).count()).toBe(1);
  await expect.poll(() => page.getByRole('cell', { name: /^41\s%$/ }).count()).toBe(1);
  await expect.poll(() => page.getByText(/Source : INSEE \(recensement de la population\) et Observatoire social communal d'Amiens/).count()).toBe(1);
  await expect.poll(() => page.getByRole('heading', { name: 'À côté du questionnaire' }).count()).toBe(1);
  await j.step('territoire');
  await page.setViewportSize({ width: 360, height: 800 });
  await j.step('territoire-360');
  await page.setViewportSize({ width: 1100, height: 900 });

  // A wrong file: every wrong line said, nothing imported.
  await page
    .getByLabel('Fichier CSV')
    .setInputFiles({ name: 'quartiers.csv', mimeType: 'text/csv', buffer: Buffer.from('zone;familles_monoparentales\nNord;1 650\nLongueau;12\n') });
  await page.getByLabel(/^Année des chiffres/).fill('2021');
  await page.getByLabel(/^Source des chiffres/).fill('INSEE, RP 2021');
  await page.getByRole('button', { name: 'Importer' }).click();
  await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Ligne 3, colonne A (zone)' }).count()).toBe(1);
  await j.step('import-refuse');

  // The corrected file: the neighbourhoods get their figures and the ratios their denominators.
  await page
    .getByLabel('Fichier CSV')
    .setInputFiles({ name: 'quartiers.csv', mimeType: 'text/csv', buffer: Buffer.from('zone;familles_monoparentales\nNord;1 650\nÉtouvie;980\n') });
  await page.getByRole('button', { name: 'Importer' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: '2 chiffre(s) importé(s) pour 2 territoire(s), année 2021.' }).count()).toBe(1);
  await page.getByLabel('Année', { exact: true }).selectOption('2021');
  await expect.poll(() => page.getByRole('cell', { name: /^1\s650$/ }).count()).toBeGreaterThan(0);
  await j.step('import-2021', { fullPage: true });

  // The figures are the denominator of the plan's counts: files opened for 1,000 single-parent families.
  const coord = await j.env.as('coordinator');
  const amiens = (await coord.get('/api/pilotage/plans')).json().plans.find((p: { title: string }) => p.title.includes('Amiens'));
  const tree = (await coord.get(`/api/pilotage/plans/${amiens.id}`)).json();
  const files = tree.axes
    .flatMap((a: any) => a.objectives.flatMap((o: any) => o.actions.flatMap((x: any) => x.indicators)))
    .find((i: { label: string }) => i.label === 'Dossiers de familles ouverts par les agents');
  await page.goto(`${url}/pilotage/indicateurs/${files.id}`);
  await page.getByRole('button', { name: 'Calculer maintenant' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Rapporté aux familles monoparentales du territoire (mars 2026)' }).count()).toBe(1);
  await expect.poll(() => page.getByRole('cell', { name: /^6\s613$/ }).count()).toBe(1);
  await j.step('indicateur-rapporte');

  // The coordinator reports this count to another figure of the territory: families with children.
  await page.getByLabel(/^Rapporter ce compte aux/).selectOption({ label: 'Familles avec enfants' });
  await expect.poll(() => page.getByRole('heading', { name: 'Rapporté aux familles avec enfants du territoire (mars 2026)' }).count()).toBe(1);
  await expect.poll(() => page.getByRole('cell', { name: /^16\s830$/ }).count()).toBe(1);
  await expect.poll(() => page.getByRole('columnheader', { name: /^Pour 1\s000 familles avec enfants$/ }).count()).toBe(1);
  await expect
    .poll(() => j.env.rt.deps.db.query(`SELECT denominator FROM pilotage_indicators WHERE id = $1`, [files.id]).then((r) => r.rows[0].denominator))
    .toBe('familles');
  await j.step('indicateur-rapporte-familles');
  await page.setViewportSize({ width: 360, height: 800 });
  await j.step('indicateur-rapporte-360');
  await page.setViewportSize({ width: 1100, height: 900 });
});
