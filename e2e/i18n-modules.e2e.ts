/**
 * Journey "i18n-modules" (issue 19, the modules' parent pages): a parent picks English (then, in a second
 * run, Arabic) on the account page; searches the directory by need and opens a service; books a
 * rendez-vous slot; asks the town for an aid with a document and reads its request; opens the Pass
 * Famille Solo; proposes an idea for the town's action plan and reads its news once published; reads
 * the benefits list, its potential rights, places, talking groups and mutual aid (a ride of its own; a group's
 * room joined, where another parent wrote); its invitation to a meeting between parents; then, signed out, the
 * sign-up page (an empty form: the field errors in that language) and the town’s public survey to its
 * thank-you page. At every step, besides axe and the raw-value guard, no French outside a lang="fr" island
 * (the town's data keeps its language: a service's or an aid's name, a place, a document); the Arabic
 * pages are right to left. Screenshots at 360 px (phone) and desktop.
 */
import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tx } from '../src/platform/db/pool';
import { insertUser } from '../src/platform/auth/auth.service';
import { TEST_PASSWORD } from '../src/platform/testing';
import { installAidFiles } from '../src/modules/aides/catalogue.service';
import { offer } from '../src/modules/rendezvous/fixtures/families';
import { localizeMessage } from '../src/platform/http/field-messages';
import { postFromPage, startJourney, type Journey } from './harness';
import { chooseLanguage, frenchOutsideIslands } from './i18n-check';

// Monday 9 March 2026, 9 h in Paris.
const NOW = '2026-03-09T09:00:00+01:00';
const PHONE = { width: 360, height: 800 };
const DESKTOP = { width: 1100, height: 900 };
const MOTIF = 'Permanence du CCAS — accès aux droits';
const AID = 'Aide au permis de conduire';

