/**
 * A coordinator builds a three-question survey and publishes it; two people answer it on
 * the public page (one question per screen, the second one leaves and comes back); the
 * coordinator reads the results with their charts, by neighbourhood. Then the Amiens demo.
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PATIENCE_MS, startJourney, type Journey } from './harness';

let h: Journey;
beforeAll(async () => {
  h = await startJourney('diagnostic', { seed: true, viewport: { width: 1200, height: 900 } });
});
afterAll(() => h?.close());

async function answer(path: string, choice: string, stress: string, hood: string, opts: { leaveAndComeBack?: boolean; shots?: boolean; link?: boolean } = {}) {
  // Each respondent in a browser of their own: no account, no shared storage.
  const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
  context.setDefaultTimeout(PATIENCE_MS);
  const page = await context.newPage();
  try {
    await page.goto(`${h.url}${path}`);
    // An open questionnaire starts on request; a personal link starts at once.
    if (!opts.link) await page.getByRole('button', { name: 'Commencer' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Avez-vous une solution de garde ?' }).isVisible()).toBe(true);
    if (opts.shots) await stepOn(page, 'reponse-question-1');
    await page.getByText(choice, { exact: true }).click();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Votre niveau de stress' }).isVisible()).toBe(true);
    if (opts.leaveAndComeBack) {
      // Resumable: the first answer was saved; the page opens again on question 2.
      await page.reload();
      await expect.poll(() => page.getByRole('heading', { name: 'Votre niveau de stress' }).isVisible()).toBe(true);
      await expect.poll(() => page.getByText('Question 2 sur 3').isVisible()).toBe(true);
    }
    await page.getByRole('radio', { name: stress, exact: true }).click({ force: true });
    if (opts.shots) await stepOn(page, 'reponse-echelle');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByText(hood, { exact: true }).click();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Vérifiez vos réponses' }).isVisible()).toBe(true);
    if (opts.shots) await stepOn(page, 'reponse-verification');
    await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    await expect.poll(() => page.getByText('Vos réponses ont bien été envoyées').isVisible()).toBe(true);
    if (opts.shots) await stepOn(page, 'reponse-merci');
  } finally {
    await context.close();
  }
}

/** The harness's step (axe check, then a screenshot) on a respondent's page, not the journey's own. */
async function stepOn(page: Journey['page'], name: string) {
  await page.waitForLoadState('networkidle').catch(() => {});
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  await page.screenshot({ path: `test-results/screens/diagnostic/${name}.png`, fullPage: true });
  expect(
    serious.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((x) => x.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    ),
    `axe on ${name}`,
  ).toEqual([]);
}

