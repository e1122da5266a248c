/**
 * The PDF renderer as a bounded resource: a render past its deadline, an aborted one and
 * one whose client hung up all end with their browser process group gone (checked by pid
 * in /proc); a full queue refuses at once with http/busy and a retry delay.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { externalPrograms, pdfRendering } from '../config';
import type { AppError } from './errors';
import { abortOnDisconnect } from './http/disconnect';
import { PdfRenderer, type PdfSettings } from './pdf';

const chromiumPath = externalPrograms().chromium;
const HANGS = '<!doctype html><title>boucle</title><script>for (;;) {}</script>';
const SIMPLE = '<!doctype html><html lang="fr"><title>Rapport</title><h1>Rapport</h1><p>Bonjour.</p>';

/** Live (not zombie) processes of the group led by `pid`, the leader included. */
function liveInGroup(pid: number): number[] {
  const live: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if ((Number(entry) === pid || Number(pgrp) === pid) && state !== 'Z' && state !== 'X') live.push(Number(entry));
  }
  return live;
}

/** Polls `check` until it passes (or the deadline, then its last failure). */
async function eventually(check: () => void, timeoutMs = 30_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (e) {
      if (performance.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function renderer(settings: Partial<PdfSettings>): { r: PdfRenderer; pids: number[]; launched: () => Promise<number> } {
  const r = new PdfRenderer({ chromiumPath, concurrency: 1, queueLimit: 0, timeoutMs: 60_000, ...settings });
  const pids: number[] = [];
  const waiters: Array<(pid: number) => void> = [];
  r.onLaunch = (pid) => {
    pids.push(pid);
    for (const w of waiters.splice(0)) w(pid);
  };
  const launched = () => (pids.length ? Promise.resolve(pids[pids.length - 1]!) : new Promise<number>((resolve) => waiters.push(resolve)));
  return { r, pids, launched };
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: AppError) => e.code,
  );

describe('PDF settings (src/config.ts)', () => {
  it('defaults to 2 at once, 8 waiting, 60 s; reads the three variables; refuses nonsense naming the variable', () => {
    expect(pdfRendering({})).toEqual({ concurrency: 2, queueLimit: 8, timeoutMs: 60_000 });
    expect(pdfRendering({ PDF_CONCURRENCY: '4', PDF_QUEUE: '0', PDF_TIMEOUT_MS: '15000' })).toEqual({ concurrency: 4, queueLimit: 0, timeoutMs: 15_000 });
    expect(() => pdfRendering({ PDF_CONCURRENCY: '0' })).toThrow(/PDF_CONCURRENCY/);
    expect(() => pdfRendering({ PDF_TIMEOUT_MS: 'vite' })).toThrow(/PDF_TIMEOUT_MS/);
  });
});

describe.runIf(fs.existsSync(chromiumPath))('PdfRenderer', () => {
  it('prints a page and leaves no browser behind', async () => {
    const { r, pids } = renderer({});
    const pdf = await r.render(SIMPLE);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await r.idle();
    expect(pids).toHaveLength(1);
    expect(liveInGroup(pids[0]!)).toEqual([]);
  });

  it('kills the browser of a render past its deadline', async () => {
    const { r, pids } = renderer({ timeoutMs: 5_000 });
    expect(await codeOf(r.render(HANGS))).toBe('http/render-timeout');
    await r.idle();
    expect(pids).toHaveLength(1);
    await eventually(() => expect(liveInGroup(pids[0]!)).toEqual([]));
    expect(r.load).toEqual({ running: 0, queued: 0 });
  });

  it('refuses at once past the queue, with a retry delay; an aborted render is killed, a queued one dropped', async () => {
    const { r, pids, launched } = renderer({ concurrency: 1, queueLimit: 1 });
    const first = new AbortController();
    const second = new AbortController();
    const running = codeOf(r.render(HANGS, { signal: first.signal }));
    const queued = codeOf(r.render(HANGS, { signal: second.signal }));
    expect(r.load).toEqual({ running: 1, queued: 1 });
    const refused = await r.render(SIMPLE).catch((e: AppError) => e);
    expect((refused as AppError).code).toBe('http/busy');
    expect((refused as AppError).status).toBe(503);
    expect((refused as AppError).details!.retryAfterSeconds).toBeGreaterThanOrEqual(1);

    second.abort();
    expect(await queued).toBe('http/aborted');
    expect(r.load).toEqual({ running: 1, queued: 0 });

    const pid = await launched();
    expect(liveInGroup(pid).length).toBeGreaterThan(0);
    first.abort();
    expect(await running).toBe('http/aborted');
    await r.idle();
    await eventually(() => expect(liveInGroup(pid)).toEqual([]));
    expect(pids).toEqual([pid]); // the dropped one never started a browser
  });

  describe('a client that hangs up', () => {
    const { r, launched } = renderer({});
    const app = Fastify();
    let outcome: Promise<string> | undefined;
    app.get('/report.pdf', async (_req, reply) => {
      outcome = codeOf(r.render(HANGS, { signal: abortOnDisconnect(reply) }));
      await outcome;
      return reply.send('fin');
    });
    afterAll(() => app.close());

    it('kills the render it was waiting for', async () => {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = app.server.address() as AddressInfo;
      const req = http.get({ host: '127.0.0.1', port, path: '/report.pdf' });
      req.on('error', () => {});
      const pid = await launched();
      expect(liveInGroup(pid).length).toBeGreaterThan(0);
      req.destroy();
      expect(await outcome).toBe('http/aborted');
      await r.idle();
      await eventually(() => expect(liveInGroup(pid)).toEqual([]));
    });
  });
});
