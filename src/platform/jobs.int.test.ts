import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestEnv, type TestEnv } from './testing';
import { defineJob, Jobs, QueueLog } from './jobs';

/** A logger that keeps what it was told. */
function recorder() {
  const lines: { level: 'info' | 'warn' | 'error'; obj: unknown; msg: unknown }[] = [];
  const at = (level: 'info' | 'warn' | 'error') => (obj: unknown, msg?: unknown) => lines.push({ level, obj, msg: msg ?? obj });
  return { lines, log: { info: at('info'), warn: at('warn'), error: at('error') }, of: (level: string) => lines.filter((l) => l.level === level) };
}

/** What pg and pg-boss emit when PostgreSQL goes away (a worker's poll is re-emitted as a plain object, with its queue). */
const terminating = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' });
const workerPoll = { ...terminating, message: terminating.message, stack: terminating.stack, queue: 'notify.send', worker: 'w1' };

describe('the job queue in the log', () => {
  it('says once, in words, that the database went away, and once that it answers again; a real error stays an error', () => {
    const r = recorder();
    const said = new QueueLog(r.log);
    for (const err of [terminating, workerPoll, refused, new Error('Connection terminated unexpectedly'), terminating]) said.error(err);
    expect(r.lines).toEqual([{ level: 'warn', obj: { code: '57P01' }, msg: expect.stringMatching(/the database went away/) }]);
    expect(JSON.stringify(r.lines)).not.toContain('at ');
    said.answered();
    said.answered();
    expect(r.of('info')).toEqual([{ level: 'info', obj: expect.stringMatching(/answers again/), msg: expect.stringMatching(/answers again/) }]);
    // Away a second time: said again.
    said.error(refused);
    expect(r.of('warn')).toHaveLength(2);

    const bug = Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601', queue: 'notify.send' });
    said.error(bug);
    expect(r.of('error')).toEqual([
      {
        level: 'error',
        obj: { err: expect.objectContaining({ code: '42601', stack: expect.stringContaining('at ') }), queue: 'notify.send' },
        msg: 'job queue error',
      },
    ]);
  });

  describe('on a real database', () => {
    let env: TestEnv;
    beforeAll(async () => {
      env = await createTestEnv({ jobs: 'none' });
    });
    afterAll(() => env.close());

    it('its connections cut under it (as when the embedded PostgreSQL restarts): one warning, no error, and it works again', async () => {
      const r = recorder();
      const noop = defineJob({ name: 'test.noop', handler: async () => {} });
      const jobs = new Jobs(env.databaseUrl, [noop]);
      await jobs.start({ ...env.rt.deps, log: r.log }, { work: false });
      try {
        const cut = () =>
          env.rt.deps.db.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'relais-jobs' AND datname = current_database()`,
          );
        const { rowCount } = await cut();
        expect(rowCount).toBeGreaterThan(0);
        await expect.poll(() => r.of('warn').length).toBe(1);
        expect(await noop.send(jobs, {})).toEqual(expect.any(String));
        expect(r.of('info')).toHaveLength(1);
        await cut();
        await expect.poll(() => r.of('warn').length).toBe(2);
        expect(r.of('error')).toEqual([]);
      } finally {
        await jobs.stop();
      }
    });

    it('its workers run what is sent, through the queue’s own pool', async () => {
      const r = recorder();
      const ran: string[] = [];
      const echo = defineJob({ name: 'test.echo', payload: z.object({ word: z.string() }), handler: async (data) => void ran.push(data.word) });
      const jobs = new Jobs(env.databaseUrl, [echo]);
      await jobs.start({ ...env.rt.deps, log: r.log }, { work: true });
      try {
        await echo.send(jobs, { word: 'bonjour' });
        // A worker polls every 2 s.
        await expect.poll(() => ran, { timeout: 15_000 }).toEqual(['bonjour']);
        expect(r.lines).toEqual([]);
      } finally {
        await jobs.stop();
      }
    });
  });
});
