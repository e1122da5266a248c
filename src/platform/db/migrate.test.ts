import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { listMigrations } from './migrate';

function dirWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-migrations-'));
  for (const [name, sql] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), sql);
  return dir;
}

it('lists migrations in number order, with their checksum, ignoring other files', () => {
  const dir = dirWith({ '0002_b.sql': 'SELECT 2;', '0001_a.sql': 'SELECT 1;', 'README.md': '#' });
  const list = listMigrations(dir);
  expect(list.map((m) => `${m.version}_${m.name}`)).toEqual(['0001_a', '0002_b']);
  expect(list[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
});

it('refuses two migrations with one number (two modules, or two branches, picked the same)', () => {
  const dir = dirWith({ '0211_dossiers_drafts.sql': 'SELECT 1;', '0211_dossiers_consent.sql': 'SELECT 2;', '0210_x.sql': '' });
  expect(() => listMigrations(dir)).toThrow(/0211_dossiers_consent\.sql and 0211_dossiers_drafts\.sql/);
});

it('the repository has no two migrations with one number', () => {
  expect(() => listMigrations()).not.toThrow();
});
