/**
 * Lighthouse (mobile, simulated throttling) on every public page a parent reaches without
 * an account: performance and accessibility scores, page by page, and the lowest of each.
 * Pages with an id take the first one the demo data has (a service, a structure, a need,
 * a campaign). One Chromium for all pages; each page is measured once, from a cold cache.
 * The server reads the built page once at start: if the web app is rebuilt meanwhile (its
 * assets renamed), a page paints nothing; the app is then restarted on the new build and the
 * page measured again, once. `npm run bench -- lighthouse`; on another build than dist/web,
 * `RELAIS_WEB_DIST=/tmp/web-me npm run bench -- lighthouse` (compressed first:
 * `npx tsx scripts/compress-web.ts /tmp/web-me`).
 *
 * Simulated throttling (Lantern) is computed from the trace, so a busy machine lowers the
 * score: each page's line carries the load average when it was measured, and the first and
 * last lines the load at the start and the end. `LIGHTHOUSE_RUNS=3` measures each page that
 * many times and reports the median (with every score and load on a `#` line);
 * `LIGHTHOUSE_PAGES=simulateur,guide` measures only the pages whose name contains one of
 * these; `LIGHTHOUSE_REPORTS=/tmp/lh` writes each run's full report there (`<page>-<run>.json`),
 * to read its opportunities and diagnostics.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBenchApp, type Report } from './harness';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/harness';
import { WEB_DIST } from '../src/platform/http/server';

const load1 = () => os.loadavg()[0];
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS) || 1);
const ONLY = (process.env.LIGHTHOUSE_PAGES ?? '').split(',').filter(Boolean);
const REPORTS = process.env.LIGHTHOUSE_REPORTS;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Public parent pages: `name` → path (`:x` filled from the demo data below). */
const PAGES: [string, string][] = [
  ['accueil', '/'],
  ['connexion', '/connexion'],
  ['inscription', '/inscription'],
  ['mot_de_passe_oublie', '/mot-de-passe-oublie'],
  ['droits', '/droits'],
  ['droits_simulateur', '/droits/simulateur'],
  ['droits_prestations', '/droits/prestations'],
  ['droits_potentiels', '/droits/potentiels'],
  ['annuaire', '/annuaire'],
  ['annuaire_recherche', '/annuaire?besoin=:besoin'],
  ['annuaire_service', '/annuaire/services/:service'],
  ['annuaire_structure', '/annuaire/structures/:structure'],
  ['annuaire_guide', '/annuaire/guide/:besoin'],
  ['aides', '/aides'],
  ['places', '/places'],
  ['plan_d_action', '/plan-d-action'],
];

interface NetworkItem {
  resourceType?: string;
  transferSize?: number;
}

async function firstIds(url: string): Promise<Record<string, string | undefined>> {
  const get = async (path: string) => (await fetch(`${url}${path}`)).json() as Promise<any>;
  const services = await get('/api/annuaire/services?par_page=1');
  const needs = await get('/api/annuaire/besoins');
  return {
    service: services.services?.[0]?.id,
    structure: services.services?.[0]?.structure_id ?? services.services?.[0]?.structure?.id,
    besoin: needs.besoins?.[0]?.id,
  };
}

