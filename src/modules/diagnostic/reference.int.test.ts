/**
 * The demo questionnaire holds Amiens' 86 reference answers: answers sent since to try it
 * (an import, a link, the kiosk) are counted apart and never merged into the reference figures.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-12-04T10:00:00+01:00' });
  await env.seedDemo();
});
afterAll(() => env.close());

it('keeps the reference 86 apart from trial answers', async () => {
  const coord = await env.as('coordinator');
  const { rows } = await env.rt.deps.db.query<{ id: string }>(`SELECT id FROM diagnostic_questionnaires WHERE is_demo LIMIT 1`);
  const id = rows[0].id;
  const before = (await coord.get(`/api/diagnostic/questionnaires/${id}/results`)).json();
  expect(before.analysis.n_respondents).toBe(86);
  expect(before.trialAnswers).toBe(0);

  // Two trial answers: the reference file's first two rows under new ids.
  const csv = fs.readFileSync(path.join(import.meta.dirname, 'demo', 'amiens-responses.csv'), 'utf8').split('\n');
  const trial = [csv[0], csv[1].replace(/^R001/, 'ESSAI1'), csv[2].replace(/^R002/, 'ESSAI2')].join('\n');
  const imported = await coord.post(`/api/diagnostic/questionnaires/${id}/import`, { csv: trial, fileName: 'essai.csv' });
  expect(imported.json()).toMatchObject({ imported: 2 });

  const after = (await coord.get(`/api/diagnostic/questionnaires/${id}/results`)).json();
  expect(after.analysis.n_respondents).toBe(86);
  expect(after.analysis.questions).toEqual(before.analysis.questions);
  expect(after.trialAnswers).toBe(2);
});

it('a questionnaire without reference answers counts every answer', async () => {
  const coord = await env.as('coordinator');
  const created = await coord.post('/api/diagnostic/questionnaires', {
    definition: { title: 'Sans référence', questions: [{ id: 'garde', type: 'single', label: 'Garde ?', options: ['Oui', 'Non'] }] },
    access: 'links',
  });
  const id = created.json().id;
  await coord.post(`/api/diagnostic/questionnaires/${id}/publish`);
  await coord.post(`/api/diagnostic/questionnaires/${id}/import`, { csv: 'id,garde\nA,Oui\nB,Non\n' });
  const r = (await coord.get(`/api/diagnostic/questionnaires/${id}/results`)).json();
  expect(r.analysis.n_respondents).toBe(2);
  expect(r.trialAnswers).toBe(0);
});
