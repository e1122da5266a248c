import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestClient, type TestEnv } from '../../platform/testing';

let env: TestEnv;
let coord: TestClient & { user: { id: string } };
let amiensId: string;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
  await env.seedDemo();
  coord = await env.as('coordinator');
  const list = (await coord.get('/api/diagnostic/questionnaires')).json().questionnaires as Array<{ id: string; isDemo: boolean }>;
  amiensId = list.find((q) => q.isDemo)!.id;
});
afterAll(() => env.close());

const plan = {
  kind: 'focus_group',
  title: 'Groupe de parole budget',
  theme: 'budget',
  neighbourhoodId: 'nord',
  date: '2026-03-20',
  time: '14:00',
  facilitator: 'Claire (CCAS)',
  place: 'Centre social Nord',
};

const anna = {
  firstName: 'Anna',
  age: 31,
  neighbourhoodId: 'nord',
  childrenCount: 2,
  quoteConsent: 'first_name',
  profileConsent: true,
  recordConsent: true,
  consentDate: '2026-03-10',
};

async function planned() {
  const res = await coord.post('/api/diagnostic/listening/sessions', plan);
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string };
}

async function withParticipant(p: Record<string, unknown> = anna) {
  const s = await planned();
  const res = await coord.post(`/api/diagnostic/listening/sessions/${s.id}/participants`, p);
  expect(res.statusCode).toBe(201);
  const participants = res.json().participantList as Array<{ id: string; attribution: string | null }>;
  return { sessionId: s.id, participantId: participants.at(-1)!.id, participant: participants.at(-1)! };
}

async function report(): Promise<string> {
  const res = await coord.get(`/api/diagnostic/questionnaires/${amiensId}/report?format=html`);
  expect(res.statusCode).toBe(200);
  return res.body;
}

