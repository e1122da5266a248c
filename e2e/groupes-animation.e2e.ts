/**
 * Journey: running the groupes de parole. An agent creates a room from its page (theme,
 * neighbourhood, discussion) and facilitates it: mutes a parent and lifts the mute,
 * removes one and readmits it. The coordinator names a second facilitator, edits the danger word list and its
 * whitelist, tries them on a sentence, and sets the retention period. A parent leaves a
 * room by its own choice (and may come back), and lifts a block it made.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fillDate, startJourney, type Journey } from './harness';

let j: Journey;

beforeAll(async () => {
  j = await startJourney('groupes-animation', { now: '2026-03-10T14:00:00+01:00' });
}, 120_000);
afterAll(async () => {
  await j?.close();
});

it('an agent creates and runs a room, coordination sets the word list and retention, a parent leaves and unblocks', async () => {
  const page = j.page;
  const agent = await j.login('agent', { displayName: 'Nadia Chergui' });
  const hood = j.env.rt.deps.town.neighbourhoods[0]!;

  // The agent creates a room from its page; it facilitates it under a pseudonym.
  await page.goto(`${j.url}/groupes`);
  await page.getByRole('link', { name: 'Créer un groupe' }).click();
  await page.waitForURL(/\/groupes\/nouveau$/);
  await page.getByLabel(/^Nom du groupe/).fill('Budget serré, idées partagées');
  await page.getByLabel(/^Présentation/).fill('Fins de mois, aides, petites astuces : on en parle entre parents.');
  await page.getByLabel(/^Thème/).selectOption('budget');
  await page.getByLabel(/^Quartier/).selectOption(hood.id);
  await page.getByRole('button', { name: 'Créer un groupe' }).click();
  await expect.poll(() => page.getByText('Choisissez le pseudonyme sous lequel vous animerez ce groupe.').count()).toBeGreaterThan(0);
  await j.step('nouveau-groupe-erreur');
  await page.getByLabel(/^Votre pseudonyme d’animateur/).fill('Nadia (CESF)');
  await page.getByRole('button', { name: 'Créer un groupe' }).click();
  await page.waitForURL(/\/groupes\/salons\//);
  const roomId = page.url().split('/').pop()!;
  await expect.poll(() => page.getByText('En direct').count()).toBe(1);

  // Two parents join and write.
  const rose = await j.env.as('parent', { identifier: `rose-${Date.now()}@e2e.relais.fr` });
  const tom = await j.env.as('parent');
  expect((await rose.post(`/api/groupes/rooms/${roomId}/join`, { pseudonym: 'Rose' })).statusCode).toBe(200);
  expect((await tom.post(`/api/groupes/rooms/${roomId}/join`, { pseudonym: 'Tom' })).statusCode).toBe(200);
  expect((await tom.post(`/api/groupes/rooms/${roomId}/messages`, { body: 'Des astuces pour la cantine ?' })).statusCode).toBe(201);
  expect((await rose.post(`/api/groupes/rooms/${roomId}/messages`, { body: 'Le CCAS aide pour la cantine.' })).statusCode).toBe(201);
  await expect.poll(() => page.locator('.groupes-message').count()).toBe(2);

  // Mute Tom, then lift it.
  await page.getByRole('button', { name: 'Sourdine 10 min : Tom' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Lever la sourdine' }).count()).toBe(1);
  await j.step('salon-sourdine');
  await page.getByRole('button', { name: 'Lever la sourdine' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Sourdine 10 min : Tom' }).count()).toBe(1);
  await j.env.expectAudit('groupes/member-unmuted', roomId, { actorId: agent.id });

  // Remove Tom: listed as removed, with a readmission; he cannot come back on his own.
  await page.getByRole('button', { name: 'Retirer du groupe : Tom' }).click();
  await expect.poll(() => page.getByTestId('removed').getByText('Tom').count()).toBe(1);
  expect((await tom.post(`/api/groupes/rooms/${roomId}/join`, { pseudonym: 'Tom' })).json().error.code).toBe('groupes/removed');
  await j.step('salon-retire');
  await page.getByRole('button', { name: 'Réadmettre : Tom' }).click();
  await expect.poll(() => page.getByTestId('removed').count()).toBe(0);
  await j.env.expectAudit('groupes/member-readmitted', roomId, { actorId: agent.id });

  // A session scheduled from the room: its start is Paris time as typed (read by the server, not in the phone's time zone).
  await page.getByLabel(/^Intitulé de la séance/).fill('Parler de la rentrée');
  await fillDate(page, 'Début (date et heure)', '2026-04-02T18:00');
  await page.getByRole('button', { name: 'Programmer une séance' }).click();
  const starts = () =>
    j.env.rt.deps.db
      .query<{ starts_at: Date }>(`SELECT starts_at FROM groupes_sessions WHERE room_id = $1`, [roomId])
      .then((r) => r.rows.map((x) => x.starts_at.toISOString()));
  await expect.poll(starts).toEqual(['2026-04-02T16:00:00.000Z']);
  await j.step('salon-seance-programmee');
  expect((await tom.post(`/api/groupes/rooms/${roomId}/join`, { pseudonym: 'Tom' })).statusCode).toBe(200);

  const coord = await j.login('coordinator', { displayName: 'Hélène Coordination' });
  // Coordination names a second facilitator by the e-mail of the account.
  const psy = await j.env.as('agent');
  await page.goto(`${j.url}/groupes/salons/${roomId}`);
  await page.getByLabel(/^Adresse e-mail de l’animateur/).fill(psy.user.email!);
  await page.getByLabel(/^Son pseudonyme dans ce groupe/).fill('Karim (psychologue)');
  await page.getByRole('button', { name: 'Nommer à l’animation' }).click();
  const endFacilitation = (who: string) => page.getByRole('button', { name: `Mettre fin à son animation : ${who}` });
  await expect.poll(() => endFacilitation('Karim (psychologue)').count()).toBe(1);
  await expect.poll(() => endFacilitation('Nadia (CESF)').count()).toBe(1);
  await j.env.expectAudit('groupes/facilitator-appointed', roomId, { actorId: coord.id });
  await j.step('salon-coordination');
  // … and ends a facilitation: the person leaves the room.
  await endFacilitation('Karim (psychologue)').click();
  await expect.poll(() => endFacilitation('Karim (psychologue)').count()).toBe(0);
  await j.env.expectAudit('groupes/facilitator-withdrawn', roomId, { actorId: coord.id });
  // Coordination: the word list, tried on a sentence, and the retention period.
  await page.goto(`${j.url}/groupes`);
  await page.getByRole('link', { name: 'Réglages des groupes' }).click();
  await page.waitForURL(/\/groupes\/reglages$/);
  const tryIt = async (sentence: string) => {
    await page.getByLabel(/^Phrase à essayer/).fill(sentence);
    await page.getByRole('button', { name: 'Essayer' }).click();
  };
  await tryIt('Il va me tabasser si je parle.');
  await expect.poll(() => page.getByText('Cette phrase ne déclencherait aucune alerte.').count()).toBe(1);
  const terms = page.locator('section', { has: page.getByRole('heading', { name: 'Mots de vigilance' }) });
  await terms.getByLabel(/^Catégorie/).selectOption('violence');
  await terms.getByLabel(/^Mot ou expression/).fill('tabass*');
  await terms.getByRole('button', { name: 'Ajouter le mot' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Retirer « tabass* »' }).count()).toBe(1);
  await tryIt('Il va me tabasser si je parle.');
  await expect.poll(() => page.getByText(/Cette phrase déclencherait une alerte \(violences\), à cause de : « tabass\* »/).count()).toBe(1);
  const white = page.locator('section', { has: page.getByRole('heading', { name: 'Expressions autorisées' }) });
  await white.getByLabel(/^Mot ou expression/).fill('tabasser la pâte');
  await white.getByRole('button', { name: 'Ajouter l’expression' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Retirer « tabasser la pâte »' }).count()).toBe(1);
  await tryIt('Je vais tabasser la pâte à crêpes.');
  await expect.poll(() => page.getByText('Cette phrase ne déclencherait aucune alerte.').count()).toBe(1);
  await j.env.expectAudit('groupes/word-added', null, { actorId: coord.id });
  await page.getByLabel(/^Durée \(en jours/).fill('90');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect.poll(() => page.getByText('Les messages seront conservés 90 jours.').count()).toBe(1);
  await j.env.expectAudit('groupes/retention-set', 'retention', { actorId: coord.id });
  await j.step('reglages');
  // The same page on a phone.
  await page.setViewportSize({ width: 360, height: 780 });
  await j.step('reglages-telephone');
  await page.setViewportSize({ width: 1100, height: 900 });

  // Rose blocks Tom (from one of his messages); on her page she sees it and lifts it; then she leaves the room by her own choice.
  const tomSeq = (await tom.post(`/api/groupes/rooms/${roomId}/messages`, { body: 'Me revoilà.' })).json().message.seq;
  expect((await rose.post(`/api/groupes/rooms/${roomId}/messages/${tomSeq}/block`)).statusCode).toBe(200);
  await j.loginAs(rose.user.email!);
  await page.goto(`${j.url}/groupes`);
  await page.getByRole('link', { name: 'Mes blocages' }).click();
  await page.waitForURL(/\/groupes\/blocages$/);
  await expect.poll(() => page.getByTestId('blocks').getByText('Tom').count()).toBe(1);
  await page.setViewportSize({ width: 360, height: 780 });
  await j.step('blocages');
  await page.getByRole('button', { name: 'Débloquer Tom' }).click();
  await expect.poll(() => page.getByText('Vous voyez de nouveau les messages de Tom.').count()).toBe(1);
  await expect.poll(() => page.getByText('Vous n’avez bloqué personne.').count()).toBe(1);
  await j.env.expectAudit('groupes/unblocked', tom.user.id, { actorId: rose.user.id });

  await page.goto(`${j.url}/groupes/salons/${roomId}`);
  await expect.poll(() => page.getByText('En direct').count()).toBe(1);
  await page.getByRole('button', { name: 'Quitter le groupe' }).click();
  await page.getByRole('button', { name: 'Oui, quitter le groupe' }).click();
  await page.waitForURL(/\/groupes$/);
  await j.env.expectAudit('groupes/left', roomId, { actorId: rose.user.id });
  const card = page.locator('.groupes-room-card', { has: page.getByRole('heading', { name: 'Budget serré, idées partagées' }) });
  await expect.poll(() => card.getByRole('button', { name: 'Rejoindre' }).count()).toBe(1);
  await j.step('groupe-quitte-telephone');
}, 240_000);
