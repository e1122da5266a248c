/**
 * Compiles the server and the `relais` CLI (src/main.ts) into dist/server/ with esbuild:
 * one ESM bundle of our code for Node 20, node_modules left external (loaded from
 * node_modules as usual), with source maps (run with `node --enable-source-maps`, which
 * `npm start` and bin/relais.js do). See docs/decisions/0013-compiled-server.md.
 *
 * `tsx scripts/build-server.ts [--outdir DIR]` (default dist/server). The web app is
 * built by vite into dist/web; the two never share a folder.
 *
 * Files read at run time (rules/, db/migrations/, dist/web/, a module's demo JSON) are
 * found from `import.meta.dirname`/`import.meta.url` of the source file that reads them.
 * Bundled, every file would otherwise get the bundle's location, so the plugin below
 * rewrites those two (and `import.meta.filename`) in each source file to the file's own
 * location, computed at run time relative to the output file: the sources keep their
 * ordinary paths, the bundle resolves them exactly as tsx does, and the repository
 * (with its dist/) can be moved as a whole.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { YAML_CACHE_FILE, yamlCache } from '../src/platform/yaml-files';

const root = path.resolve(import.meta.dirname, '..');

/** Rewrites `import.meta.{dirname,filename,url}` of every source file to that file's own location. */
function sourceLocations(outdir: string): esbuild.Plugin {
  const srcDir = path.join(root, 'src');
  // A URL relative to the output folder (every chunk is written there), as the banner resolves it.
  const rel = (p: string) => JSON.stringify(path.relative(outdir, p).split(path.sep).join('/'));
  return {
    name: 'relais-source-locations',
    setup(build) {
      build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
        if (!args.path.startsWith(srcDir + path.sep)) return undefined;
        const text = await fs.promises.readFile(args.path, 'utf8');
        if (!/\bimport\.meta\.(dirname|filename|url)\b/.test(text)) return undefined;
        const contents = text
          .replace(/\bimport\.meta\.dirname\b/g, `__relaisSource(${rel(path.dirname(args.path))})`)
          .replace(/\bimport\.meta\.filename\b/g, `__relaisSource(${rel(args.path)})`)
          .replace(/\bimport\.meta\.url\b/g, `__relaisSourceUrl(${rel(args.path)})`);
        return { contents, loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts' };
      });
    },
  };
}

// Prepended to every output file (entry and chunks, all in outdir): the helpers above, and
// `require` for the few CommonJS-style calls bundled code may make.
const banner = [
  "import { createRequire as __relaisCreateRequire } from 'node:module';",
  "import { fileURLToPath as __relaisFileURLToPath } from 'node:url';",
  'const require = __relaisCreateRequire(import.meta.url);',
  'const __relaisSourceUrl = (rel) => new URL(rel, import.meta.url).href;',
  'const __relaisSource = (rel) => __relaisFileURLToPath(new URL(rel, import.meta.url));',
  "const __relaisHelpCache = __relaisSource('cli-help.json');",
  "const __relaisDistDir = __relaisSource('.');",
].join('\n');

/** Every `src/**\/*.worker.ts` is its own entry, worker.<path under src/ with dots>.js beside main.js (src/platform/workers.ts): at the top of the output folder like every chunk, so the relative source locations hold. */
function workerEntries(): Record<string, string> {
  const src = path.join(root, 'src');
  const entries: Record<string, string> = {};
  for (const rel of fs.readdirSync(src, { recursive: true }) as string[]) {
    if (!rel.endsWith('.worker.ts')) continue;
    const name = rel.split(path.sep).join('/').replace(/\.ts$/, '').replace(/\//g, '.');
    entries[`worker.${name}`] = path.join(src, rel);
  }
  return entries;
}

export async function buildServer(outdir = path.join(root, 'dist', 'server')): Promise<esbuild.Metafile> {
  outdir = path.resolve(outdir);
  // Built beside the target, then swapped in: a `relais` command started meanwhile never loads
  // half a build (bin/relais.js runs the sources while dist/server/ is missing).
  const tmp = `${outdir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: path.join(root, 'src', 'main.ts'), ...workerEntries() },
    outdir: tmp,
    bundle: true,
    // src/main.ts imports the commands lazily: `--help` loads a few kilobytes, not the application.
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    // Stack traces name our functions as in the sources.
    keepNames: true,
    banner: { js: banner },
    // src/main.ts answers `--help` from this file (src/cli/help-cache.ts).
    define: { RELAIS_HELP_CACHE: '__relaisHelpCache', RELAIS_DIST_DIR: '__relaisDistDir' },
    // tmp is a sibling of outdir: the relative paths the plugin writes hold for both.
    plugins: [sourceLocations(tmp)],
    metafile: true,
    logLevel: 'warning',
  });
  // The output is ESM whatever the nearest package.json says.
  fs.writeFileSync(path.join(tmp, 'package.json'), '{ "type": "module" }\n');
  // The rules' YAML files parsed once here, read as JSON at start-up (src/platform/yaml-files.ts).
  const yamlFiles = (fs.readdirSync(path.join(root, 'rules'), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .map((f) => path.join(root, 'rules', f));
  fs.writeFileSync(path.join(tmp, YAML_CACHE_FILE), JSON.stringify(yamlCache(yamlFiles)));
  // The help texts, from the compiled command tree itself (which also proves that it loads).
  execFileSync(process.execPath, [path.join(tmp, 'main.js'), '--write-help-cache', path.join(tmp, 'cli-help.json')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const old = `${outdir}.old-${process.pid}`;
  if (fs.existsSync(outdir)) fs.renameSync(outdir, old);
  fs.renameSync(tmp, outdir);
  fs.rmSync(old, { recursive: true, force: true });
  return result.metafile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  // `npm run build -- --logLevel warn` (npm test) passes vite's option on to this step too.
  const { values } = parseArgs({ options: { outdir: { type: 'string' }, logLevel: { type: 'string' } } });
  const started = performance.now();
  const meta = await buildServer(values.outdir);
  const bytes = Object.values(meta.outputs).reduce((n, o) => n + o.bytes, 0);
  const out = path.relative(process.cwd(), path.resolve(values.outdir ?? path.join(root, 'dist', 'server')));
  if (values.logLevel !== 'warn' && values.logLevel !== 'error' && values.logLevel !== 'silent')
    console.log(
      `server built in ${out || '.'} (${Object.keys(meta.outputs).length} files, ${(bytes / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
}
