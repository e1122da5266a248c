/**
 * A coordinator plans a focus group, registers two participants with their consents, records
 * two verbatims and tags them, sees them beside the questionnaire's results of their theme, puts
 * one in the report (the report's HTML shows it), then the participant withdraws her consent
 * and the quote is gone from the report. Then the analysis and the personas (demo). Then a
 * family invited from its file answers from its account, choosing how it is quoted.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fillDate, postFromPage, startJourney, type Journey } from './harness';

let j: Journey;
beforeAll(async () => {
  j = await startJourney('diagnostic-listening', { seed: true, now: '2026-03-25T10:00:00+01:00', viewport: { width: 1200, height: 900 } });
});
afterAll(() => j?.close());

const QUOTE = 'Je paie la cantine avant le loyer, sinon les enfants ne mangent pas le midi.';
const QUOTE_2 = 'Le soir, personne pour garder les petits : je refuse les formations.';

async function reportHtml(questionnaireId: string): Promise<string> {
  return j.page.evaluate(async (u) => (await fetch(u)).text(), `/api/diagnostic/questionnaires/${questionnaireId}/report?format=html`);
}

it('plans a focus group, quotes two parents with their consents, puts one in the report, and a withdrawal takes it out', async () => {
  const { page, url } = j;
  await j.login('coordinator');
  const amiens = (await j.env.rt.deps.db.query(`SELECT id FROM diagnostic_questionnaires WHERE is_demo LIMIT 1`)).rows[0].id as string;

  await page.goto(`${url}/diagnostic`);
  await page.getByRole('link', { name: 'Écoute des parents' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Écoute des parents : focus groups et entretiens' }).isVisible()).toBe(true);
  await expect.poll(() => page.getByRole('link', { name: 'Focus 1 : précarité, logement et conditions de vie (démo)' }).isVisible()).toBe(true);
  await j.step('seances');

  // Plan a focus group.
  await page.getByLabel(/^Titre/).fill('Focus group budget et garde');
  await page.getByLabel(/^Thème principal/).selectOption({ label: 'Budget et précarité' });
  await page.getByLabel(/^Quartier/).selectOption({ label: 'Nord' });
  await fillDate(page, 'Date (obligatoire)', '2026-03-20');
  await fillDate(page, 'Heure (obligatoire)', '14:00');
  await page.getByLabel(/^Animation/).fill('Claire, CCAS');
  await page.getByLabel(/^Lieu/).fill('Centre social du Nord');
  await page.getByRole('button', { name: 'Planifier' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Focus group budget et garde' }).isVisible()).toBe(true);
  await j.step('seance-planifiee');

  // Two participants: one quoted by first name with her profile, one anonymously.
  const register = async (opts: { consent: string; firstName?: string; age?: string; profile?: boolean }) => {
    await page.getByText(opts.consent, { exact: true }).click();
    if (opts.firstName) await page.getByLabel(/^Prénom/).fill(opts.firstName);
    if (opts.age) await page.getByLabel(/^Âge/).fill(opts.age);
    await page.getByLabel(/^Quartier de la personne/).selectOption({ label: 'Nord' });
    if (opts.profile) await page.getByText('Accepte que son âge, son quartier').click();
    await page.getByText('Accepte que ses propos soient écrits').click();
    await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
  };
  await register({ consent: 'avec son prénom', firstName: 'Nadia', age: '35', profile: true });
  await expect.poll(() => page.getByText('signe : « Nadia, 35 ans, Nord »').isVisible()).toBe(true);
  await register({ consent: 'anonymement' });
  await expect.poll(() => page.getByText('signe : « Un parent »').isVisible()).toBe(true);
  await page.getByRole('button', { name: 'Présente : Nadia' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Présente : Nadia' }).getAttribute('aria-pressed')).toBe('true');
  await j.step('participants-consentements');

  // Two verbatims, tagged.
  const record = async (speaker: string, text: string, extraTheme: string) => {
    await page.getByLabel(/^Qui parle/).selectOption({ label: speaker });
    await page.getByLabel(/^Paroles citées/).fill(text);
    await page.getByRole('group', { name: 'Thèmes', exact: true }).getByText(extraTheme, { exact: true }).click();
    await page.getByRole('button', { name: 'Enregistrer le verbatim' }).click();
    await expect.poll(() => page.getByText(`« ${text} »`).isVisible()).toBe(true);
  };
  await record('Nadia, 35 ans, Nord', QUOTE, 'Logement');
  await record('Un parent', QUOTE_2, "Garde d'enfants");
  // Tag the first one once more, from its own theme boxes.
  await page.getByRole('group', { name: 'Thèmes du verbatim de Nadia, 35 ans, Nord' }).getByText('Emploi et insertion', { exact: true }).click();
  await expect
    .poll(() => j.env.rt.deps.db.query(`SELECT themes FROM diagnostic_verbatims WHERE text = $1`, [QUOTE]).then((r) => r.rows[0]?.themes))
    .toEqual(['budget', 'logement', 'emploi']);
  await j.step('verbatims-tagues');
  const sessionUrl = page.url();

  // Beside the questionnaire's results of their theme.
  await page.goto(`${url}/diagnostic/${amiens}/resultats`);
  const budget = page.locator('section', { has: page.getByRole('heading', { name: 'Budget et précarité', exact: true }) });
  await expect.poll(() => budget.getByRole('heading', { name: 'Ce que disent les parents' }).isVisible()).toBe(true);
  await expect.poll(() => budget.getByText(`« ${QUOTE} »`).isVisible()).toBe(true);
  await expect.poll(() => budget.getByText(`« ${QUOTE_2} »`).isVisible()).toBe(true);
  await budget.getByRole('heading', { name: 'Ce que disent les parents' }).scrollIntoViewIfNeeded();
  await j.step('resultats-ce-que-disent-les-parents', { fullPage: false });
  expect(await reportHtml(amiens)).not.toContain('cantine avant le loyer');

  // Put one in the report.
  await page.goto(sessionUrl);
  const first = page.locator('figure', { hasText: QUOTE });
  await first.getByRole('button', { name: 'Mettre dans le rapport' }).click();
  await expect.poll(() => first.getByText('Dans le rapport', { exact: true }).isVisible()).toBe(true);
  await j.step('dans-le-rapport');
  const html = await reportHtml(amiens);
  const section = html.slice(html.indexOf('>Budget et précarité</h2>'), html.indexOf('>Logement et cadre de vie</h2>'));
  expect(section).toContain('cantine avant le loyer');
  expect(section).toContain('— Nadia, 35 ans, Nord');
  expect(html).not.toContain('personne pour garder les petits');

  // The report as it prints, checked like a page.
  const report = await j.context.newPage();
  await report.setContent(html);
  await expect.poll(() => report.getByText(`— Nadia, 35 ans, Nord`).first().isVisible()).toBe(true);
  await report.close();

  // Nadia withdraws her consent: the quote goes, from the report too.
  await page.getByRole('button', { name: 'Retrait de l’accord : Nadia' }).click();
  await page.getByRole('button', { name: 'Confirmer le retrait' }).click();
  await expect.poll(() => page.getByText(/Accord retiré le/).isVisible()).toBe(true);
  await expect.poll(() => page.getByText(`« ${QUOTE} »`).count()).toBe(0);
  await j.step('accord-retire');
  expect(await reportHtml(amiens)).not.toContain('cantine avant le loyer');
  await expect
    .poll(() =>
      j.env.rt.deps.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'diagnostic/listening-consent-withdrawn'`).then((r) => r.rows[0].n),
    )
    .toBe(1);

  // On a phone.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.reload();
  await expect.poll(() => page.getByRole('heading', { name: 'Focus group budget et garde' }).isVisible()).toBe(true);
  await j.step('seance-telephone');
  await page.goto(`${url}/diagnostic/${amiens}/resultats`);
  await expect.poll(() => budget.getByText(`« ${QUOTE_2} »`).isVisible()).toBe(true);
  await budget.getByRole('heading', { name: 'Ce que disent les parents' }).scrollIntoViewIfNeeded();
  await j.step('resultats-telephone', { fullPage: false });
  await page.setViewportSize({ width: 1200, height: 900 });
}, 300_000);

it('reads the verbatims by theme and neighbourhood, and the personas on live figures', async () => {
  const { page, url } = j;
  await page.setViewportSize({ width: 1200, height: 900 });
  await j.login('coordinator');
  await page.goto(`${url}/diagnostic/ecoute/analyse`);
  await expect.poll(() => page.getByRole('heading', { name: 'Ce que disent les parents : analyse des verbatims' }).isVisible()).toBe(true);
  await expect.poll(() => page.getByRole('table', { name: 'Verbatims par thème', exact: true }).isVisible()).toBe(true);
  await j.step('analyse');

  await page.getByRole('link', { name: 'Personas' }).first().click();
  await expect.poll(() => page.getByRole('link', { name: 'Le parent éloigné des services (démo)' }).isVisible()).toBe(true);
  await j.step('personas');
  await page.getByRole('link', { name: 'Le parent éloigné des services (démo)' }).click();
  // Live figures from the 86 reference answers: 65,1 % without a driving licence.
  await expect.poll(() => page.getByText(/65,1\s%\sdes répondants \(56 sur 86\) : « Non »/).isVisible()).toBe(true);
  await expect.poll(() => page.getByText('— Amélie, 29 ans, Sud').isVisible()).toBe(true);
  await j.step('persona');
  await page.setViewportSize({ width: 360, height: 800 });
  await j.step('persona-telephone');
  await page.setViewportSize({ width: 1200, height: 900 });
});

it('invites a family from its file; the family answers from its account and chooses how it is quoted', async () => {
  const { page, url } = j;
  await page.setViewportSize({ width: 1200, height: 900 });
  // A session to come, planned by the coordination.
  await j.login('coordinator');
  const planned = await postFromPage(page, '/api/diagnostic/listening/sessions', {
    kind: 'focus_group',
    title: 'Focus group garde le soir',
    theme: 'garde',
    neighbourhoodId: 'nord',
    date: '2026-04-02',
    time: '18:00',
    facilitator: 'Claire, CCAS',
    place: 'Centre social du Nord',
  });
  expect(planned.status).toBe(201);

  // A family with its file and its account.
  const parent = await j.login('parent');
  const created = await postFromPage(page, '/api/dossiers/me', {
    parent: { firstName: 'Samira', lastName: 'Benali', birthDate: '1990-02-14', email: 'samira@example.fr' },
    children: [{ firstName: 'Inès', birthDate: '2018-06-01' }],
    address: { line: '3 rue des Tilleuls', postalCode: '80000', neighbourhoodId: 'nord' },
  });
  expect(created.status).toBe(201);
  const householdId = created.json.household.id as string;

  // The agent, in the family's file (opened with a reason), invites it.
  await j.login('agent');
  expect((await postFromPage(page, `/api/dossiers/households/${householdId}/open`, { reason: 'Accompagnement de la famille' })).status).toBe(200);
  await page.goto(`${url}/dossier/agent/familles/${householdId}`);
  await page.getByRole('link', { name: 'Inviter à une séance d’écoute du diagnostic' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Inviter la famille à une séance d’écoute' }).isVisible()).toBe(true);
  await page.getByRole('button', { name: 'Inviter à cette séance Focus group garde le soir' }).click();
  await expect.poll(() => page.getByText(/Invitée le .* : en attente de réponse/).isVisible()).toBe(true);
  await j.step('invitation-depuis-le-dossier');

  // The family sees it where it follows its participation, and answers.
  await j.loginAs(parent.identifier);
  await page.goto(`${url}/idees`);
  await page.getByRole('link', { name: 'Voir mes invitations et répondre' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Mes invitations à donner mon avis' }).isVisible()).toBe(true);
  await j.step('famille-invitation');
  await page.getByText('Avec un autre prénom que je choisis', { exact: true }).click();
  await page.getByLabel(/^Le prénom à utiliser/).fill('Sam');
  await page.getByText('On peut dire mon âge, mon quartier').click();
  await expect.poll(() => page.getByText('Ce qui serait dit : 36 ans, Nord, 1 enfant.').isVisible()).toBe(true);
  await page.getByRole('button', { name: "J'accepte de venir" }).click();
  await expect.poll(() => page.getByText('Merci ! Votre réponse est enregistrée.').isVisible()).toBe(true);
  await expect.poll(() => page.getByText('Vous avez accepté', { exact: true }).isVisible()).toBe(true);
  await j.step('famille-a-repondu');
  await page.setViewportSize({ width: 360, height: 800 });
  await j.step('famille-telephone');
  await page.setViewportSize({ width: 1200, height: 900 });

  // The coordination sees what the family chose to share, nothing more.
  await j.login('coordinator');
  await page.goto(`${url}/diagnostic/ecoute/${planned.json.id}`);
  await expect.poll(() => page.getByText('signe : « Sam, 36 ans, Nord, 1 enfant »').isVisible()).toBe(true);
  await expect.poll(() => page.getByText('Inscrite par la famille depuis son compte').isVisible()).toBe(true);
  expect(await page.content()).not.toContain('Samira');
  expect(await page.content()).not.toContain('Benali');
  await j.step('coordination-participant-invite');
});