it('builds a three-question survey, gets two answers on the public page, and reads the results', async () => {
  const { page } = h;
  await h.login('coordinator');
  await page.goto(`${h.url}/diagnostic`);
  await expect.poll(() => page.getByRole('heading', { name: 'Diagnostic et questionnaires' }).isVisible()).toBe(true);
  await h.step('liste');

  await page.getByRole('link', { name: 'Nouveau questionnaire' }).click();
  await page.getByLabel(/Titre du questionnaire/).fill('Garde d’enfants et stress');
  const add = async (type: string, label: string, options?: string) => {
    await page.getByLabel('Type de la nouvelle question').selectOption(type);
    await page.getByRole('button', { name: 'Ajouter une question' }).click();
    await page
      .getByLabel(/Question posée/)
      .last()
      .fill(label);
    if (options)
      await page
        .getByLabel(/Réponses possibles/)
        .last()
        .fill(options);
  };
  await add('single', 'Avez-vous une solution de garde ?');
  await add('scale', 'Votre niveau de stress');
  // A neighbourhood question offers the town's neighbourhoods, as the town names them.
  await add('neighbourhood', 'Votre quartier');
  const town = (await (await page.request.get(`${h.url}/api/town`)).json()) as { neighbourhoods: { name: string }[] };
  await expect
    .poll(() =>
      page
        .getByLabel(/Réponses possibles/)
        .last()
        .inputValue(),
    )
    .toBe(town.neighbourhoods.map((n) => n.name).join('\n'));
  await page
    .getByLabel(/Réponses possibles/)
    .last()
    .fill('Nord\nSud\nÉtouvie');
  // The preview answers the first question, as a respondent would.
  const preview = page.getByRole('complementary', { name: 'Aperçu' });
  await expect.poll(() => preview.getByRole('heading', { name: 'Avez-vous une solution de garde ?' }).isVisible()).toBe(true);
  await h.step('constructeur');

  // A condition, tried in the preview: the stress question only after « Non ».
  const q2 = page.getByRole('group', { name: 'Question 2' });
  await q2.getByLabel('Afficher seulement si…').selectOption({ label: 'Avez-vous une solution de garde ?' });
  await q2.getByLabel('… la réponse est', { exact: true }).selectOption('Non');
  await preview.getByText('Oui', { exact: true }).click();
  await preview.getByRole('button', { name: 'Suivant' }).click();
  await expect.poll(() => preview.getByRole('heading', { name: 'Votre quartier' }).isVisible()).toBe(true);
  await h.step('constructeur-condition');
  await q2.getByLabel('Afficher seulement si…').selectOption({ label: 'Toujours afficher' });

  await page.getByRole('button', { name: 'Publier' }).click();
  await expect.poll(() => page.getByText('Questionnaire publié').isVisible()).toBe(true);
  await page.waitForURL(/\/diagnostic\/[0-9a-f-]{36}\/modifier/);
  const id = /\/diagnostic\/([0-9a-f-]{36})\/modifier/.exec(page.url())![1]!;
  await page.getByText('Toute personne qui a l’adresse du questionnaire').click();
  await expect.poll(() => page.getByRole('link', { name: new RegExp(`/enquete/${id}`) }).isVisible()).toBe(true);
  // A QR code of the public address, for a poster.
  await expect.poll(() => page.getByRole('img', { name: 'QR code de l’adresse du questionnaire « Garde d’enfants et stress »' }).isVisible()).toBe(true);
  await h.step('publie-collecte');

  // Single-use links for a distribution on paper, and a CSV file with a bad cell.
  await page.getByLabel('Nombre de liens à créer').fill('2');
  await page.getByRole('button', { name: 'Créer les liens' }).click();
  await expect.poll(() => page.getByText('2 lien(s) créé(s)').isVisible()).toBe(true);
  const linksBox = page.getByRole('textbox', { name: 'Liens à usage unique' });
  await expect.poll(async () => (await linksBox.inputValue()).split('\n')).toHaveLength(2);
  const links = (await linksBox.inputValue()).split('\n');
  expect(links[0]).toMatch(/\/enquete\/lien\/[\w-]{20,}$/);
  // One QR code per single-use link, to print and hand out.
  await page.getByText('Voir les 2 QR codes à imprimer (un par lien)').click();
  await expect.poll(() => page.getByRole('img', { name: /^QR code du lien \d$/ }).count()).toBe(2);
  await h.step('qr-liens');
  await page.getByLabel('Fichier CSV', { exact: true }).setInputFiles({
    name: 'terrain.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('id,avez_vous_une_solution_de,votre_niveau_de_stress,votre_quartier\nT1,Non,12,Nord\n'),
  });
  await expect.poll(() => page.getByText(/ligne 2, colonne C \(votre_niveau_de_stress\) : « 12 »/).isVisible()).toBe(true);
  await h.step('collecte-liens-import');

  await answer(`/enquete/${id}`, 'Non', '8', 'Nord', { shots: true });
  await answer(`/enquete/${id}`, 'Oui', '4', 'Sud', { leaveAndComeBack: true });
  // A personal link works once.
  const linkPath = new URL(links[0]!).pathname;
  await answer(linkPath, 'Oui', '6', 'Sud', { link: true });
  const reuse = await h.browser.newPage();
  reuse.setDefaultTimeout(PATIENCE_MS);
  await reuse.goto(`${h.url}${linkPath}`);
  await expect.poll(() => reuse.getByText('Ce lien a déjà servi').isVisible()).toBe(true);
  await reuse.close();

  // Face to face: the kiosk, one person after another.
  await page.goto(`${h.url}/diagnostic/${id}/kiosque`);
  await expect.poll(() => page.getByRole('heading', { name: 'Avez-vous une solution de garde ?' }).isVisible()).toBe(true);
  await h.step('kiosque');
  await page.getByText('Non', { exact: true }).click();
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByRole('radio', { name: '6', exact: true }).click({ force: true });
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByText('Étouvie', { exact: true }).click();
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  await expect.poll(() => page.getByText('Réponses recueillies pendant cette session : 1').isVisible()).toBe(true);
  await h.step('kiosque-merci');
  await page.getByRole('button', { name: 'Nouvelle réponse' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Avez-vous une solution de garde ?' }).isVisible()).toBe(true);

  await page.goto(`${h.url}/diagnostic/${id}/resultats`);
  await expect.poll(() => page.getByText('4 répondant(s)').isVisible()).toBe(true);
  const stress = page.getByRole('article', { name: 'Votre niveau de stress' });
  await expect.poll(() => stress.getByText('Moyenne : 6 (médiane 6)').isVisible()).toBe(true);
  const garde = page.getByRole('article', { name: 'Avez-vous une solution de garde ?' });
  await expect.poll(() => garde.locator('svg.diag-chart rect').count()).toBeGreaterThan(0);
  await expect.poll(() => garde.getByRole('row', { name: /Non 2 50,0/ }).count()).toBe(1);
  // Cross-tabulated by neighbourhood first.
  await expect.poll(() => garde.getByRole('table', { name: /selon « Votre quartier »/ }).count()).toBe(1);
  await h.step('resultats');

  // A filter: only those without a childcare solution.
  await page.getByLabel('Filtrer sur la question').selectOption({ label: 'Avez-vous une solution de garde ?' });
  await page.getByLabel('Réponse', { exact: true }).selectOption('Non');
  await page.getByRole('button', { name: 'Ajouter le filtre' }).click();
  await expect.poll(() => page.getByText('2 répondant(s)').isVisible()).toBe(true);
  await expect.poll(() => stress.getByText('Moyenne : 7 (médiane 7)').isVisible()).toBe(true);
  await h.step('resultats-filtre');

  const { rows } = await h.env.rt.deps.db.query(
    `SELECT channel, count(*) AS n FROM diagnostic_responses WHERE questionnaire_id = $1 AND status = 'submitted' GROUP BY channel ORDER BY channel`,
    [id],
  );
  expect(rows).toEqual([
    { channel: 'kiosk', n: 1 },
    { channel: 'link', n: 1 },
    { channel: 'open', n: 2 },
  ]);
  // The longest journey (builder, four answers in three browsers, kiosk, results): more time on a loaded machine.
}, 240_000);

it('shows the Amiens demo results like the published diagnostic, and exports the report', async () => {
  const { page } = h;
  await page.goto(`${h.url}/diagnostic`);
  await page.getByRole('link', { name: /Résultats : Questionnaire « Parents solo » — Amiens/ }).click();
  await expect.poll(() => page.getByText('86 répondant(s)').isVisible()).toBe(true);
  const stress = page.getByRole('article', { name: 'Niveau de stress (1 à 10)' });
  await expect.poll(() => stress.getByText('Moyenne : 6,24').isVisible()).toBe(true);
  await h.step('resultats-amiens');
  await page.screenshot({ path: 'test-results/screens/diagnostic/resultats-amiens-haut.png' });
  const report = await page.request.get(
    `${page.url().replace(/\/diagnostic\/([^/]+)\/resultats$/, '/api/diagnostic/questionnaires/$1/report')}?format=html&by=quartier`,
  );
  expect(report.status()).toBe(200);
  expect(await report.text()).toContain('Budget et précarité');
});
