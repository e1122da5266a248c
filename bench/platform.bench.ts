/**
 * Platform figures: requests/s and p99 latency of /api/health and of an authenticated
 * request (autocannon on loopback, bounded duration), server start time, first-load
 * bytes of the web app measured in Chromium, Lighthouse scores of the home page.
 */
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { startBenchApp, loginCookie, benchDatabase, type Report } from './harness';
import { launchChromium, CHROMIUM, CHROMIUM_ARGS } from '../e2e/harness';
import { DEMO_PASSWORD } from '../src/platform/demo';

async function load(url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections: 20, duration: 8, headers });
  if (r.non2xx) throw new Error(`${r.non2xx} non-2xx answers on ${url}`);
  return { rps: r.requests.average, p99: r.latency.p99, p50: r.latency.p50 };
}

async function startTime(): Promise<number> {
  const databaseUrl = await benchDatabase();
  // First a start that migrates and seeds; then the measured start of an up-to-date instance.
  const once = async () => {
    const t0 = Date.now();
    const p = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', WORKERS: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      p.stdout!.on('data', (d) => {
        out += d;
        if (/http:\/\/localhost:\d+/.test(out)) resolve();
      });
      p.on('exit', (c) => reject(new Error(`serve exited ${c}: ${out}`)));
    });
    const ms = Date.now() - t0;
    p.kill('SIGINT');
    await new Promise((r) => p.once('exit', r));
    return ms;
  };
  await once();
  return once();
}

async function firstLoad(url: string): Promise<number> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e: any) => {
      bytes += e.encodedDataLength;
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1 }).waitFor();
    return bytes;
  } finally {
    await browser.close();
  }
}

async function lighthouseScores(url: string): Promise<{ performance: number; accessibility: number } | null> {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
      {
        extends: 'lighthouse:default',
        settings: {
          formFactor: 'mobile',
          throttlingMethod: 'simulate',
          screenEmulation: { mobile: true, width: 390, height: 844, deviceScaleFactor: 2, disabled: false },
        },
      },
    );
    const c = result?.lhr.categories;
    if (!c) return null;
    if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    if (c.performance.score === null) throw new Error('Lighthouse could not score the page');
    return { performance: Math.round((c.performance.score ?? 0) * 100), accessibility: Math.round((c.accessibility.score ?? 0) * 100) };
  } finally {
    await chrome.kill();
  }
}

export default async function run(report: Report) {
  const app = await startBenchApp({ seed: true });
  try {
    const health = await load(`${app.url}/api/health`);
    report('health_requests_per_s', Math.round(health.rps), 'req/s');
    report('health_p99_ms', health.p99, 'ms');
    const cookie = await loginCookie(app.url, 'agent@demo.relais.fr', DEMO_PASSWORD);
    const me = await load(`${app.url}/api/auth/me`, { cookie });
    report('authenticated_requests_per_s', Math.round(me.rps), 'req/s');
    report('authenticated_p99_ms', me.p99, 'ms');
    if (fs.existsSync(CHROMIUM)) {
      report('web_first_load_bytes', await firstLoad(app.url), 'bytes');
      const lh = await lighthouseScores(app.url).catch((e) => {
        console.error(`# lighthouse failed: ${e.message}`);
        return null;
      });
      if (lh) {
        report('lighthouse_home_performance', lh.performance, 'score');
        report('lighthouse_home_accessibility', lh.accessibility, 'score');
      }
    } else {
      console.error('# chromium missing: first-load bytes and Lighthouse not measured');
    }
  } finally {
    await app.close();
  }
  report('server_start_ms', await startTime(), 'ms');
}
