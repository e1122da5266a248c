import { Command } from 'commander';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTestEnv, type TestEnv } from '../../platform/testing';
import { registerDossiersCli } from './dossiers.cli';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-09-05T10:00:00+02:00' });
});
afterAll(() => env.close());

async function cli(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerDossiersCli(program, async () => ({ ...env.rt, close: async () => {} }));
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((m: string) => void out.push(m));
  const err = vi.spyOn(console, 'error').mockImplementation((m: string) => void out.push(m));
  try {
    await program.parseAsync(['node', 'relais', 'dossiers', ...args]);
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
  return out.join('\n');
}

it('sets the renewal date, opens renewals, shows the retention schedule', async () => {
  expect(await cli('renewal-date')).toBe('01/09');
  expect(await cli('renewal-date', '31/04')).toContain('Date impossible');
  expect(process.exitCode).toBe(2);
  process.exitCode = 0;
  expect(await cli('renewal-date', '02/09')).toBe('Renouvellement annuel fixé au 02/09.');
  expect(await cli('renewal-date')).toBe('02/09');
  const parent = await env.as('parent');
  (env.clock as unknown as { set(v: string): void }).set('2026-01-05T10:00:00+01:00');
  await parent.post('/api/dossiers/me', { parent: { firstName: 'Awa' } });
  (env.clock as unknown as { set(v: string): void }).set('2026-09-05T10:00:00+02:00');
  expect(await cli('renewals')).toBe('1 renouvellement(s) ouvert(s).');
  expect(await cli('renewals')).toBe('0 renouvellement(s) ouvert(s).');
  expect(await cli('retention')).toBe('Rien n’est conservé.');
  expect(await cli('purge-retention')).toBe('0 élément(s) effacé(s).');
});