export default async function run(report: Report) {
  if (!fs.existsSync(CHROMIUM)) {
    console.error('# chromium missing: Lighthouse not measured');
    return;
  }
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error(`${WEB_DIST} is missing: run \`npm run build\` first`);
  report('lighthouse_load_average_start', load1(), 'load');
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  let app = await startBenchApp({ seed: true });
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS });
  const lowest = { performance: 100, accessibility: 100 };
  const measure = (url: string) =>
    lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
      { extends: 'lighthouse:default', settings: { formFactor: 'mobile', throttlingMethod: 'simulate' } },
    );
  try {
    let ids = await firstIds(app.url);
    if (REPORTS) fs.mkdirSync(REPORTS, { recursive: true });
    for (const [name, pattern] of PAGES) {
      if (ONLY.length && !ONLY.some((o) => name.includes(o))) continue;
      const missing = pattern.match(/:(\w+)/g)?.find((p) => !ids[p.slice(1)]);
      if (missing) {
        console.error(`# ${name}: no ${missing.slice(1)} in the demo data, not measured`);
        continue;
      }
      const pathOf = () => pattern.replace(/:(\w+)/g, (_, k: string) => ids[k]!);
      const runs: { perf: number; a11y: number; lcp: number; tbt: number; cls: number; js: number; load: number; failing: string[] }[] = [];
      for (let run = 1; run <= RUNS; run++) {
        let path = pathOf();
        let result = await measure(`${app.url}${path}`);
        if (result?.lhr.runtimeError?.code === 'NO_FCP') {
          console.error(`# ${name}: nothing painted (web app rebuilt meanwhile?): restarting on the current build`);
          await app.close();
          app = await startBenchApp({ seed: true });
          ids = await firstIds(app.url);
          path = pathOf();
          result = await measure(`${app.url}${path}`);
        }
        const lhr = result?.lhr;
        if (!lhr || lhr.runtimeError || lhr.categories.performance?.score == null) {
          console.error(`# ${name}: Lighthouse could not score ${path}: ${lhr?.runtimeError?.message ?? 'no result'}`);
          continue;
        }
        if (REPORTS) fs.writeFileSync(`${REPORTS}/${name}-${run}.json`, JSON.stringify(lhr));
        const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
        const jsBytes = ((lhr.audits['network-requests']?.details as { items?: NetworkItem[] } | undefined)?.items ?? [])
          .filter((r) => r.resourceType === 'Script')
          .reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
        // What costs the most, to act on (the audits Lighthouse itself ranks).
        const failing = Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 0.9 && (a.details as { type?: string } | undefined)?.type !== 'debugdata')
          .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`)
          .slice(0, 8);
        runs.push({
          perf: Math.round(lhr.categories.performance.score * 100),
          a11y: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
          lcp: num('largest-contentful-paint'),
          tbt: num('total-blocking-time'),
          cls: num('cumulative-layout-shift'),
          js: jsBytes,
          load: load1(),
          failing,
        });
      }
      if (!runs.length) continue;
      if (RUNS > 1) console.error(`# ${name}: performance ${runs.map((r) => `${r.perf} (load ${r.load.toFixed(2)})`).join(', ')}`);
      const perf = median(runs.map((r) => r.perf));
      const a11y = Math.min(...runs.map((r) => r.a11y));
      report(`lighthouse_${name}_performance`, perf, 'score');
      report(`lighthouse_${name}_accessibility`, a11y, 'score');
      report(`lighthouse_${name}_lcp`, Math.round(median(runs.map((r) => r.lcp))), 'ms');
      report(`lighthouse_${name}_tbt`, Math.round(median(runs.map((r) => r.tbt))), 'ms');
      report(`lighthouse_${name}_cls`, median(runs.map((r) => r.cls)), 'score');
      report(`lighthouse_${name}_js_transferred`, Math.round(median(runs.map((r) => r.js)) / 102.4) / 10, 'kB');
      report(`lighthouse_${name}_load_average`, median(runs.map((r) => r.load)), 'load');
      if (perf < 90 || a11y < 100) console.error(`# ${name}: ${runs.find((r) => r.perf === perf)!.failing.join(', ')}`);
      lowest.performance = Math.min(lowest.performance, perf);
      lowest.accessibility = Math.min(lowest.accessibility, a11y);
    }
    report('lighthouse_public_pages_lowest_performance', lowest.performance, 'score');
    report('lighthouse_public_pages_lowest_accessibility', lowest.accessibility, 'score');
    report('lighthouse_load_average_end', load1(), 'load');
  } finally {
    await chrome.kill();
    await app.close();
  }
}
