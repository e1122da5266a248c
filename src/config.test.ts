import { describe, expect, it } from 'vitest';
import { externalPrograms, passwordFromEnv } from './config';

describe('external programs', () => {
  it('defaults Chromium and leaves pg_dump/pg_restore to PATH', () => {
    expect(externalPrograms({})).toEqual({ chromium: '/usr/bin/chromium', pgDump: undefined, pgRestore: undefined });
  });
  it('reads the paths; an empty variable counts as unset', () => {
    expect(externalPrograms({ CHROMIUM_PATH: '', PG_DUMP_PATH: '/opt/pg/bin/pg_dump', PG_RESTORE_PATH: '/opt/pg/bin/pg_restore' })).toEqual({
      chromium: '/usr/bin/chromium',
      pgDump: '/opt/pg/bin/pg_dump',
      pgRestore: '/opt/pg/bin/pg_restore',
    });
  });
});

describe('RELAIS_PASSWORD', () => {
  it('is read for `relais user create`, empty meaning none', () => {
    expect(passwordFromEnv({ RELAIS_PASSWORD: 's3cret' })).toBe('s3cret');
    expect(passwordFromEnv({ RELAIS_PASSWORD: '' })).toBeUndefined();
    expect(passwordFromEnv({})).toBeUndefined();
  });
});
