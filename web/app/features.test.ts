/**
 * The web side of "a new module touches only its own folder": each feature brings its pages,
 * menu entries and their words in web/features/<m>/pages.ts, found by the app without a line
 * in web/app. Fails when a page file is routed by no pages.ts, when two routes or menu entries
 * collide, or when a menu entry has no French words.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { FEATURES } from './features';
import { hasMessage } from './i18n';
import { NAV } from './nav';

const features = join(import.meta.dirname, '../features');
const withPages = readdirSync(features).filter((m) => existsSync(join(features, m, 'pages.ts')));

it('finds every feature that has a pages.ts', () => {
  expect(withPages.length).toBeGreaterThanOrEqual(11);
  expect(FEATURES).toHaveLength(withPages.length);
});

it.each(withPages)('%s: every page file is routed by its pages.ts', (m) => {
  const pages = readFileSync(join(features, m, 'pages.ts'), 'utf8');
  const routed = new Set([...pages.matchAll(/import\('\.\/([^']+)'\)/g)].map((x) => x[1]));
  const files = readdirSync(join(features, m)).filter((f) => /Page\.tsx$/.test(f));
  expect(files.filter((f) => !routed.has(f.replace(/\.tsx$/, '')))).toEqual([]);
});

it('no two routes of the modules have the same path', () => {
  const paths = FEATURES.flatMap((f) => f.routes.map((r) => r.path));
  expect(paths.filter((p, i) => paths.indexOf(p) !== i)).toEqual([]);
  expect(paths).toContain('/annuaire/services/:id');
});

it('menu entries have unique ids and places, and French words', () => {
  expect(new Set(NAV.map((e) => e.id)).size).toBe(NAV.length);
  expect(new Set(NAV.map((e) => e.order)).size).toBe(NAV.length);
  expect(NAV.flatMap((e) => [e.label, e.description]).filter((k) => !hasMessage(k))).toEqual([]);
  expect(NAV.map((e) => e.id).slice(0, 3)).toEqual(['droits', 'annuaire', 'rendezvous']);
});
