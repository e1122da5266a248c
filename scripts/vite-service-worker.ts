/**
 * Builds the service worker (web/app/sw.ts) into dist/web/sw.js after the web app, with the
 * app shell's files read from the vite manifest (pwa-policy.ts `shellFiles`) and a version
 * that changes whenever the shell or the worker does (a new version is then offered to the
 * open pages: "Une nouvelle version est disponible — Recharger").
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'vite';
import { shellFiles, type ViteManifestChunk } from '../web/app/pwa-policy';

const PLACEHOLDER = '__relais_sw_version__';

export function serviceWorker(): Plugin {
  let outDir = '';
  let root = '';
  return {
    name: 'relais-service-worker',
    apply: 'build',
    configResolved(c) {
      root = c.root;
      outDir = path.resolve(c.root, c.build.outDir);
    },
    async closeBundle() {
      const manifest = JSON.parse(fs.readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ViteManifestChunk>;
      const files = shellFiles(manifest);
      const out = await build({
        entryPoints: [path.join(root, 'app', 'sw.ts')],
        bundle: true,
        format: 'iife',
        target: 'es2022',
        minify: true,
        write: false,
        define: { __RELAIS_PRECACHE__: JSON.stringify(files), __RELAIS_VERSION__: JSON.stringify(PLACEHOLDER) },
      });
      const code = out.outputFiles[0]!.text;
      const version = crypto.createHash('sha256').update(code).update(files.join('\n')).digest('hex').slice(0, 12);
      fs.writeFileSync(path.join(outDir, 'sw.js'), code.replaceAll(PLACEHOLDER, version));
      this.info?.(`service worker ${version}: ${files.length} files in the app shell`);
    },
  };
}
