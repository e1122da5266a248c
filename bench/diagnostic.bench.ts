/**
 * Survey analysis at town scale: 100,000 responses to a 30-question questionnaire.
 * - diagnostic_csv_parse_100k_ms: read and check the CSV (every cell parsed and validated), in memory;
 * - diagnostic_analyse_100k_ms: analyse every question, with one cross-tabulation by neighbourhood;
 * - diagnostic_csv_import_100k_ms: the import use case (parse, check, insert into PostgreSQL in
 *   one transaction), then its phases: diagnostic_csv_import_100k_copy_fed_ms (the file read,
 *   checked and its last row handed to the COPY: reading and writing overlap),
 *   diagnostic_csv_import_100k_finish_ms (the COPY's end, the import's row, audit, commit), and
 *   the CPU each side spent — diagnostic_csv_import_100k_app_cpu_ms (this process: reading,
 *   checking, encoding) and diagnostic_csv_import_100k_db_cpu_ms (the PostgreSQL server) —
 *   which hold on a shared machine where wall times follow the load;
 * - diagnostic_results_db_100k_ms: the results use case (read the 100,000 answers back from
 *   PostgreSQL, analyse with the cross-tabulation);
 * - diagnostic_results_db_100k_warm_ms: the same with another cross-tabulation, the answers
 *   unchanged (the results page changing its cross-tab or filters).
 * - diagnostic_csv_export_100k_ms: the answers' CSV export, streamed from a cursor (issue 20).
 * - diagnostic_report_pdf_amiens_ms: the Amiens demo report (86 answers, the diagnostic's
 *   sections) printed to PDF through the platform's renderer (src/platform/pdf.ts: its own
 *   Chromium started, the page laid out and printed, the browser gone): median of 3.
 * The answers are synthetic, drawn from a seeded generator so that every run is the same.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { externalPrograms, pdfRendering } from '../src/config';
import { analyseSurvey } from '../src/modules/diagnostic/analyse-survey';
import { PdfRenderer } from '../src/platform/pdf';
import { makeCtx } from '../src/platform/context';
import { insertUser } from '../src/platform/auth/auth.service';
import { analyse } from '../src/modules/diagnostic/analysis';
import { insertQuestionnaire } from '../src/modules/diagnostic/diagnostic.store';
import { exportResponsesCsv, getResults, importResponses } from '../src/modules/diagnostic/results.service';
import { startBenchApp } from './harness';
import { serverCpu } from './lib/server-cpu';
import { toCsv } from '../src/platform/csv';
import { parseQuestionnaire, type Questionnaire } from '../src/modules/diagnostic/questionnaire';
import { readResponsesCsv } from '../src/modules/diagnostic/responses-csv';

const RESPONSES = 100_000;

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchQuestionnaire(): Questionnaire {
  const questions: unknown[] = [
    { id: 'quartier', type: 'neighbourhood', label: 'Quartier', options: ['Nord', 'Étouvie', 'Sud', 'Saint-Maurice', 'Saint-Leu', 'Centre-ville', 'Elbeuf'] },
  ];
  for (let i = 1; i <= 14; i++) questions.push({ id: `choix_${i}`, type: 'single', label: `Choix ${i}`, options: ['Oui', 'Non', 'Ne sait pas', 'Parfois'] });
  for (let i = 1; i <= 5; i++)
    questions.push({
      id: `multi_${i}`,
      type: 'multi',
      label: `Multi ${i}`,
      options: ['Coût élevé', 'Autre', 'Taille insuffisante', 'Bruit', 'Isolation', 'Transports'],
    });
  for (let i = 1; i <= 7; i++) questions.push({ id: `echelle_${i}`, type: 'scale', label: `Échelle ${i}` });
  questions.push({ id: 'enfants', type: 'number', label: 'Enfants', min: 0, max: 12, integer: true });
  questions.push({ id: 'loyer', type: 'number', label: 'Loyer', min: 0 });
  questions.push({ id: 'avis', type: 'text', label: 'Une idée ?' });
  return parseQuestionnaire({ title: 'Banc d’essai', questions });
}

export function benchCsv(qn: Questionnaire, n = RESPONSES): string {
  const rnd = mulberry32(42);
  const rows: string[][] = [['id', ...qn.questions.map((q) => q.id)]];
  for (let r = 0; r < n; r++) {
    const row = [`R${r + 1}`];
    for (const q of qn.questions) {
      if (rnd() < 0.05) {
        row.push('');
        continue;
      }
      switch (q.type) {
        case 'single':
        case 'neighbourhood':
          row.push(q.options[Math.floor(rnd() * q.options.length)]!);
          break;
        case 'multi':
          row.push(q.options.filter(() => rnd() < 0.3).join('|'));
          break;
        case 'scale':
          row.push(String(1 + Math.floor(rnd() * 10)));
          break;
        case 'number':
          row.push(q.id === 'loyer' ? (300 + rnd() * 600).toFixed(2).replace('.', ',') : String(Math.floor(rnd() * 5)));
          break;
        case 'text':
          row.push(rnd() < 0.2 ? 'Plus de places en crèche, et des horaires "souples"' : '');
          break;
      }
    }
    rows.push(row);
  }
  return toCsv(rows);
}

/** The Amiens demo report as the API serves it, printed to PDF; median of `runs` renders, in ms. */
async function amiensReportPdfMs(runs = 3): Promise<number> {
  const demo = path.resolve(import.meta.dirname, '../src/modules/diagnostic/demo');
  const { output: html } = analyseSurvey({
    questionnaireJson: fs.readFileSync(path.join(demo, 'amiens-questionnaire.json'), 'utf8'),
    responsesCsv: fs.readFileSync(path.join(demo, 'amiens-responses.csv'), 'utf8'),
    themesJson: fs.readFileSync(path.join(demo, 'amiens-themes.json'), 'utf8'),
    format: 'html',
  });
  const renderer = new PdfRenderer({ chromiumPath: externalPrograms().chromium, ...pdfRendering() });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const pdf = await renderer.render(html);
    times.push(performance.now() - t);
    if (pdf.subarray(0, 5).toString() !== '%PDF-') throw new Error('bench: not a PDF');
  }
  await renderer.idle();
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