describe('listening sessions', () => {
  it('a coordinator plans, edits (notes) and cancels a session; each step is audited', async () => {
    const s = await planned();
    await env.expectAudit('diagnostic/listening-session-planned', s.id, { actorId: coord.user.id });
    const edited = await coord.put(`/api/diagnostic/listening/sessions/${s.id}`, { ...plan, title: 'Budget (2)', notes: 'Tout le monde parle du loyer.' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      title: 'Budget (2)',
      notes: 'Tout le monde parle du loyer.',
      neighbourhood: 'Nord',
      themeLabel: 'Budget et précarité',
    });
    await env.expectAudit('diagnostic/listening-session-updated', s.id, { actorId: coord.user.id });
    const cancelled = await coord.post(`/api/diagnostic/listening/sessions/${s.id}/cancel`, { reason: 'Salle indisponible' });
    expect(cancelled.json()).toMatchObject({ cancelled: true, cancelReason: 'Salle indisponible' });
    await env.expectAudit('diagnostic/listening-session-cancelled', s.id, { actorId: coord.user.id });
    const late = await coord.post(`/api/diagnostic/listening/sessions/${s.id}/participants`, anna);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('diagnostic/session-cancelled');
  });

  it('refuses agents, partners and parents, for reading and for changing', async () => {
    const s = await planned();
    for (const role of ['agent', 'partner', 'parent'] as const) {
      const c = await env.as(role);
      expect((await c.get('/api/diagnostic/listening/sessions')).statusCode).toBe(403);
      expect((await c.get(`/api/diagnostic/listening/sessions/${s.id}`)).statusCode).toBe(403);
      expect((await c.post('/api/diagnostic/listening/sessions', plan)).statusCode).toBe(403);
      expect((await c.post(`/api/diagnostic/listening/sessions/${s.id}/cancel`, { reason: 'Pas moi' })).statusCode).toBe(403);
      expect((await c.post(`/api/diagnostic/listening/sessions/${s.id}/participants`, anna)).statusCode).toBe(403);
      expect((await c.get('/api/diagnostic/listening/analysis')).statusCode).toBe(403);
      expect((await c.get('/api/diagnostic/personas')).statusCode).toBe(403);
    }
    expect((await env.client().get('/api/diagnostic/listening/sessions')).statusCode).toBe(401);
  });

  it('answers bad input with the field, and writes nothing', async () => {
    const before = (await coord.get('/api/diagnostic/listening/sessions')).json().sessions.length;
    const noFacilitator = await coord.post('/api/diagnostic/listening/sessions', { ...plan, facilitator: '' });
    expect(noFacilitator.statusCode).toBe(400);
    expect(noFacilitator.json().error.fields.map((f: { path: string }) => f.path)).toContain('facilitator');
    const badTheme = await coord.post('/api/diagnostic/listening/sessions', { ...plan, theme: 'astrologie' });
    expect(badTheme.statusCode).toBe(422);
    expect(badTheme.json().error.fields[0].path).toBe('theme');
    const badHood = await coord.post('/api/diagnostic/listening/sessions', { ...plan, neighbourhoodId: 'atlantide' });
    expect(badHood.statusCode).toBe(422);
    expect(badHood.json().error.fields[0].path).toBe('neighbourhoodId');
    const badStructure = await coord.post('/api/diagnostic/listening/sessions', { ...plan, structureId: '00000000-0000-4000-8000-000000000999' });
    expect(badStructure.statusCode).toBe(422);
    expect(badStructure.json().error.fields[0].path).toBe('structureId');
    const badTime = await coord.post('/api/diagnostic/listening/sessions', { ...plan, time: '25:00' });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().error.fields[0].path).toBe('time');
    expect((await coord.get('/api/diagnostic/listening/sessions')).json().sessions.length).toBe(before);

    const s = await planned();
    const noName = await coord.post(`/api/diagnostic/listening/sessions/${s.id}/participants`, { ...anna, firstName: null });
    expect(noName.statusCode).toBe(422);
    expect(noName.json().error.fields[0].path).toBe('firstName');
    const future = await coord.post(`/api/diagnostic/listening/sessions/${s.id}/participants`, { ...anna, consentDate: '2026-03-11' });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.fields[0].path).toBe('consentDate');
    expect((await coord.get(`/api/diagnostic/listening/sessions/${s.id}`)).json().participantList).toHaveLength(0);
  });

  it('names a partner structure of the directory', async () => {
    const structureId = await env.structure();
    const res = await coord.post('/api/diagnostic/listening/sessions', { ...plan, structureId });
    expect(res.statusCode).toBe(201);
    expect(res.json().structureId).toBe(structureId);
    expect(res.json().partnerName).toBeTruthy();
  });
});

describe('participants and consents', () => {
  it('registers a participant with consents (audited) and signs quotes with no more than consented', async () => {
    const { participantId, participant } = await withParticipant();
    expect(participant.attribution).toBe('Anna, 31 ans, Nord, 2 enfants');
    const audit = await env.expectAudit('diagnostic/listening-participant-registered', participantId, { actorId: coord.user.id });
    expect(audit.details).toMatchObject({ quoteConsent: 'first_name', recordConsent: true });
    expect(JSON.stringify(audit.details)).not.toContain('Anna');

    const anon = await withParticipant({ ...anna, quoteConsent: 'anonymous', profileConsent: false });
    expect(anon.participant.attribution).toBe('Un parent');
    const pseudo = await withParticipant({ ...anna, quoteConsent: 'pseudonym', pseudonym: 'Mme L.', profileConsent: false });
    expect(pseudo.participant.attribution).toBe('Mme L.');
    const none = await withParticipant({ ...anna, quoteConsent: 'none' });
    expect(none.participant.attribution).toBeNull();
  });

  it('records attendance (audited); others may not', async () => {
    const { participantId } = await withParticipant();
    const res = await coord.put(`/api/diagnostic/listening/participants/${participantId}/attendance`, { attended: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ attended: 1 });
    await env.expectAudit('diagnostic/listening-attendance-recorded', participantId, { actorId: coord.user.id });
    const agent = await env.as('agent');
    expect((await agent.put(`/api/diagnostic/listening/participants/${participantId}/attendance`, { attended: false })).statusCode).toBe(403);
  });
});