/** The module's catalogue gives the words to look for, so the journey follows the translations. */
function words(locale: 'en' | 'ar') {
  const cache = new Map<string, Record<string, string>>();
  const tag = locale === 'ar' ? 'ar-u-nu-latn' : 'en-GB';
  return (module: string, key: string, vars: Record<string, string | number> = {}) => {
    // `module` is a feature (its i18n folder) or a feature's other catalogue folder ("pilotage/i18n-idees").
    const dir = module.includes('/') ? module : `${module}/i18n`;
    if (!cache.has(module)) cache.set(module, JSON.parse(fs.readFileSync(path.resolve('web/features', dir, `${locale}.json`), 'utf8')));
    const message = cache.get(module)![key];
    if (message === undefined) throw new Error(`no ${module}.${key} in ${locale}`);
    return String(new IntlMessageFormat(message, tag).format(vars));
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pdf = (text: string) => ({ name: 'piece.pdf', mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.7\n% ${text}\n`) });

describe.each([
  ['en', 'English'],
  ['ar', 'العربية'],
] as const)('a parent in %s', (locale, label) => {
  let j: Journey;
  const w = words(locale);
  let householdId = '';

  /** axe, screenshot (phone too when asked), raw values, and no French outside lang="fr". */
  async function check(name: string, opts: { phone?: boolean } = {}) {
    const { page } = j;
    if (opts.phone) {
      await page.setViewportSize(PHONE);
      await j.step(`${name}-360`);
      expect(await frenchOutsideIslands(page), `French outside lang="fr" on step "${name}-360" (${page.url()})`).toEqual([]);
      await page.setViewportSize(DESKTOP);
    }
    await j.step(name);
    expect(await frenchOutsideIslands(page), `French outside lang="fr" on step "${name}" (${page.url()})`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'ar' ? 'rtl' : 'ltr');
  }

  beforeAll(async () => {
    j = await startJourney(`i18n-modules-${locale}`, { seed: true, now: NOW, viewport: DESKTOP });
    const rt = j.env.rt;
    const now = j.env.clock.now();
    await tx(rt.deps.db, (t) => installAidFiles(t, now, 2026));
    const agent = await insertUser(rt.deps.db, {
      identifier: `agent-i18n-${locale}@e2e.relais.fr`,
      password: TEST_PASSWORD,
      role: 'agent',
      displayName: 'Claire Martin',
    });
    await offer(
      rt,
      {
        agentId: agent.id,
        motif: { name: MOTIF, documents: ['avis d’imposition', 'attestation CAF'] },
        recurrence: { kind: 'weekly', weekdays: [1, 2, 3, 4, 5] },
        startTime: '09:00',
        endTime: '12:00',
        firstDate: '2026-03-01',
      },
      now,
    );

    // The family: an account, its file (entered earlier), the Pass Famille Solo issued by an agent.
    const parent = await j.login('parent');
    const created = await postFromPage(j.page, '/api/dossiers/me', {
      parent: { firstName: 'Samia', lastName: 'Benali', birthDate: '1990-05-12', email: parent.identifier, phone: '+33612345678' },
      children: [{ firstName: 'Lina', birthDate: '2019-09-01' }],
      address: { line: '12 rue des Lilas', postalCode: '80000', city: 'Amiens', inseeCode: '80021', neighbourhoodId: 'nord' },
      situation: { activity: 'chomeur', unemploymentNetMonthlyCents: 90000, annualIncomeCents: 1_000_000, familyBenefitsMonthlyCents: 20_000 },
      housing: { status: 'locataire_hlm', rentMonthlyCents: 45000 },
      quotient: { entered: 450 },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    householdId = created.json.household.id as string;
    expect(
      (await postFromPage(j.page, '/api/dossiers/me/documents', { kind: 'avis-imposition', validFrom: '2025-09-01', validUntil: '2026-08-31' })).status,
    ).toBe(201);
    const staff = await j.env.as('agent');
    await staff.post(`/api/dossiers/households/${householdId}/open`, { reason: 'Pass Famille Solo' });
    const pass = await staff.post(`/api/cheques/households/${householdId}/pass`, {});
    expect(pass.statusCode, pass.body).toBe(201);

    await chooseLanguage(j, locale, label);
  }, 180_000);
  afterAll(() => j?.close());

  it('searches the directory by need and opens a service', async () => {
    const { page, url } = j;
    await page.goto(`${url}/annuaire`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(w('annuaire', 'title'));
    await check('annuaire', { phone: true });
    await page.getByRole('button', { name: new RegExp(escape(w('annuaire', 'need.garde.need'))) }).click();
    await expect.poll(() => page.locator('.annuaire-results > li').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#results-title').textContent()).not.toBe(w('annuaire', 'loading'));
    await check('annuaire-garde');
    await page.locator('.annuaire-results > li').first().getByRole('link').first().click();
    await page.waitForURL(/\/annuaire\/services\//);
    await expect.poll(() => page.getByRole('heading', { name: w('annuaire', 'hours') }).count()).toBe(0);
    await expect.poll(() => page.getByText(w('annuaire', 'back')).count()).toBe(1);
    await check('annuaire-service', { phone: true });
  });

  it('books a rendez-vous slot', async () => {
    const { page, url } = j;
    await page.goto(`${url}/rendez-vous`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(w('rendezvous', 'title'));
    await expect.poll(() => page.getByRole('button', { name: new RegExp(escape(MOTIF)) }).count()).toBe(1);
    await check('rendezvous', { phone: true });
    await page.getByRole('button', { name: new RegExp(escape(MOTIF)) }).click();
    await expect.poll(() => page.locator('.rdv-slots button').count()).toBeGreaterThan(0);
    await check('rendezvous-creneaux');
    await page.locator('.rdv-slots button').first().click();
    await expect.poll(() => page.getByRole('heading', { name: w('rendezvous', 'step3') }).count()).toBe(1);
    await check('rendezvous-confirmer', { phone: true });
    await page.getByRole('button', { name: w('rendezvous', 'confirm') }).click();
    await expect.poll(() => page.getByText(w('rendezvous', 'booked')).count()).toBe(1);
    await check('rendezvous-reserve');
    await page.goto(`${url}/rendez-vous/mes-rendez-vous`);
    await expect.poll(() => page.getByRole('heading', { name: new RegExp(escape(MOTIF)) }).count()).toBe(1);
    await check('mes-rendez-vous', { phone: true });
  });

  it('asks for an aid with a document and reads its request', async () => {
    const { page, url } = j;
    await page.goto(`${url}/aides`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(w('aides', 'title'));
    const permis = page.locator('section[aria-labelledby="mine"] li').filter({ has: page.getByRole('heading', { name: AID }) });
    await expect.poll(() => permis.count()).toBe(1);
    await page.getByLabel(w('aides', 'residence')).fill('24');
    await page.getByRole('button', { name: w('aides', 'update') }).click();
    await expect.poll(() => permis.getByText(w('aides', 'eligible')).count()).toBe(1);
    await check('aides', { phone: true });
    await permis.getByRole('link', { name: w('aides', 'ask') }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(w('aides', 'formTitle', { title: AID }));
    await expect.poll(() => page.getByText(w('aides', 'inFile')).count()).toBe(1);
    await page.getByLabel(/^Coût total du permis/).fill('1500');
    await page.getByLabel(/^Nom de l'auto-école/).fill('Auto-école du Nord');
    await page.getByLabel(w('aides', 'chooseFile', { label: 'Justificatif de domicile de moins de 3 mois' })).setInputFiles(pdf('quittance'));
    await check('aides-formulaire', { phone: true });
    await page.getByRole('button', { name: w('aides', 'send') }).click();
    await page.waitForURL(/\/aides\/demandes\//);
    await expect.poll(() => page.getByText(w('aides', 'sent')).count()).toBe(1);
    await expect.poll(() => page.getByText(w('aides', 'status.deposee')).count()).toBeGreaterThan(0);
    await check('aides-demande', { phone: true });
  });

  it('proposes an idea for the action plan and reads its news', async () => {
    const { page, url } = j;
    const ideas = 'pilotage/i18n-idees';
    const title = locale === 'ar' ? 'مقهى للآباء والأمهات يوم السبت' : 'A parents’ café on Saturday mornings';
    await page.goto(`${url}/idees`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(w(ideas, 'title'));
    await expect.poll(() => page.locator('.ideas > li').count()).toBeGreaterThan(0);
    await check('idees', { phone: true });
    await page.getByLabel(new RegExp(`^${escape(w(ideas, 'axis'))}`)).selectOption({ index: 1 });
    await page.getByLabel(new RegExp(`^${escape(w(ideas, 'ideaTitle'))}`)).fill(title);
    await page
      .getByLabel(new RegExp(`^${escape(w(ideas, 'ideaBody'))}`))
      .fill(locale === 'ar' ? 'لقاء بين الوالدين مع ركن للأطفال.' : 'A time to meet, with a corner for the children.');
    await page.getByRole('button', { name: w(ideas, 'send') }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: w(ideas, 'sent') })
          .count(),
      )
      .toBe(1);
    await expect.poll(() => page.getByText(w(ideas, 'status.pending'), { exact: true }).count()).toBe(1);
    await check('idees-proposee', { phone: true });

    // The coordination publishes it: the parent reads the news in its language.
    const coordinator = await j.env.as('coordinator');
    const staff = JSON.parse((await coordinator.get('/api/pilotage/ideas/staff')).body) as { proposals: { id: string; title: string }[] };
    const mine = staff.proposals.find((p) => p.title === title);
    expect(mine, 'the idea is waiting for review').toBeTruthy();
    expect((await coordinator.post(`/api/pilotage/ideas/${mine!.id}/moderation`, { decision: 'publish' })).statusCode).toBe(200);
    await page.reload();
    await expect.poll(() => page.getByText(w(ideas, 'status.published'), { exact: true }).count()).toBe(1);
    await expect.poll(() => page.locator('.idea-news li').filter({ hasText: title }).count()).toBe(1);
    await check('idees-nouvelles', { phone: true });
  });

  it('reads the other parent pages: the benefits list, its potential rights, places, talking groups, mutual aid', async () => {
    const { page, url } = j;
    for (const [path, module, key, name] of [
      ['/droits/prestations', 'droits', 'list.title', 'prestations'],
      ['/droits/potentiels', 'droits', 'pot.title', 'potentiels'],
      ['/places', 'attribution', 'title', 'places'],
      ['/groupes', 'groupes', 'title', 'groupes'],
      ['/entraide/voisins', 'entraide', 'title', 'entraide'],
    ] as const) {
      await page.goto(`${url}${path}`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(w(module, key));
      await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
      await check(name, { phone: true });
    }
  });

  it('opens its Pass Famille Solo', async () => {
    const { page, url } = j;
    await page.goto(`${url}/cheques/famille`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(w('cheques', 'title'));
    await expect.poll(() => page.getByText(w('cheques', 'status_valid'), { exact: true }).count()).toBe(1);
    await expect.poll(() => page.locator('.cheques-number').count()).toBe(1);
    await check('cheques-pass', { phone: true });
    await page.goto(`${url}/cheques/offres`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(w('cheques', 'offersTitle'));
    await check('cheques-offres');
  });

  it('walks the newer modules’ pages, each form’s empty submit answered in its language', async () => {
    const { page, url } = j;
    /** A form's error summary, each of the server's French sentences shown in the page's language (field-messages). */
    async function errorsInLanguage(name: string, sentences: string[]) {
      const summary = page.getByRole('alert').filter({ has: page.locator('li') });
      await expect.poll(() => summary.locator('li').count()).toBeGreaterThan(0);
      for (const sentence of sentences) {
        const said = localizeMessage(sentence, locale);
        expect(said.lang, `no ${locale} for « ${sentence} »`).toBe(locale);
        await expect
          .poll(() => summary.locator('li').filter({ hasText: said.message }).count(), { message: `« ${said.message} » in "${name}"` })
          .toBeGreaterThan(0);
      }
      await check(name, { phone: true });
    }

    // A ride to an activity of the directory: its card is headed by the activity's French name.
    const leisure = await page.evaluate(() =>
      fetch('/api/annuaire/services?besoin=loisirs').then((r) => r.json() as Promise<{ services: { id: string; latitude: number | null }[] }>),
    );
    const activity = leisure.services.find((s) => s.latitude !== null);
    expect(activity, 'a located leisure activity in the directory').toBeTruthy();
    const ride = await postFromPage(page, '/api/entraide/rides', {
      serviceId: activity!.id,
      weekday: 3,
      arriveAt: '14:00',
      fromDay: '2026-03-11',
      toDay: '2026-06-24',
      role: 'passenger',
      children: 1,
    });
    expect(ride.status, JSON.stringify(ride.json)).toBe(201);

    // Mutual aid, every section a family reaches; its board's post form, sent empty.
    for (const [section, tab] of [
      ['voisins', 'tabVoisins'],
      ['parentotheque', 'tabParentotheque'],
      ['garde', 'tabGarde'],
      ['covoiturage', 'tabCovoiturage'],
      ['depannage', 'tabDepannage'],
      ['tutorat', 'tabTutorat'],
    ] as const) {
      await page.goto(`${url}/entraide/${section}`);
      await expect
        .poll(() =>
          page
            .locator('[aria-current="page"]')
            .filter({ hasText: w('entraide', tab) })
            .count(),
        )
        .toBe(1);
      await expect.poll(() => page.locator('[aria-busy="true"], [role="status"]').count()).toBe(0);
      // Its ride's card (the one that can be cancelled), headed by the activity's name as a French island.
      const rideCard = page.locator('.entraide-card', { has: page.getByRole('button', { name: w('entraide', 'rideCancel'), exact: true }) });
      if (section === 'covoiturage') await expect.poll(() => rideCard.locator('h3 [lang="fr"]').count()).toBe(1);
      await check(`entraide-${section}`, { phone: true });
    }
    await page.goto(`${url}/entraide/voisins`);
    await page.getByRole('button', { name: w('entraide', 'publish'), exact: true }).click();
    await errorsInLanguage('entraide-annonce-erreurs', ['Le titre fait au moins 3 caractères.', 'Date et heure invalides.']);

    // The action plan's ideas: the form sent empty; the town's public plan.
    await page.goto(`${url}/idees`);
    await expect.poll(() => page.locator('.ideas > li').count()).toBeGreaterThan(0);
    // The area is a native required list (the browser itself asks for it): chosen, the rest left empty.
    await page.getByLabel(new RegExp(`^${escape(w('pilotage/i18n-idees', 'axis'))}`)).selectOption({ index: 1 });
    await page.getByRole('button', { name: w('pilotage/i18n-idees', 'send') }).click();
    await errorsInLanguage('idees-erreurs', ['Le titre doit faire au moins 3 caractères.', 'Décrivez votre idée.']);
    await page.goto(`${url}/plan-d-action`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(w('pilotage', 'publicTitle'));
    await check('plan-d-action', { phone: true });

    // A talking group joined with no pseudonym: the field's error in the page's language.
    await page.goto(`${url}/groupes`);
    const join = page.getByRole('button', { name: w('groupes', 'join'), exact: true }).first();
    await expect.poll(() => join.count()).toBe(1);
    await join.click();
    const tooShort = localizeMessage('Le pseudonyme doit faire au moins 2 caractères.', locale).message;
    await expect.poll(() => page.locator('[id$="-error"]').filter({ hasText: tooShort }).count()).toBeGreaterThan(0);
    await check('groupes-rejoindre-erreur', { phone: true });
    // Joined under a pseudonym: the room, live, with what another parent wrote (in French).
    await page
      .getByLabel(new RegExp(`^${escape(w('groupes', 'pseudonym'))}`))
      .first()
      .fill(locale === 'ar' ? 'قمر' : 'Moon');
    await join.click();
    await page.waitForURL(/\/groupes\/salons\//);
    const roomId = page.url().split('/groupes/salons/')[1]!.split(/[?#]/)[0]!;
    await expect.poll(() => page.getByText(w('groupes', 'live'), { exact: true }).count()).toBe(1);
    const other = await j.env.as('parent');
    expect((await other.post(`/api/groupes/rooms/${roomId}/join`, { pseudonym: 'Soleil' })).statusCode).toBe(200);
    expect((await other.post(`/api/groupes/rooms/${roomId}/messages`, { body: 'Bonsoir à toutes et tous, première fois ici.' })).statusCode).toBe(201);
    await expect.poll(() => page.locator('.groupes-message').count()).toBe(1);
    await check('groupes-salon', { phone: true });

    // An aid's request sent empty.
    await page.goto(`${url}/aides`);
    const permis = page.locator('section[aria-labelledby="mine"] li').filter({ has: page.getByRole('heading', { name: AID }) });
    await expect.poll(() => permis.count()).toBe(1);
    await permis.getByRole('link', { name: w('aides', 'ask') }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(w('aides', 'formTitle', { title: AID }));
    await page.getByRole('button', { name: w('aides', 'send') }).click();
    await errorsInLanguage('aides-formulaire-erreurs', ['Ce champ est obligatoire.']);

    // The town invites the family to a meeting between parents (planned by the coordination, from its file by an agent).
    const coordination = await j.env.as('coordinator');
    const planned = await coordination.post('/api/diagnostic/listening/sessions', {
      kind: 'focus_group',
      title: 'Focus group garde le soir',
      theme: 'garde',
      neighbourhoodId: 'nord',
      date: '2026-03-26',
      time: '18:00',
      facilitator: 'Claire, CCAS',
      place: 'Centre social du Nord',
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const inviter = await j.env.as('agent');
    await inviter.post(`/api/dossiers/households/${householdId}/open`, { reason: 'Accompagnement de la famille' });
    const invited = await inviter.post(`/api/diagnostic/listening/sessions/${planned.json().id}/invitations`, { householdId });
    expect(invited.statusCode, invited.body).toBe(201);

    // Its applications for places, its invitations to share its views (one waits), its file's renewal (none open yet).
    for (const [path, module, key, name] of [
      ['/places/mes-demandes', 'attribution', 'myTitle', 'places-mes-demandes'],
      ['/ecoute/invitations', 'diagnostic/i18n-invitations', 'title', 'ecoute-invitations'],
      ['/dossier/renouvellement', 'dossiers', 'renewal', 'dossier-renouvellement'],
    ] as const) {
      await page.goto(`${url}${path}`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(w(module, key));
      await expect.poll(() => page.locator('[aria-busy="true"], p[role="status"]').count()).toBe(0);
      if (name === 'ecoute-invitations')
        await expect.poll(() => page.getByText(w('diagnostic/i18n-invitations', 'status.pending'), { exact: true }).count()).toBe(1);
      await check(name, { phone: true });
    }
    await expect.poll(() => page.getByText(w('dossiers', 'renewalNone')).count()).toBe(1);
  });

  it('as a visitor, in the language kept by the browser: signs up with an empty form, then answers the town’s public survey', async () => {
    const { page, url } = j;
    const app = '../app/i18n'; // the shell's catalogue (web/app/i18n), read like a feature's
    // The town publishes a questionnaire open to anyone with its address (its questions stay in French).
    const coordinator = await j.env.as('coordinator');
    const created = await coordinator.post('/api/diagnostic/questionnaires', {
      access: 'open',
      definition: {
        title: 'Garde d’enfants',
        questions: [
          { id: 'garde', type: 'single', label: 'Avez-vous une solution de garde ?', options: ['Oui', 'Non'], required: true },
          { id: 'stress', type: 'scale', label: 'Votre niveau de stress' },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = JSON.parse(created.body).id as string;
    expect((await coordinator.post(`/api/diagnostic/questionnaires/${id}/publish`, {})).statusCode).toBe(200);

    // Signed out: the browser keeps the language chosen earlier.
    await page.context().clearCookies();
    await page.setViewportSize(PHONE);
    await page.goto(`${url}/inscription`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(w(app, 'signup.title'));
    await check('inscription', { phone: true });
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: w(app, 'signup.submit') }).click();
    // Every field is named in the summary, its error worded by the server in the page's language.
    const summary = page.getByRole('alert').filter({ has: page.locator('li') });
    await expect.poll(() => summary.locator('li').count()).toBe(3);
    expect(await summary.locator('li [lang="fr"]').count(), 'field errors fell back to French').toBe(0);
    for (const key of ['signup.name', 'signup.identifier', 'signup.password'])
      await expect
        .poll(() =>
          summary
            .locator('li')
            .filter({ hasText: w(app, key) })
            .count(),
        )
        .toBe(1);
    await check('inscription-erreurs', { phone: true });

    await page.setViewportSize(PHONE);
    await page.goto(`${url}/enquete/${id}`);
    await page.getByRole('button', { name: w('diagnostic', 'start') }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Avez-vous une solution de garde ?' }).isVisible()).toBe(true);
    await check('enquete-question', { phone: true });
    await page.setViewportSize(PHONE);
    await page.getByText('Oui', { exact: true }).click();
    await page.getByRole('button', { name: w('diagnostic', 'next') }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Votre niveau de stress' }).isVisible()).toBe(true);
    await page.getByRole('radio', { name: '4', exact: true }).click({ force: true });
    await page.getByRole('button', { name: w('diagnostic', 'next') }).click();
    await expect.poll(() => page.getByRole('heading', { name: w('diagnostic', 'review') }).isVisible()).toBe(true);
    await check('enquete-verification', { phone: true });
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: w('diagnostic', 'send') }).click();
    await expect.poll(() => page.getByText(w('diagnostic', 'thanksText')).isVisible()).toBe(true);
    await check('enquete-merci', { phone: true });
  });
});
