/**
 * The report stays within bounds: a long free-text answer is shown cut (with a note), a 1 MB
 * one (stored before answers were capped on the way in, or by another path) neither hangs
 * the report nor its PDF, and
 * the PDF is made; when every PDF slot is taken and the queue is full, the request is
 * refused at once with 503 http/busy and a Retry-After. (The renderer's deadline and kills
 * are tested in src/platform/pdf.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalPrograms } from '../../config';
import { PdfRenderer, setPdfRenderer } from '../../platform/pdf';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { MAX_ANSWER_CHARS } from './report';
import { pdfAvailable } from './report-pdf';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00', jobs: 'none' });
});
afterAll(() => env.close());

const survey = {
  title: 'Avis des parents',
  questions: [
    { id: 'avis', type: 'single', label: 'Êtes-vous satisfait ?', options: ['Oui', 'Non'], required: true },
    { id: 'remarques', type: 'text', label: 'Vos remarques' },
  ],
};

const ONE_MB = 1024 * 1024;
const SENTENCE = 'Le bus ne passe plus après 19 h et la crèche ferme à 18 h. ';
const huge = `${SENTENCE.repeat(Math.ceil(ONE_MB / SENTENCE.length)).slice(0, ONE_MB - 1)}.`;
/** Within what an import accepts, past what the report shows. */
const long = `${SENTENCE.repeat(80).slice(0, 4499)}.`;

async function questionnaireWithHugeAnswer() {
  const coord = await env.as('coordinator');
  const created = await coord.post('/api/diagnostic/questionnaires', { definition: survey, access: 'links' });
  expect(created.statusCode).toBe(201);
  const id = created.json().id as string;
  expect((await coord.post(`/api/diagnostic/questionnaires/${id}/publish`)).statusCode).toBe(200);
  const imported = await coord.post(`/api/diagnostic/questionnaires/${id}/import`, {
    csv: `id,avis,remarques\nA1,Non,à remplacer\nA2,Oui,Rien à signaler\nA3,Non,${long}\n`,
  });
  expect(imported.statusCode).toBe(200);
  // Answers are capped on the way in (5,000 characters); a 1 MB one stored before the cap
  // (or by another path) must still give a report. Put it in place as it would be stored.
  const set = await env.rt.deps.db.query(
    `UPDATE diagnostic_responses SET answers = jsonb_set(answers::jsonb, '{remarques}', to_jsonb($2::text))::json, updated_at = updated_at + interval '1 second' WHERE questionnaire_id = $1 AND external_id = 'A1'`,
    [id, huge],
  );
  expect(set.rowCount).toBe(1);
  return { coord, id };
}

describe('diagnostic report limits', () => {
  it('shows the start of long answers (4,500 characters, 1 MB stored before the cap) and says they were cut; the whole answers stay in the CSV', async () => {
    const { coord, id } = await questionnaireWithHugeAnswer();
    const html = await coord.get(`/api/diagnostic/questionnaires/${id}/report?format=html`);
    expect(html.statusCode).toBe(200);
    expect(huge).toHaveLength(ONE_MB);
    expect(long).toHaveLength(4500);
    expect(MAX_ANSWER_CHARS).toBeLessThan(long.length);
    // Nothing accepted is silently lost: the 1 MB answer counts and shows cut, like the 4,500 one.
    const totals = [...html.body.matchAll(/réponse tronquée : ([\d\s\u202f]+) caractères au total/g)].map((m) => Number(m[1]!.replace(/\D/g, '')));
    expect(totals.sort((a, b) => a - b)).toEqual([4500, ONE_MB]);
    expect(html.body).not.toContain(long);
    expect(html.body).toContain('Rien à signaler');
    expect(html.body.length).toBeLessThan(100_000 + 2 * MAX_ANSWER_CHARS);
    const md = await coord.get(`/api/diagnostic/questionnaires/${id}/report?format=md`);
    expect(md.body).toContain('réponse tronquée');
    const csv = await coord.get(`/api/diagnostic/questionnaires/${id}/responses.csv`);
    expect(csv.body).toContain(long);
    expect(csv.body).toContain(huge);
  });

  it.runIf(pdfAvailable())(
    'prints the report with the 1 MB answer to PDF',
    async () => {
      const { coord, id } = await questionnaireWithHugeAnswer();
      const pdf = await coord.get(`/api/diagnostic/questionnaires/${id}/report?format=pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    },
    120_000,
  );

  it.runIf(pdfAvailable())(
    'answers 503 http/busy with Retry-After when every slot and the queue are taken',
    async () => {
      const { coord, id } = await questionnaireWithHugeAnswer();
      const full = new PdfRenderer({ chromiumPath: externalPrograms().chromium, concurrency: 1, queueLimit: 0, timeoutMs: 120_000 });
      const previous = setPdfRenderer(full);
      const occupy = new AbortController();
      try {
        const running = full
          .render('<!doctype html><title>x</title><script>for (;;) {}</script>', { signal: occupy.signal })
          .catch((e: { code: string }) => e.code);
        const res = await coord.get(`/api/diagnostic/questionnaires/${id}/report?format=pdf`);
        expect(res.statusCode).toBe(503);
        expect(res.json().error.code).toBe('http/busy');
        expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        occupy.abort();
        expect(await running).toBe('http/aborted');
        await full.idle();
      } finally {
        occupy.abort();
        setPdfRenderer(previous);
      }
    },
    120_000,
  );
});
