import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { computeQuestionnaireIndicator, indicatorSources } from './index';
import { responsesIndicator } from './indicators';
import { pdfAvailable } from './report-pdf';
import { importResponses } from './results.service';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
});
afterAll(() => env.close());

const survey = {
  title: 'Garde d’enfants',
  questions: [
    { id: 'garde', type: 'single', label: 'Avez-vous une solution de garde ?', options: ['Oui', 'Non'], required: true },
    {
      id: 'freins',
      type: 'multi',
      label: 'Qu’est-ce qui vous en empêche ?',
      options: ['Coût', 'Horaires', 'Places'],
      show_if: { question: 'garde', equals: 'Non' },
    },
    { id: 'stress', type: 'scale', label: 'Votre niveau de stress' },
    { id: 'quartier', type: 'neighbourhood', label: 'Votre quartier', options: ['Nord', 'Sud', 'Étouvie'] },
  ],
};

async function createPublished(def: unknown = survey, accessMode: 'links' | 'open' = 'links') {
  const coord = await env.as('coordinator');
  const created = await coord.post('/api/diagnostic/questionnaires', { definition: def, access: accessMode });
  expect(created.statusCode).toBe(201);
  const id = created.json().id as string;
  const pub = await coord.post(`/api/diagnostic/questionnaires/${id}/publish`);
  expect(pub.statusCode).toBe(200);
  return { coord, id };
}