describe('verbatims', () => {
  it('records a tagged verbatim (audited), refuses one of a person who did not consent, an unknown theme, and agents', async () => {
    const { sessionId, participantId } = await withParticipant();
    const res = await coord.post(`/api/diagnostic/listening/sessions/${sessionId}/verbatims`, {
      participantId,
      text: 'Le loyer part le 5, il ne reste rien le 10.',
      themes: ['budget', 'logement'],
    });
    expect(res.statusCode).toBe(201);
    const v = res.json().verbatimList[0];
    expect(v).toMatchObject({ attribution: 'Anna, 31 ans, Nord, 2 enfants', themes: ['budget', 'logement'], inReport: false, neighbourhood: 'Nord' });
    await env.expectAudit('diagnostic/listening-verbatim-recorded', v.id, { actorId: coord.user.id });

    const badTheme = await coord.post(`/api/diagnostic/listening/sessions/${sessionId}/verbatims`, { participantId, text: 'Bonjour.', themes: ['astrologie'] });
    expect(badTheme.statusCode).toBe(422);
    expect(badTheme.json().error.fields[0].path).toBe('themes');
    const noTheme = await coord.post(`/api/diagnostic/listening/sessions/${sessionId}/verbatims`, { participantId, text: 'Bonjour.', themes: [] });
    expect(noTheme.statusCode).toBe(400);
    expect(noTheme.json().error.fields[0].path).toBe('themes');

    const silent = await withParticipant({ ...anna, quoteConsent: 'none' });
    const refused = await coord.post(`/api/diagnostic/listening/sessions/${silent.sessionId}/verbatims`, {
      participantId: silent.participantId,
      text: 'Je ne veux pas être citée.',
      themes: ['budget'],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('diagnostic/not-quotable');

    const other = await coord.post(`/api/diagnostic/listening/sessions/${silent.sessionId}/verbatims`, {
      participantId,
      text: 'Ailleurs.',
      themes: ['budget'],
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.fields[0].path).toBe('participantId');

    const agent = await env.as('agent');
    expect(
      (await agent.post(`/api/diagnostic/listening/sessions/${sessionId}/verbatims`, { participantId, text: 'Agent.', themes: ['budget'] })).statusCode,
    ).toBe(403);
    expect((await agent.patch(`/api/diagnostic/listening/verbatims/${v.id}`, { inReport: true })).statusCode).toBe(403);
    expect((await agent.delete(`/api/diagnostic/listening/verbatims/${v.id}`)).statusCode).toBe(403);
  });

  it('the schema refuses a verbatim whose speaker may not be quoted, and a withdrawal that would leave one behind', async () => {
    const { sessionId, participantId } = await withParticipant();
    await coord.post(`/api/diagnostic/listening/sessions/${sessionId}/verbatims`, { participantId, text: 'Mes mots.', themes: ['budget'] });
    const db = env.rt.deps.db;
    await expect(db.query(`UPDATE diagnostic_listening_participants SET quote_consent = 'none' WHERE id = $1`, [participantId])).rejects.toThrow(
      /diagnostic_verbatims_quotable/,
    );
    const silent = await withParticipant({ ...anna, quoteConsent: 'none' });
    await expect(
      db.query(
        `INSERT INTO diagnostic_verbatims (session_id, participant_id, speaker_quote_consent, text, themes, recorded_at, updated_at)
         VALUES ($1, $2, 'first_name', 'Forcé', '{budget}', now(), now())`,
        [silent.sessionId, silent.participantId],
      ),
    ).rejects.toThrow(/diagnostic_verbatims_speaker_fk/);
  });

  it('a verbatim put in the report shows in its theme section, beside the results, in the analysis; withdrawing the consent removes it everywhere', async () => {
    const { sessionId, participantId } = await withParticipant({ ...anna, firstName: 'Bérénice', age: 33 });
    const text = 'Je fais les courses au centime près depuis la séparation.';
    const rec = await coord.post(`/api/diagnostic/listening/sessions/${sessionId}/verbatims`, { participantId, text, themes: ['budget'] });
    const id = rec.json().verbatimList[0].id as string;
    expect(await report()).not.toContain('au centime près');

    const put = await coord.patch(`/api/diagnostic/listening/verbatims/${id}`, { inReport: true });
    expect(put.statusCode).toBe(200);
    expect(put.json().verbatimList[0].inReport).toBe(true);
    await env.expectAudit('diagnostic/listening-verbatim-updated', id, { actorId: coord.user.id });

    const html = await report();
    const budget = html.slice(html.indexOf('>Budget et précarité</h2>'), html.indexOf('>Logement et cadre de vie</h2>'));
    expect(budget).toContain('au centime près');
    expect(budget).toContain('— Bérénice, 33 ans, Nord, 2 enfants');
    // The seed's quotes, attributed as in the Amiens report.
    expect(budget).toContain('Le mois se termine le 15 chez moi.');
    expect(budget).toContain('— Sophie, 34 ans, Saint-Maurice');
    const md = await coord.get(`/api/diagnostic/questionnaires/${amiensId}/report?format=md`);
    expect(md.body).toContain('au centime près');

    const beside = (await coord.get(`/api/diagnostic/questionnaires/${amiensId}/voices`)).json();
    const section = beside.sections.find((s: { section: string }) => s.section === 'Budget et précarité');
    expect(section.verbatims.map((v: { text: string }) => v.text)).toContain(text);
    expect(beside.sections.find((s: { section: string }) => s.section === 'Mobilité').verbatims.map((v: { text: string }) => v.text)).not.toContain(text);

    const analysis = (await coord.get('/api/diagnostic/listening/analysis')).json();
    const budgetCount = analysis.byTheme.find((t: { id: string }) => t.id === 'budget');
    expect(budgetCount.verbatims.map((v: { text: string }) => v.text)).toContain(text);
    expect(analysis.cross).toContainEqual(expect.objectContaining({ theme: 'Budget et précarité', neighbourhood: 'Nord' }));

    const withdrawn = await coord.post(`/api/diagnostic/listening/participants/${participantId}/withdraw`);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().verbatimList).toHaveLength(0);
    expect(withdrawn.json().participantList[0]).toMatchObject({ quoteConsent: 'none', recordConsent: false, attribution: null });
    const a = await env.expectAudit('diagnostic/listening-consent-withdrawn', participantId, { actorId: coord.user.id });
    expect(a.details).toMatchObject({ verbatimsRemoved: 1 });

    expect(await report()).not.toContain('au centime près');
    expect((await coord.get(`/api/diagnostic/questionnaires/${amiensId}/report?format=md`)).body).not.toContain('au centime près');
    const after = (await coord.get(`/api/diagnostic/questionnaires/${amiensId}/voices`)).json();
    expect(JSON.stringify(after)).not.toContain('au centime près');
    expect(JSON.stringify((await coord.get('/api/diagnostic/listening/analysis')).json())).not.toContain('au centime près');
    expect((await coord.post(`/api/diagnostic/listening/participants/${participantId}/withdraw`)).statusCode).toBe(409);
    expect((await coord.patch(`/api/diagnostic/listening/verbatims/${id}`, { inReport: false })).statusCode).toBe(404);
  });

  it('deletes a verbatim (audited)', async () => {
    const { sessionId, participantId } = await withParticipant();
    const rec = await coord.post(`/api/diagnostic/listening/sessions/${sessionId}/verbatims`, { participantId, text: 'À retirer.', themes: ['emploi'] });
    const id = rec.json().verbatimList[0].id as string;
    const del = await coord.delete(`/api/diagnostic/listening/verbatims/${id}`);
    expect(del.statusCode).toBe(200);
    expect(del.json().verbatimList).toHaveLength(0);
    await env.expectAudit('diagnostic/listening-verbatim-deleted', id, { actorId: coord.user.id });
  });

  it('the withdrawal is refused to others', async () => {
    const { participantId } = await withParticipant();
    const agent = await env.as('agent');
    expect((await agent.post(`/api/diagnostic/listening/participants/${participantId}/withdraw`)).statusCode).toBe(403);
  });
});

describe('personas', () => {
  it('rest on live figures and on verbatims; created, edited, deleted with their audit entries', async () => {
    const { sessionId, participantId } = await withParticipant({ ...anna, firstName: 'Chloé' });
    const rec = await coord.post(`/api/diagnostic/listening/sessions/${sessionId}/verbatims`, {
      participantId,
      text: 'Le permis coûte trop cher.',
      themes: ['mobilite'],
    });
    const verbatimId = rec.json().verbatimList[0].id as string;
    const body = {
      name: 'La mère sans permis',
      situation: 'Sans voiture, loin du travail.',
      needs: 'Se déplacer.',
      quote: 'Tout se fait en bus.',
      figures: [
        { questionnaireId: amiensId, questionId: 'permis', answer: 'Non' },
        { questionnaireId: amiensId, questionId: 'stress', answer: '' },
      ],
      verbatimIds: [verbatimId],
    };
    const created = await coord.post('/api/diagnostic/personas', body);
    expect(created.statusCode).toBe(201);
    const p = created.json();
    await env.expectAudit('diagnostic/persona-created', p.id, { actorId: coord.user.id });
    // Computed from the 86 reference answers (65,1 % without a licence, as in the Amiens report).
    expect(p.figures[0]).toMatchObject({ questionLabel: expect.any(String), kind: 'share', answer: 'Non', answered: 86 });
    expect(p.figures[0].value).toBeCloseTo(65.1, 1);
    expect(p.figures[1].kind).toBe('mean');
    expect(p.figures[1].value).toBeGreaterThan(0);
    expect(p.verbatims.map((v: { attribution: string }) => v.attribution)).toEqual(['Chloé, 31 ans, Nord, 2 enfants']);

    const bad = await coord.put(`/api/diagnostic/personas/${p.id}`, {
      ...body,
      figures: [{ questionnaireId: amiensId, questionId: 'permis', answer: 'Peut-être' }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].path).toBe('figures.0.answer');
    const updated = await coord.put(`/api/diagnostic/personas/${p.id}`, { ...body, name: 'Le parent sans permis' });
    expect(updated.json().name).toBe('Le parent sans permis');
    await env.expectAudit('diagnostic/persona-updated', p.id, { actorId: coord.user.id });

    await coord.post(`/api/diagnostic/listening/participants/${participantId}/withdraw`);
    expect((await coord.get(`/api/diagnostic/personas/${p.id}`)).json().verbatims).toHaveLength(0);

    const agent = await env.as('agent');
    expect((await agent.post('/api/diagnostic/personas', body)).statusCode).toBe(403);
    expect((await agent.put(`/api/diagnostic/personas/${p.id}`, body)).statusCode).toBe(403);
    expect((await agent.delete(`/api/diagnostic/personas/${p.id}`)).statusCode).toBe(403);
    expect((await coord.delete(`/api/diagnostic/personas/${p.id}`)).statusCode).toBe(204);
    await env.expectAudit('diagnostic/persona-deleted', p.id, { actorId: coord.user.id });
    expect((await coord.get(`/api/diagnostic/personas/${p.id}`)).statusCode).toBe(404);
  });

  it('the demo ships the seed’s four focus groups, their quotes and four personas, labelled demo', async () => {
    const sessions = (await coord.get('/api/diagnostic/listening/sessions')).json().sessions as Array<{ title: string; isDemo: boolean; verbatims: number }>;
    const demo = sessions.filter((s) => s.isDemo);
    expect(demo).toHaveLength(4);
    expect(demo.every((s) => s.title.includes('(démo)') && s.verbatims === 2)).toBe(true);
    const personas = (await coord.get('/api/diagnostic/personas')).json().personas as Array<{ id: string; isDemo: boolean }>;
    expect(personas.filter((p) => p.isDemo)).toHaveLength(4);
    const one = (await coord.get(`/api/diagnostic/personas/${personas.find((p) => p.isDemo)!.id}`)).json();
    expect(one.figures.length).toBeGreaterThan(0);
    expect(one.verbatims.length).toBe(2);
  });
});
