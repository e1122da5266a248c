/**
 * Journey (issue 14): on a 360 px phone, a family books an occasional crèche half-day in
 * three taps for its child, finds the next day full for its age group (while the under-ones
 * still have room) and joins its waitlist (told it is no booking); an agent, from another family's file, cancels that family's booking; the seat
 * is offered to the first family, who takes it. The family books a collective workshop for
 * itself and its child; the agent moves that workshop to another room (the family is told);
 * on the day, the agent marks both present from the agenda. Then an
 * emergency childcare request reaches the on-call inbox and is answered; a coordinator adds
 * a plage "1er et 3e mardi du mois" in the offer editor.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { insertUser } from '../src/platform/auth/auth.service';
import { TEST_PASSWORD } from '../src/platform/testing';
import { book } from '../src/modules/rendezvous/bookings.service';
import { insertLieu } from '../src/modules/rendezvous/catalogue.store';
import { families, offer } from '../src/modules/rendezvous/fixtures/families';
import { postFromPage, startJourney, type Journey, fillDate } from './harness';

// Monday 9 March 2026, 9 h in Paris.
const NOW = '2026-03-09T09:00:00+01:00';
const PHONE = { width: 360, height: 800 };
const DESKTOP = { width: 1100, height: 900 };

let j: Journey;
let agentIdentifier: string;
let creche: Awaited<ReturnType<typeof offer>>;
let otherFamily: Awaited<ReturnType<typeof families>>[number];

beforeAll(async () => {
  j = await startJourney('rendezvous', { now: NOW, viewport: PHONE });
  const rt = j.env.rt;
  const now = j.env.clock.now();
  agentIdentifier = `agent-rdv-${Math.random().toString(36).slice(2, 6)}@e2e.relais.fr`;
  const agent = await insertUser(rt.deps.db, { identifier: agentIdentifier, password: TEST_PASSWORD, role: 'agent', displayName: 'Claire Martin' });
  // One seat for the 1–3 years and two for the under-ones each half-day, Monday to Friday mornings.
  creche = await offer(
    rt,
    {
      motif: {
        name: 'Crèche occasionnelle — demi-journée',
        kind: 'creche',
        collective: true,
        durationMinutes: 240,
        minNoticeMinutes: 60,
        cancelNoticeMinutes: 120,
        documents: ['carnet de santé (vaccins)'],
      },
      resourceCapacities: { '0-1': 2, '1-3': 1 },
      recurrence: { kind: 'weekly', weekdays: [1, 2, 3, 4, 5] },
      startTime: '08:30',
      endTime: '12:30',
      firstDate: '2026-03-01',
    },
    now,
  );
  await offer(
    rt,
    {
      agentId: agent.id,
      motif: { name: 'Atelier parents-enfants', kind: 'atelier', collective: true, capacity: 8, durationMinutes: 120, minNoticeMinutes: 60, documents: [] },
      recurrence: { kind: 'weekly', weekdays: [4] },
      startTime: '14:00',
      endTime: '16:00',
      firstDate: '2026-03-01',
    },
    now,
  );
  // A second room, for the workshop moved there.
  await insertLieu(
    rt.deps.db,
    { name: 'Centre social Etouvie', address: '2 rue Jean Moulin', neighbourhoodId: 'ouest', accessibility: null, singleUseDate: null },
    now,
  );
  // Another family already holds Tuesday's only seat for its toddler.
  [otherFamily] = await families(rt, 1, ['2024-09-01'], now);
  await book(otherFamily!.ctx, {
    motifId: creche.motifId,
    ownerId: creche.ownerId,
    start: new Date('2026-03-10T07:30:00Z'),
    parent: false,
    childIds: otherFamily!.childIds,
  });
}, 120_000);
afterAll(() => j?.close());

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

async function pickMotifAndSlot(page: Page, motif: string, day: string, time: string) {
  await page.getByRole('button', { name: new RegExp(motif) }).click();
  const dayBox = page.getByRole('region', { name: day });
  // A collective slot's button also says its seats left ("14 h · 8 places").
  await dayBox.getByRole('button', { name: new RegExp(`^${time}( ·|$)`) }).click();
  await expect.poll(() => page.getByRole('heading', { name: '3. Confirmer' }).count()).toBe(1);
}

it('a family books a crèche half-day, waits for a full one and is promoted when an agent cancels; books a workshop with its child; the agent marks presence', async () => {
  const { page, url } = j;

  // ——— the family, on its phone, with its file (a toddler)
  const parent = await j.login('parent');
  const created = await postFromPage(page, '/api/dossiers/me', {
    parent: { firstName: 'Samia', lastName: 'Benali', birthDate: '1990-05-12', email: parent.identifier, phone: '+33612345678' },
    children: [{ firstName: 'Lina', birthDate: '2024-05-01' }],
    address: { line: '12 rue des Lilas', postalCode: '80000', city: 'Amiens', inseeCode: '80021', neighbourhoodId: 'nord' },
  });
  expect(created.status).toBe(201);

  await page.goto(`${url}/rendez-vous`);
  await expect.poll(() => h1(page)).toBe('Prendre rendez-vous');
  await expect.poll(() => page.getByRole('button', { name: /Crèche occasionnelle/ }).count()).toBe(1);
  await j.step('choisir-motif');

  // Tap 1: the motif; tap 2: Wednesday 8 h 30; tap 3: confirm (Lina, the only child, is chosen).
  await page.getByRole('button', { name: /Crèche occasionnelle/ }).click();
  await expect.poll(() => page.getByRole('region', { name: 'mercredi 11 mars' }).count()).toBe(1);
  await j.step('choisir-creneau');
  // The seats shown are those of Lina's age group.
  await page.getByRole('region', { name: 'mercredi 11 mars' }).getByRole('button', { name: '8 h 30 · 1 place' }).click();
  await expect.poll(() => page.getByText('carnet de santé (vaccins)').count()).toBeGreaterThan(0);
  await expect.poll(() => page.getByText('Pour Lina', { exact: true }).count()).toBe(1);
  await j.step('confirmer');
  await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
  await expect.poll(() => page.getByText('C’est réservé.', { exact: false }).count()).toBe(1);
  await expect.poll(() => page.getByRole('link', { name: 'Ajouter à mon agenda' }).getAttribute('href')).toMatch(/\/ics$/);
  await j.step('reserve');

  // Tuesday is full for her age (the under-ones still have room): shown full in the list, it leads to the waitlist, said to be no booking.
  await page.getByRole('button', { name: 'Prendre un autre rendez-vous' }).click();
  await page.getByRole('button', { name: /Crèche occasionnelle/ }).click();
  const tuesdaySlots = page.getByRole('region', { name: 'mardi 10 mars' });
  await expect.poll(() => tuesdaySlots.getByRole('button', { name: '8 h 30, complet : liste d’attente' }).count()).toBe(1);
  await j.step('creneau-complet-pour-son-age');
  await tuesdaySlots.getByRole('button', { name: '8 h 30, complet : liste d’attente' }).click();
  await expect.poll(() => page.getByText('Ce créneau est complet.').count()).toBe(1);
  await expect.poll(() => page.getByText('La liste d’attente n’est pas un rendez-vous', { exact: false }).count()).toBe(1);
  await j.step('creneau-complet');
  await page.getByRole('button', { name: 'Rejoindre la liste d’attente' }).click();
  await expect.poll(() => page.getByText('Vous êtes sur la liste d’attente. Ce n’est pas encore un rendez-vous.').count()).toBe(1);
  await j.step('liste-attente');

  await page.goto(`${url}/rendez-vous/mes-rendez-vous`);
  await expect.poll(() => h1(page)).toBe('Mes rendez-vous');
  await expect.poll(() => page.getByRole('heading', { name: 'En attente d’une place' }).count()).toBe(1);
  await expect.poll(() => page.getByText('mercredi 11 mars à 8 h 30', { exact: false }).count()).toBe(1);
  await j.step('mes-rendez-vous-attente');

  // ——— the agent, at the desk: the other family's file, its bookings, Tuesday cancelled by the service
  await j.loginAs(agentIdentifier);
  await page.setViewportSize(DESKTOP);
  await page.goto(`${url}/rendez-vous/familles/${otherFamily!.householdId}`);
  await page.getByLabel(/Motif de consultation du dossier/).fill('Appel de la crèche : absence de l’enfant mardi');
  await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Rendez-vous de la famille' }).count()).toBe(1);
  const tuesday = page.locator('li.item-card').filter({ hasText: 'mardi 10 mars à 8 h 30' });
  await expect.poll(() => tuesday.count()).toBe(1);
  await j.step('agent-dossier-famille');
  await tuesday.getByRole('button', { name: 'Annuler (service)' }).click();
  await expect.poll(() => tuesday.getByText('Annulé par le service').count()).toBe(1);
  await j.step('agent-annule');

  // ——— the family is offered the seat and takes it within its window
  await j.loginAs(parent.identifier);
  await page.setViewportSize(PHONE);
  await page.goto(`${url}/rendez-vous/mes-rendez-vous`);
  await expect.poll(() => page.getByRole('heading', { name: 'Une place s’est libérée pour vous' }).count()).toBe(1);
  await expect.poll(() => page.getByText('Confirmez avant le lundi 9 mars à 11 h', { exact: false }).count()).toBe(1);
  await j.step('place-proposee');
  await page.getByRole('button', { name: 'Je prends la place' }).click();
  const promoted = page.locator('li.item-card').filter({ hasText: 'mardi 10 mars à 8 h 30' });
  await expect.poll(() => promoted.getByText('Obtenu par la liste d’attente').count()).toBe(1);
  await expect.poll(() => page.getByRole('heading', { name: 'En attente d’une place' }).count()).toBe(0);
  await j.step('place-acceptee');

  // ——— a collective workshop for the parent and the child
  await page.goto(`${url}/rendez-vous`);
  await pickMotifAndSlot(page, 'Atelier parents-enfants', 'jeudi 12 mars', '14 h');
  await page.locator('label.check').filter({ hasText: 'Lina' }).click();
  await expect.poll(() => page.getByRole('checkbox', { name: 'Lina' }).isChecked()).toBe(true);
  await expect.poll(() => page.getByRole('checkbox', { name: 'Moi' }).isChecked()).toBe(true);
  await j.step('atelier-confirmer');
  await page.getByRole('button', { name: 'Confirmer le rendez-vous' }).click();
  await expect.poll(() => page.getByText('C’est réservé.', { exact: false }).count()).toBe(1);
  await page.goto(`${url}/rendez-vous/mes-rendez-vous`);
  const workshop = page.locator('li.item-card').filter({ hasText: 'Atelier parents-enfants' });
  await expect.poll(() => workshop.count()).toBe(2);
  await j.step('atelier-reserve');

  // ——— the family moves Wednesday's crèche half-day to Friday: the slots offered are those of Lina's age group
  const wednesday = page.locator('li.item-card').filter({ hasText: 'mercredi 11 mars à 8 h 30' });
  await wednesday.getByRole('button', { name: 'Déplacer' }).click();
  const friday = wednesday.getByRole('region', { name: 'vendredi 13 mars' });
  await expect.poll(() => friday.getByRole('button', { name: '8 h 30 · 1 place' }).count()).toBe(1);
  await j.step('deplacer-creche');
  await friday.getByRole('button', { name: '8 h 30 · 1 place' }).click();
  await expect.poll(() => page.getByText('Rendez-vous déplacé.').count()).toBe(1);
  await expect.poll(() => page.locator('li.item-card').filter({ hasText: 'vendredi 13 mars à 8 h 30' }).count()).toBe(1);
  await expect.poll(() => page.locator('li.item-card').filter({ hasText: 'mercredi 11 mars' }).count()).toBe(0);
  await j.step('creche-deplacee');

  // ——— the agent moves Thursday's workshop to another room from the agenda: the family is told, same time
  await j.loginAs(agentIdentifier);
  await page.setViewportSize(DESKTOP);
  await page.goto(`${url}/rendez-vous/agenda`);
  await expect.poll(() => h1(page)).toBe('Agenda de l’agent');
  await page.getByRole('button', { name: 'Semaine' }).click();
  const sessionRows = page.locator('li.item-card').filter({ hasText: 'Atelier parents-enfants' });
  await expect.poll(() => sessionRows.count()).toBe(2);
  await sessionRows.first().getByRole('button', { name: 'Changer le lieu ou l’agent' }).click();
  await sessionRows.first().getByLabel('Nouveau lieu').selectOption({ label: 'Centre social Etouvie, 2 rue Jean Moulin' });
  await j.step('agenda-changer-lieu');
  await sessionRows.first().getByRole('button', { name: 'Enregistrer et prévenir les familles' }).click();
  await expect.poll(() => page.getByText('Créneau modifié : 1 famille prévenue.').count()).toBe(1);
  await j.step('agenda-lieu-change');
  const notices = await j.env.rt.deps.db.query<{ body: string }>(`SELECT body FROM notifications WHERE template = 'rendezvous.changed' AND channel = 'sms'`);
  expect(notices.rows.map((r) => r.body)).toEqual([
    'Relais : votre rendez-vous « Atelier parents-enfants » du jeudi 12 mars à 14 h aura lieu à Centre social Etouvie, 2 rue Jean Moulin. L’heure ne change pas.',
  ]);

  // ——— Thursday after the workshop: the agent marks both present from the agenda
  j.env.clock.set('2026-03-12T16:30:00+01:00');
  await j.loginAs(agentIdentifier);
  await page.setViewportSize(DESKTOP);
  await page.goto(`${url}/rendez-vous/agenda`);
  await expect.poll(() => h1(page)).toBe('Agenda de l’agent');
  const rows = page.locator('li.item-card').filter({ hasText: 'Atelier parents-enfants' });
  await expect.poll(() => rows.count()).toBe(2);
  await j.step('agenda-jour');
  for (const who of ['Samia Benali', 'Lina']) {
    // The person's line (the card's place/agent form lists other names in its options).
    const row = rows.filter({ has: page.locator('p', { hasText: `· ${who} ·` }) });
    await row.getByRole('button', { name: 'Venu', exact: true }).click();
    await expect.poll(() => row.locator('.badge').textContent()).toBe('Venu');
  }
  await expect.poll(() => page.getByText('État enregistré : Venu.').count()).toBe(1);
  await j.step('presence-marquee');
  const statuses = await j.env.rt.deps.db.query<{ status: string }>(
    `SELECT b.status FROM rdv_bookings b JOIN rdv_sessions s ON s.id = b.session_id JOIN rdv_motifs m ON m.id = s.motif_id WHERE m.name = 'Atelier parents-enfants'`,
  );
  expect(statuses.rows.map((r) => r.status)).toEqual(['seen', 'seen']);

  // The private calendar feed.
  await page.getByRole('button', { name: 'Créer l’adresse privée' }).click();
  await expect.poll(() => page.getByLabel('Adresse du calendrier').inputValue()).toMatch(/\/api\/rendezvous\/feeds\/[\w-]{43}\.ics$/);
  const feed = await page.getByLabel('Adresse du calendrier').inputValue();
  const ics = await (await fetch(feed)).text();
  expect(ics).toContain('Atelier parents-enfants (2 personnes)');
  await j.step('agenda-flux-prive');
  // Turned off: the address stops working.
  await page.getByRole('button', { name: 'Désactiver l’adresse privée' }).click();
  await expect.poll(() => page.getByText('L’adresse privée est désactivée', { exact: false }).count()).toBe(1);
  expect((await fetch(feed)).status).toBe(404);
  await j.step('agenda-flux-desactive');
});

it('an emergency childcare request reaches the on-call inbox at once and gets its answer', async () => {
  const { page, url } = j;
  // The agent is on call, with the inbox open.
  await j.loginAs(agentIdentifier);
  await page.setViewportSize(DESKTOP);
  await page.goto(`${url}/rendez-vous/urgences`);
  await expect.poll(() => page.getByText('Mise à jour en direct').count()).toBe(1);
  await page.getByText('L’agent est d’astreinte').click();
  await expect.poll(() => page.getByRole('switch', { name: /astreinte/ }).isChecked()).toBe(true);

  // The family files its request from another browser tab (its own session).
  const family = await j.browser.newContext({ viewport: PHONE, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const fpage = await family.newPage();
  const parent = await insertUser(j.env.rt.deps.db, {
    identifier: `urgence-${Date.now()}@e2e.relais.fr`,
    password: TEST_PASSWORD,
    role: 'parent',
    displayName: 'Nadia',
  });
  await fpage.goto(`${url}/connexion`);
  await fpage.getByLabel(/Adresse e-mail ou numéro de téléphone/).fill(parent.email!);
  await fpage.getByLabel(/^Mot de passe/).fill(TEST_PASSWORD);
  await fpage.getByRole('button', { name: 'Se connecter' }).click();
  await fpage.waitForURL((u) => !u.pathname.startsWith('/connexion'));
  expect(
    (
      await postFromPage(fpage, '/api/dossiers/me', {
        parent: { firstName: 'Nadia', lastName: 'Karim', birthDate: '1988-02-02', email: parent.email, phone: '+33698765432' },
        children: [{ firstName: 'Yanis', birthDate: '2023-01-15' }],
        address: { line: '3 rue du Port', postalCode: '80000', city: 'Amiens', inseeCode: '80021', neighbourhoodId: 'nord' },
      })
    ).status,
  ).toBe(201);
  await fpage.goto(`${url}/rendez-vous/garde-urgence`);
  await fillDate(fpage, 'Quel jour ?', '2026-03-13');
  await fillDate(fpage, 'De (heure)', '08:00');
  await fillDate(fpage, 'À (heure)', '12:00');
  await fpage.getByLabel(/Pourquoi/).fill('Entretien d’embauche demain matin');
  await fpage.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect.poll(() => fpage.getByText('Demande envoyée.', { exact: false }).count()).toBe(1);

  // It shows in the agent's inbox without a reload.
  const card = page.locator('li.item-card').filter({ hasText: 'Nadia Karim' });
  await expect.poll(() => card.count()).toBe(1);
  await expect.poll(() => card.getByText('Le 13 mars 2026 de 8 h à 12 h').count()).toBe(1);
  await j.step('urgence-recue');
  // Twelve minutes later, the agent answers: the time taken is recorded and said in words.
  j.env.clock.advance(12 * 60_000);
  await card.getByLabel('Réponse à la famille (facultatif)').fill('Crèche des Lilas, vendredi 8 h, avec le carnet de santé.');
  await card.getByRole('button', { name: 'Place trouvée' }).click();
  await expect.poll(() => card.getByText('Répondu en 12 min').count()).toBe(1);
  await j.step('urgence-repondue');

  await family.close();

  // The family reads the answer.
  await j.loginAs(parent.email!);
  await page.setViewportSize(PHONE);
  await page.goto(`${url}/rendez-vous/garde-urgence`);
  await expect.poll(() => page.getByText('Place trouvée').count()).toBe(1);
  await expect.poll(() => page.getByText('Crèche des Lilas, vendredi 8 h', { exact: false }).count()).toBe(1);
  await expect.poll(() => page.getByText('Yanis, le 13 mars 2026 de 8 h à 12 h').count()).toBe(1);
  await j.step('urgence-reponse-famille');
  await page.setViewportSize(DESKTOP);
});

it('a coordinator adds a plage "1er et 3e mardi du mois 12 h–14 h", sets a resource’s seats and closes a booked day (told the bookings stay)', async () => {
  const { page, url } = j;
  await j.login('coordinator', { displayName: 'Paul Coordination' });
  await page.goto(`${url}/rendez-vous/offre`);
  await expect.poll(() => h1(page)).toBe('L’offre de rendez-vous');
  const plages = page.getByRole('region', { name: 'Plages d’ouverture' });
  await plages.locator('label.check').filter({ hasText: 'Atelier parents-enfants' }).click();
  await expect.poll(() => plages.getByRole('checkbox', { name: 'Atelier parents-enfants' }).isChecked()).toBe(true);
  await fillDate(plages, 'À partir du', '2026-04-01');
  await fillDate(plages, 'De (heure)', '12:00');
  await fillDate(plages, 'À (heure)', '14:00');
  await plages.getByText('Certains jours du mois').click();
  await plages.getByLabel('Jour', { exact: true }).selectOption('2');
  await expect.poll(() => plages.getByText('Résumé : 1er et 3e mardi du mois, 12 h–14 h').count()).toBe(1);
  await j.step('offre-plage');
  await plages.getByRole('button', { name: 'Ajouter la plage' }).click();
  await expect.poll(() => plages.locator('li.item-card').filter({ hasText: '1er et 3e mardi du mois, 12 h–14 h' }).count()).toBe(1);

  const resource = page.getByRole('region', { name: 'Ressources d’accueil (crèche, répit)' }).locator('li.item-card').filter({ hasText: 'Crèche des Lilas' });
  await resource.getByLabel('1 à 3 ans').fill('2');
  await resource.getByRole('button', { name: 'Enregistrer les places' }).click();
  await expect.poll(() => resource.getByText('Enregistré.').count()).toBe(1);
  await j.step('offre-ressource', { fullPage: true });

  // A closure for everyone on a day already booked: the booking stays, the page says so.
  await book(otherFamily!.ctx, {
    motifId: creche.motifId,
    ownerId: creche.ownerId,
    start: new Date('2026-03-17T07:30:00Z'),
    parent: false,
    childIds: otherFamily!.childIds,
  });
  const absences = page.getByRole('region', { name: 'Absences et fermetures' });
  await absences.getByLabel('Qui', { exact: true }).selectOption({ label: 'Tout le monde (fermeture)' });
  await fillDate(absences, 'Du', '2026-03-17');
  await absences.getByLabel('Libellé').fill('Fermeture exceptionnelle');
  await absences.getByRole('button', { name: 'Ajouter' }).click();
  await expect.poll(() => absences.getByText('Cette absence tombe sur 1 rendez-vous confirmé', { exact: false }).count()).toBe(1);
  const closure = absences.locator('li.item-card').filter({ hasText: 'Fermeture exceptionnelle' });
  await expect.poll(() => closure.count()).toBe(1);
  await expect.poll(() => closure.getByText('le mardi 17 mars (toute la journée)', { exact: false }).count()).toBe(1);
  await j.step('offre-fermeture-sur-rendez-vous');
});