describe('building a questionnaire', () => {
  it('lets a coordinator create a draft, edit it, publish it; a new edit starts version 2', async () => {
    const coord = await env.as('coordinator');
    const res = await coord.post('/api/diagnostic/questionnaires', { definition: survey });
    expect(res.statusCode).toBe(201);
    const q = res.json();
    expect(q).toMatchObject({ status: 'draft', draftVersion: 1, publishedVersion: null, access: 'links' });
    await env.expectAudit('diagnostic/questionnaire-created', q.id, { actorId: coord.user.id });
    const edited = await coord.put(`/api/diagnostic/questionnaires/${q.id}`, { definition: { ...survey, title: 'Garde (v1)' } });
    expect(edited.json()).toMatchObject({ title: 'Garde (v1)', draftVersion: 1 });
    await env.expectAudit('diagnostic/questionnaire-updated', q.id, { actorId: coord.user.id });
    const pub = await coord.post(`/api/diagnostic/questionnaires/${q.id}/publish`);
    expect(pub.json()).toMatchObject({ status: 'published', publishedVersion: 1, draftVersion: null });
    await env.expectAudit('diagnostic/questionnaire-published', q.id, { actorId: coord.user.id });
    const v2 = await coord.put(`/api/diagnostic/questionnaires/${q.id}`, { definition: { ...survey, title: 'Garde (v2)' } });
    expect(v2.json()).toMatchObject({ publishedVersion: 1, draftVersion: 2 });
    expect(v2.json().published.title).toBe('Garde (v1)');
    expect(v2.json().definition.title).toBe('Garde (v2)');
    expect((await coord.post(`/api/diagnostic/questionnaires/${q.id}/publish`)).json()).toMatchObject({ publishedVersion: 2, draftVersion: null });
    expect((await coord.post(`/api/diagnostic/questionnaires/${q.id}/publish`)).statusCode).toBe(409);
  });

  it('refuses an invalid questionnaire with every field, in French', async () => {
    const coord = await env.as('coordinator');
    const res = await coord.post('/api/diagnostic/questionnaires', {
      definition: { title: 'X', questions: [{ id: 'a', type: 'single', label: 'A', options: [] }] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('diagnostic/invalid-questionnaire');
    expect(res.json().error.fields).toEqual([{ path: 'questions.0.options', message: 'Il faut au moins 1 élément(s).' }]);
    const check = await coord.post('/api/diagnostic/questionnaires/check', { definition: survey });
    expect(check.json()).toEqual({ ok: true, errors: [] });
  });

  it('keeps building to coordinators: agents and the public may not', async () => {
    const agent = await env.as('agent');
    expect((await agent.post('/api/diagnostic/questionnaires', { definition: survey })).statusCode).toBe(403);
    expect((await env.client().post('/api/diagnostic/questionnaires', { definition: survey })).statusCode).toBe(401);
    expect((await agent.get('/api/diagnostic/questionnaires')).statusCode).toBe(200);
  });
});

describe('answering', () => {
  it('answers through a single-use link, resumes, sends; the link then stops working', async () => {
    const { coord, id } = await createPublished();
    const links = await coord.post(`/api/diagnostic/questionnaires/${id}/links`, { count: 2, label: 'Friperie du 12 mars' });
    expect(links.statusCode).toBe(201);
    expect((await env.expectAudit('diagnostic/links-created', id, { actorId: coord.user.id })).details).toEqual({ count: 2 });
    const [first] = links.json().links;
    expect(first.path).toBe(`/enquete/lien/${first.token}`);

    const visitor = env.client();
    let mark = await env.auditMark();
    const start = await visitor.post('/api/diagnostic/answering/start', { linkToken: first.token });
    expect(start.statusCode).toBe(201);
    const started = await env.expectAudit('diagnostic/answering-started', null, { after: mark, actorId: null });
    expect(started.details).toEqual({ channel: 'link' });
    const { token } = start.json();
    expect(start.json().questionnaire.questions).toHaveLength(4);
    expect((await visitor.post('/api/diagnostic/answering/save', { token, answers: { garde: 'Non' } })).statusCode).toBe(200);

    // Later, from the same link: the same draft, with its answers.
    const again = await visitor.post('/api/diagnostic/answering/start', { linkToken: first.token });
    expect(again.json().answers).toEqual({ garde: 'Non' });
    const token2 = again.json().token;
    expect((await visitor.post('/api/diagnostic/answering/resume', { token })).statusCode).toBe(404); // the old token was replaced
    expect((await visitor.post('/api/diagnostic/answering/resume', { token: token2 })).json().answers).toEqual({ garde: 'Non' });

    mark = await env.auditMark();
    const sent = await visitor.post('/api/diagnostic/answering/submit', {
      token: token2,
      answers: { garde: 'Non', freins: ['Coût', 'Places'], stress: 8, quartier: 'Nord' },
    });
    expect(sent.statusCode).toBe(200);
    await env.expectAudit('diagnostic/response-submitted', started.subjectId, { after: mark, actorId: null });
    expect((await visitor.post('/api/diagnostic/answering/start', { linkToken: first.token })).statusCode).toBe(410);
    expect((await visitor.post('/api/diagnostic/answering/submit', { token: token2, answers: { garde: 'Oui' } })).statusCode).toBe(404);
    expect((await visitor.post('/api/diagnostic/answering/start', { linkToken: 'x'.repeat(32) })).statusCode).toBe(404);

    const listed = (await coord.get(`/api/diagnostic/questionnaires/${id}/links`)).json().links;
    expect(listed.filter((l: { usedAt: string | null }) => l.usedAt).length).toBe(1);
    expect(JSON.stringify(listed)).not.toContain(first.token);
  });

  it('needs a link unless the questionnaire is open', async () => {
    const { coord, id } = await createPublished();
    const anon = env.client();
    expect((await anon.post('/api/diagnostic/answering/start', { questionnaireId: id })).json().error.code).toBe('diagnostic/link-required');
    await coord.put(`/api/diagnostic/questionnaires/${id}`, { access: 'open' });
    expect((await anon.get(`/api/diagnostic/public/questionnaires/${id}`)).json().title).toBe('Garde d’enfants');
    const mark = await env.auditMark();
    expect((await anon.post('/api/diagnostic/answering/start', { questionnaireId: id })).statusCode).toBe(201);
    expect((await env.expectAudit('diagnostic/answering-started', null, { after: mark, actorId: null })).details).toEqual({ channel: 'open' });
  });

  it('keeps a signed-in parent anonymous: the audit of an online answer names no account and no address', async () => {
    const { id } = await createPublished(survey, 'open');
    const parent = await env.as('parent');
    const mark = await env.auditMark();
    const { token } = (await parent.post('/api/diagnostic/answering/start', { questionnaireId: id })).json();
    const sent = await parent.post('/api/diagnostic/answering/submit', { token, answers: { garde: 'Non', stress: 3 } });
    expect(sent.statusCode).toBe(200);
    const started = await env.expectAudit('diagnostic/answering-started', null, { after: mark, actorId: null });
    const submitted = await env.expectAudit('diagnostic/response-submitted', started.subjectId, { after: mark, actorId: null });
    for (const entry of [started, submitted]) expect({ role: entry.actorRole, ip: entry.ip }).toEqual({ role: null, ip: null });
    const { rows } = await env.rt.deps.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE id > $1 AND action LIKE 'diagnostic/%' AND (actor_id = $2 OR request_id IS NOT NULL)`,
      [mark, parent.user.id],
    );
    expect(rows[0].n).toBe(0);
  });

  it('reports bad answers by question, drops answers its conditions hide, and refuses an empty response', async () => {
    const { id } = await createPublished(survey, 'open');
    const anon = env.client();
    const { token } = (await anon.post('/api/diagnostic/answering/start', { questionnaireId: id })).json();
    const bad = await anon.post('/api/diagnostic/answering/submit', { token, answers: { garde: 'Peut-être', stress: 12 } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['answers.garde', 'answers.stress']);
    const missing = await anon.post('/api/diagnostic/answering/submit', { token, answers: { stress: 3 } });
    expect(missing.json().error.fields).toEqual([{ path: 'answers.garde', message: 'Réponse obligatoire manquante.' }]);
    const ok = await anon.post('/api/diagnostic/answering/submit', { token, answers: { garde: 'oui', freins: ['Coût'], stress: 3 } });
    expect(ok.statusCode).toBe(200);

    const coord = await env.as('coordinator');
    const results = (await coord.get(`/api/diagnostic/questionnaires/${id}/results`)).json();
    expect(results.analysis.questions.garde.counts).toEqual({ Oui: 1, Non: 0 });
    expect(results.analysis.questions.freins.answered).toBe(0);
  });

  it('runs a kiosk for an agent, recording who collected', async () => {
    const { id } = await createPublished();
    const agent = await env.as('agent');
    const kiosk = await agent.post(`/api/diagnostic/questionnaires/${id}/kiosk`);
    expect(kiosk.statusCode).toBe(201);
    expect(kiosk.json().channel).toBe('kiosk');
    expect((await env.expectAudit('diagnostic/answering-started', null, { actorId: agent.user.id })).details).toEqual({ channel: 'kiosk' });
    const sent = await agent.post('/api/diagnostic/answering/submit', { token: kiosk.json().token, answers: { garde: 'Oui', stress: 5, quartier: 'Sud' } });
    expect(sent.statusCode).toBe(200);
    const { rows } = await env.rt.deps.db.query(`SELECT channel, collected_by, neighbourhood_id FROM diagnostic_responses WHERE questionnaire_id = $1`, [id]);
    expect(rows).toEqual([{ channel: 'kiosk', collected_by: agent.user.id, neighbourhood_id: 'sud' }]);
    expect((await env.client().post(`/api/diagnostic/questionnaires/${id}/kiosk`)).statusCode).toBe(401);
  });

  it('deletes drafts left for more than 90 days, never sent answers', async () => {
    const { id } = await createPublished(survey, 'open');
    const anon = env.client();
    const { token } = (await anon.post('/api/diagnostic/answering/start', { questionnaireId: id })).json();
    await anon.post('/api/diagnostic/answering/save', { token, answers: { garde: 'Oui' } });
    const sent = (await anon.post('/api/diagnostic/answering/start', { questionnaireId: id })).json();
    await anon.post('/api/diagnostic/answering/submit', { token: sent.token, answers: { garde: 'Non' } });
    const clock = env.clock as typeof env.clock & { set(iso: string): void };
    clock.set('2026-06-20T10:00:00+02:00');
    try {
      await env.rt.deps.jobs.runNow('diagnostic.purge-drafts', {});
    } finally {
      clock.set('2026-03-10T10:00:00+01:00');
    }
    const { rows } = await env.rt.deps.db.query(`SELECT status FROM diagnostic_responses WHERE questionnaire_id = $1`, [id]);
    expect(rows).toEqual([{ status: 'submitted' }]);
    expect((await anon.post('/api/diagnostic/answering/resume', { token })).statusCode).toBe(404);
  });

  it('refuses answers once the questionnaire is closed', async () => {
    const { coord, id } = await createPublished(survey, 'open');
    const anon = env.client();
    const { token } = (await anon.post('/api/diagnostic/answering/start', { questionnaireId: id })).json();
    await coord.post(`/api/diagnostic/questionnaires/${id}/close`, { closed: true });
    await env.expectAudit('diagnostic/questionnaire-closed', id, { actorId: coord.user.id });
    expect((await anon.post('/api/diagnostic/answering/submit', { token, answers: { garde: 'Oui' } })).statusCode).toBe(410);
    expect((await anon.post('/api/diagnostic/answering/start', { questionnaireId: id })).statusCode).toBe(410);
    expect((await coord.post(`/api/diagnostic/questionnaires/${id}/close`, { closed: false })).statusCode).toBe(200);
    await env.expectAudit('diagnostic/questionnaire-reopened', id, { actorId: coord.user.id });
  });
});

describe('CSV import and results', () => {
  const good = 'id,garde,freins,stress,quartier\nA1,Non,Coût|Horaires,8,Nord\nA2,Oui,,4,Sud\nA3,Non,Places,7,Nord\n';

  it('refuses a file with bad cells, every one reported by row and column, and imports nothing', async () => {
    const { coord, id } = await createPublished();
    const res = await coord.post(`/api/diagnostic/questionnaires/${id}/import`, {
      csv: 'id,garde,freins,stress,quartier\nA1,Non,Coût,8,Nord\nA2,Peut-être,Bus,11,Lune\nA3,Oui,Coût,4,Sud\n',
      fileName: 'terrain.csv',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'rows.3.garde',
      'rows.3.freins',
      'rows.3.stress',
      'rows.3.quartier',
      'rows.4.freins',
    ]);
    expect(res.json().error.fields[0].message).toMatch(/^ligne 3, colonne B \(garde\) : « Peut-être »/);
    expect(res.json().error.fields[4].message).toMatch(/condition d’affichage/);
    const count = await env.rt.deps.db.query(`SELECT count(*) AS n FROM diagnostic_responses WHERE questionnaire_id = $1`, [id]);
    expect(count.rows[0].n).toBe(0);
  });

  it('finds a bad cell far in a big file (the last of 30,000 rows) by row and column and imports nothing; fixed, the file imports whole through COPY', async () => {
    const { coord, id } = await createPublished();
    const rows = Array.from({ length: 30_000 }, (_, i) => (i % 2 ? `B${i},Oui,,${1 + (i % 10)},Sud` : `B${i},Non,Coût|Places,${1 + (i % 10)},Nord`));
    const bad = [...rows.slice(0, -1), 'B29999,Oui,,12,Sud'];
    const refused = await coord.post(`/api/diagnostic/questionnaires/${id}/import`, { csv: ['id,garde,freins,stress,quartier', ...bad].join('\n') });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields).toEqual([{ path: 'rows.30001.stress', message: expect.stringMatching(/^ligne 30001, colonne D \(stress\) : « 12 »/) }]);
    const none = await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM diagnostic_responses WHERE questionnaire_id = $1`, [id]);
    expect(none.rows[0].n).toBe(0);

    const res = await coord.post(`/api/diagnostic/questionnaires/${id}/import`, {
      csv: ['id,garde,freins,stress,quartier', ...rows].join('\n'),
      fileName: 'grand.csv',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 30_000, warnings: [] });
    expect((await env.expectAudit('diagnostic/responses-imported', id, { actorId: coord.user.id })).details).toMatchObject({ rows: 30_000 });
    const { rows: stored } = await env.rt.deps.db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE neighbourhood_id = 'nord')::int AS nord, count(DISTINCT import_id)::int AS imports,
              min(answers::jsonb::text) FILTER (WHERE external_id = 'B0') AS b0, min(answers::jsonb::text) FILTER (WHERE external_id = 'B29999') AS last
         FROM diagnostic_responses WHERE questionnaire_id = $1 AND channel = 'import' AND status = 'submitted'`,
      [id],
    );
    expect(stored[0]).toEqual({
      n: 30_000,
      nord: 15_000,
      imports: 1,
      b0: '{"garde": "Non", "freins": ["Coût", "Places"], "stress": 1, "quartier": "Nord"}',
      last: '{"garde": "Oui", "stress": 10, "quartier": "Sud"}',
    });
  });

  it('imports from the command line as the system (relais diagnostic import): progress told as the rows are written, audited without an actor', async () => {
    const { id } = await createPublished();
    const rows = Array.from({ length: 25_000 }, (_, i) => `C${i},Oui,,${1 + (i % 10)},Sud`);
    const told: Array<[number, number]> = [];
    const mark = await env.auditMark();
    const result = await importResponses(
      env.rt.systemCtx(),
      id,
      { csv: ['id,garde,freins,stress,quartier', ...rows].join('\n'), fileName: 'terrain.csv' },
      { by: null, onProgress: (done, total) => told.push([done, total]) },
    );
    expect(result).toEqual({ imported: 25_000, warnings: [] });
    expect(told).toEqual([
      [10_000, 25_000],
      [20_000, 25_000],
      [25_000, 25_000],
    ]);
    const entry = await env.expectAudit('diagnostic/responses-imported', id, { after: mark, actorId: null });
    expect(entry.details).toMatchObject({ rows: 25_000 });
    const { rows: imports } = await env.rt.deps.db.query(`SELECT file_name, rows_imported, imported_by FROM diagnostic_imports WHERE questionnaire_id = $1`, [
      id,
    ]);
    expect(imports).toEqual([{ file_name: 'terrain.csv', rows_imported: 25_000, imported_by: null }]);
  });

  it('a file read in pieces while it is written: an id imported before, found by the constraint, is reported by row; a bad cell after it is reported first; nothing kept', async () => {
    const { id } = await createPublished();
    const ctx = env.rt.systemCtx();
    const header = 'id,garde,freins,stress,quartier';
    await importResponses(ctx, id, { csv: `${header}\nD7,Oui,,3,Sud` }, { by: null });
    const rows = Array.from({ length: 3_000 }, (_, i) => `D${i + 10},Oui,,${1 + (i % 10)},Sud`);
    rows[2_000] = 'D7,Non,,4,Nord';
    // Pieces of 4 kB: the row imported before is met long after the first rows were written.
    const refused = importResponses(ctx, id, { csv: [header, ...rows].join('\n') }, { by: null }, 4096);
    await expect(refused).rejects.toMatchObject({
      code: 'diagnostic/invalid-responses',
      fields: [{ path: 'rows.2002.id', message: expect.stringMatching(/Identifiant « D7 » déjà importé/) }],
    });
    rows[2_500] = 'D9999,Oui,,11,Sud';
    const bad = importResponses(ctx, id, { csv: [header, ...rows].join('\n') }, { by: null }, 4096);
    await expect(bad).rejects.toMatchObject({ fields: [{ path: 'rows.2502.stress' }] });
    const { rows: stored } = await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM diagnostic_responses WHERE questionnaire_id = $1`, [id]);
    expect(stored[0].n).toBe(1);
    const { rows: imports } = await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM diagnostic_imports WHERE questionnaire_id = $1`, [id]);
    expect(imports[0].n).toBe(1);
  });

  it('several COPY statements of 10,000 answers in one transaction: an id imported before in the third is reported by row, a bad last cell first; nothing kept; a clean file whole', async () => {
    const { id } = await createPublished();
    const ctx = env.rt.systemCtx();
    const header = 'id,garde,freins,stress,quartier';
    await importResponses(ctx, id, { csv: `${header}\nE7,Oui,,3,Sud` }, { by: null });
    const rows = Array.from({ length: 25_000 }, (_, i) => `E${i + 10},Oui,,${1 + (i % 10)},Sud`);
    rows[22_000] = 'E7,Non,,4,Nord';
    await expect(importResponses(ctx, id, { csv: [header, ...rows].join('\n') }, { by: null }, 8192)).rejects.toMatchObject({
      fields: [{ path: 'rows.22002.id', message: expect.stringMatching(/Identifiant « E7 » déjà importé/) }],
    });
    rows[24_999] = 'E99999,Oui,,11,Sud';
    await expect(importResponses(ctx, id, { csv: [header, ...rows].join('\n') }, { by: null }, 8192)).rejects.toMatchObject({
      fields: [{ path: 'rows.25001.stress' }],
    });
    const count = async () => (await env.rt.deps.db.query(`SELECT count(*)::int AS n FROM diagnostic_responses WHERE questionnaire_id = $1`, [id])).rows[0].n;
    expect(await count()).toBe(1);
    rows[22_000] = 'E8,Non,,4,Nord';
    rows[24_999] = 'E9,Oui,,10,Sud';
    expect(await importResponses(ctx, id, { csv: [header, ...rows].join('\n') }, { by: null })).toEqual({ imported: 25_000, warnings: [] });
    expect(await count()).toBe(25_001);
  });

  it('a stray quote that misleads the pieces: the file is read whole instead, and imported as written', async () => {
    const { id } = await createPublished();
    const csv = ['id,garde,freins,stress,quartier', 'Q"1,Oui,,3,Sud', ...Array.from({ length: 200 }, (_, i) => `Q${i + 2},Non,"Coût|\nPlaces",2,Nord`)].join(
      '\n',
    );
    const result = await importResponses(env.rt.systemCtx(), id, { csv }, { by: null }, 64);
    expect(result.imported).toBe(201);
    const { rows } = await env.rt.deps.db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE answers::jsonb->'freins' = '["Coût", "Places"]')::int AS both FROM diagnostic_responses WHERE questionnaire_id = $1`,
      [id],
    );
    expect(rows[0]).toEqual({ n: 201, both: 200 });
  });

  it('imports a good file in one go, refuses it a second time, and analyses it with a cross-tab and filters', async () => {
    const { coord, id } = await createPublished();
    const res = await coord.post(`/api/diagnostic/questionnaires/${id}/import`, { csv: good, fileName: 'terrain.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 3, warnings: [] });
    await env.expectAudit('diagnostic/responses-imported', id, { actorId: coord.user.id });
    const twice = await coord.post(`/api/diagnostic/questionnaires/${id}/import`, { csv: good });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.fields).toHaveLength(3);

    const r = (await coord.get(`/api/diagnostic/questionnaires/${id}/results?by=quartier`)).json();
    expect(r.analysis.n_respondents).toBe(3);
    expect(r.analysis.questions.freins).toMatchObject({
      mentions: 3,
      percent: { Coût: 33.3, Horaires: 33.3, Places: 33.3 },
      percent_of_respondents: { Coût: 50 },
    });
    expect(r.analysis.questions.stress.mean).toBe(6.33);
    expect(r.analysis.by.Nord.n_respondents).toBe(2);
    expect(r.analysis.by.Nord.questions.stress.mean).toBe(7.5);
    const f = (await coord.get(`/api/diagnostic/questionnaires/${id}/results?filter=stress>=5&filter=garde=Non`)).json();
    expect(f.analysis.n_respondents).toBe(2);
    const later = (await coord.get(`/api/diagnostic/questionnaires/${id}/results?from=2026-03-11`)).json();
    expect(later.analysis.n_respondents).toBe(0);
    const thatDay = (await coord.get(`/api/diagnostic/questionnaires/${id}/results?from=2026-03-10&to=2026-03-10`)).json();
    expect(thatDay.analysis.n_respondents).toBe(3);
    const bad = await coord.get(`/api/diagnostic/questionnaires/${id}/results?by=nope`);
    expect(bad.statusCode).toBe(422);

    const csv = await coord.get(`/api/diagnostic/questionnaires/${id}/responses.csv`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('A1,Non,Coût|Horaires,8,Nord');

    const html = await coord.get(`/api/diagnostic/questionnaires/${id}/report?format=html&by=quartier`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('<h2 id="s-methode">Méthode</h2>');
    expect(html.body).toContain('<svg');
    const md = await coord.get(`/api/diagnostic/questionnaires/${id}/report?format=md`);
    expect(md.body).toContain('# Garde d’enfants');
    const agent = await env.as('agent');
    expect((await agent.get(`/api/diagnostic/questionnaires/${id}/results`)).statusCode).toBe(403);
  });

  it.runIf(pdfAvailable())(
    'exports the report as PDF through Chromium',
    async () => {
      const { coord, id } = await createPublished();
      await coord.post(`/api/diagnostic/questionnaires/${id}/import`, { csv: good });
      const pdf = await coord.get(`/api/diagnostic/questionnaires/${id}/report?format=pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    },
    60_000,
  );
});

describe('demo and indicators', () => {
  it('ships the Amiens questionnaire and its 86 answers, analysed like the published diagnostic', async () => {
    await env.seedDemo();
    const coord = await env.as('coordinator');
    const list = (await coord.get('/api/diagnostic/questionnaires')).json().questionnaires;
    const amiens = list.find((q: { title: string }) => q.title.includes('Amiens'));
    expect(amiens).toMatchObject({ status: 'published', responses: 86, isDemo: true });
    expect(amiens.source).toMatch(/Données de référence d'Amiens/);
    const r = (await coord.get(`/api/diagnostic/questionnaires/${amiens.id}/results?by=quartier`)).json();
    expect(r.analysis.questions.stress.mean).toBe(6.24);
    expect(r.analysis.questions.pouvoir_achat.percent).toEqual({ Non: 70.9, Oui: 29.1 });
    expect(Object.keys(r.analysis.by)).toContain('Étouvie');

    const share = await computeQuestionnaireIndicator(
      env.rt.deps.db,
      { questionnaireId: amiens.id, measure: 'share', question: 'pouvoir_achat', option: 'Non' },
      env.rt.deps.town,
    );
    expect(share).toMatchObject({ value: 70.9, base: 86, unit: '%' });
    expect(share.byNeighbourhood.find((g) => g.label === 'Étouvie')).toMatchObject({ neighbourhood: 'etouvie', base: 12 });
    const mean = await computeQuestionnaireIndicator(env.rt.deps.db, { questionnaireId: amiens.id, measure: 'mean', question: 'fatigue' });
    expect(mean.value).toBe(6.35);

    const sources = await indicatorSources(env.rt.deps.db);
    const src = sources.find((x) => x.questionnaireId === amiens.id)!;
    expect(src.responses).toBe(86);
    expect(src.questions.find((x) => x.id === 'stress')).toMatchObject({ measures: ['mean'] });
    expect(src.questions.find((x) => x.id === 'pouvoir_achat')).toMatchObject({ measures: ['share'], options: ['Non', 'Oui'] });

    const participation = await responsesIndicator.compute(env.rt.deps.db, { from: new Date('2026-01-01'), to: new Date('2027-01-01') });
    expect(participation.reduce((a, p) => a + p.value, 0)).toBeGreaterThanOrEqual(86);
    expect(participation.find((p) => p.neighbourhood === 'nord')!.value).toBeGreaterThanOrEqual(34);
  });
});
