#!/usr/bin/env node
// `npx relais …`: runs the compiled CLI (dist/server/, built by `npm run build`, `npm start`
// and `npm install`) with source maps, so stack traces name the .ts lines. When there is no
// build, or a source file is newer than it, runs the sources through tsx instead (slower to
// start), and says so on stderr: a stale build never runs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const compiled = path.join(root, 'dist', 'server', 'main.js');

/** Why the build cannot be used, or null when it is at least as new as every file of src/. */
function staleBecause() {
  let built;
  try {
    built = fs.statSync(compiled).mtimeMs;
  } catch {
    return 'pas de version compilée (dist/server/)';
  }
  const src = path.join(root, 'src');
  for (const rel of fs.readdirSync(src, { recursive: true })) {
    if (fs.statSync(path.join(src, rel)).mtimeMs > built) return `src/${rel} est plus récent que dist/server/`;
  }
  return null;
}

const stale = staleBecause();
if (stale === null) {
  process.setSourceMapsEnabled(true);
  await import(compiled);
} else {
  console.error(`relais : ${stale} ; exécution des sources avec tsx (npm run build:server pour compiler).`);
  const { register } = await import('tsx/esm/api');
  register();
  await import(path.join(root, 'src', 'main.ts'));
}
