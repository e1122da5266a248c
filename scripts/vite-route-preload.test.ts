import fs from 'node:fs';
import { expect, it } from 'vitest';
import { lazyRoutes, routeFiles } from './vite-route-preload';

it('reads every lazy page of the files that declare pages', () => {
  const files = routeFiles('web');
  expect(files[0]).toBe('web/app/routes.tsx');
  const sources = files.map((f) => fs.readFileSync(f, 'utf8'));
  const found = sources.flatMap((s) => lazyRoutes(s));
  const declared = sources.reduce((n, s) => n + (s.match(/load:\s*\(\)\s*=>\s*import\(/g)?.length ?? 0), 0);
  expect(found.length).toBe(declared);
  expect(found.map((r) => r.path)).toEqual(expect.arrayContaining(['/annuaire/services/:id', '/droits/simulateur', '/connexion']));
});