export default async function run(report: (name: string, value: number, unit: string) => void) {
  if (new PdfRenderer({ chromiumPath: externalPrograms().chromium, ...pdfRendering() }).available()) {
    report('diagnostic_report_pdf_amiens_ms', Math.round(await amiensReportPdfMs()), 'ms');
  }
  const qn = benchQuestionnaire();
  const csv = benchCsv(qn);

  let t = performance.now();
  const { table, errors } = readResponsesCsv(qn, csv);
  const importMs = performance.now() - t;
  if (errors.length || table.size !== RESPONSES) throw new Error(`bench data invalid: ${errors.length} errors, ${table.size} rows`);

  t = performance.now();
  const result = analyse(table, { by: 'quartier' });
  const analyseMs = performance.now() - t;
  if (result.n_respondents !== RESPONSES || Object.keys(result.by!).length < 7) throw new Error('bench analysis incomplete');

  report('diagnostic_csv_parse_100k_ms', Math.round(importMs), 'ms');
  report('diagnostic_analyse_100k_ms', Math.round(analyseMs), 'ms');

  const bench = await startBenchApp();
  try {
    const user = await insertUser(bench.rt.deps.db, {
      identifier: `bench-coord-${Date.now()}@bench.relais.fr`,
      password: 'mot-de-passe-bench',
      role: 'coordinator',
      displayName: 'Bench',
    });
    const ctx = makeCtx(bench.rt.deps, {
      id: user.id,
      role: 'coordinator',
      displayName: 'Bench',
      email: null,
      phone: null,
      structureId: null,
      locale: 'fr',
      easyRead: false,
      isDemo: false,
    });
    const id = await insertQuestionnaire(bench.rt.deps.db, {
      title: qn.title,
      access: 'links',
      definition: qn,
      publish: true,
      createdBy: user.id,
      now: new Date(),
    });
    const serverMs = await serverCpu(bench.rt.deps.db);
    const server0 = serverMs?.() ?? 0;
    const app0 = process.cpuUsage();
    let fedMs = 0;
    t = performance.now();
    const imported = await importResponses(
      ctx,
      id,
      { csv, fileName: 'bench.csv' },
      { by: user.id, onProgress: (done) => done === RESPONSES && (fedMs = performance.now() - t) },
    );
    const dbImportMs = performance.now() - t;
    const appCpu = process.cpuUsage(app0);
    const serverCpuMs = serverMs ? serverMs() - server0 : null;
    if (imported.imported !== RESPONSES) throw new Error(`bench import: ${imported.imported} rows`);
    t = performance.now();
    const results = await getResults(ctx, id, { by: 'quartier' });
    const resultsMs = performance.now() - t;
    if (results.analysis.n_respondents !== RESPONSES) throw new Error('bench results incomplete');
    t = performance.now();
    const warm = await getResults(ctx, id, { by: 'choix_1' });
    const warmMs = performance.now() - t;
    if (warm.analysis.n_respondents !== RESPONSES) throw new Error('bench results incomplete');
    t = performance.now();
    const exported = await exportResponsesCsv(ctx, id);
    let exportedBytes = 0;
    for await (const chunk of exported.chunks) exportedBytes += chunk.length;
    const exportMs = performance.now() - t;
    if (exportedBytes < RESPONSES * 10) throw new Error(`bench export too short: ${exportedBytes} characters`);
    const load = `load ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores`;
    report('diagnostic_csv_import_100k_ms', Math.round(dbImportMs), `ms (aim ≤ 2,000 ms; ${load})`);
    report('diagnostic_csv_import_100k_copy_fed_ms', Math.round(fedMs), 'ms (file read and checked, last row handed to the COPY)');
    report('diagnostic_csv_import_100k_finish_ms', Math.round(dbImportMs - fedMs), 'ms (end of the COPY, audit, commit)');
    report('diagnostic_csv_import_100k_app_cpu_ms', Math.round((appCpu.user + appCpu.system) / 1000), 'ms of CPU (this process)');
    if (serverCpuMs !== null) report('diagnostic_csv_import_100k_db_cpu_ms', serverCpuMs, 'ms of CPU (PostgreSQL server)');
    report('diagnostic_results_db_100k_ms', Math.round(resultsMs), 'ms');
    report('diagnostic_results_db_100k_warm_ms', Math.round(warmMs), 'ms');
    report('diagnostic_csv_export_100k_ms', Math.round(exportMs), `ms (streamed from a cursor; ${load})`);
  } finally {
    await bench.close();
  }
}
