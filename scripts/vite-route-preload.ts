/**
 * Writes route-preload.json beside the built web app: for each lazy page (web/app/routes.tsx and the
 * features' web/features/<m>/pages.ts, in the order the router tries them), the
 * chunks (its own and the ones it imports) and the CSS it needs that the first load does not already
 * bring. The server puts them in the page's HTML as modulepreload and stylesheet links
 * (src/platform/http/route-preload.ts), so a phone fetches the page's code beside the app's instead of
 * after it has run (issue 18: Lighthouse on phones, one round trip less before the page paints).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin, Rollup } from 'vite';

export interface RoutePreload {
  /** Route pattern as routes.tsx writes it (`/annuaire/services/:id`) → files under the web root. */
  [pattern: string]: { js: string[]; css: string[] };
}

/** The files that declare pages, in the router's order: the shell's, then each feature's by folder. */
export function routeFiles(webRoot: string): string[] {
  const features = path.join(webRoot, 'features');
  const pages = fs
    .readdirSync(features)
    .sort()
    .map((m) => path.join(features, m, 'pages.ts'))
    .filter((f) => fs.existsSync(f));
  return [path.join(webRoot, 'app', 'routes.tsx'), ...pages];
}

/** `{ path: '/x', load: () => import('./Page') }` lines of a file that declares pages. */
export function lazyRoutes(source: string): { path: string; module: string }[] {
  const out: { path: string; module: string }[] = [];
  for (const m of source.matchAll(/path:\s*'([^']+)',\s*load:\s*\(\)\s*=>\s*import\('([^']+)'\)/g)) out.push({ path: m[1], module: m[2] });
  return out;
}

function closure(bundle: Rollup.OutputBundle, start: string[], skip: Set<string>): { js: string[]; css: string[] } {
  const js: string[] = [];
  const css = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || skip.has(file)) return;
    seen.add(file);
    const c = bundle[file];
    if (!c || c.type !== 'chunk') return;
    js.push(file);
    for (const f of (c as Rollup.OutputChunk & { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ?? []) css.add(f);
    for (const i of c.imports) visit(i);
  };
  start.forEach(visit);
  return { js, css: [...css] };
}

export function routePreload(): Plugin {
  let root = '';
  return {
    name: 'relais-route-preload',
    apply: 'build',
    configResolved(c) {
      root = c.root;
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
      const entry = chunks.find((c) => c.isEntry);
      if (!entry) return;
      // What the first load brings already (the entry and what it imports statically).
      const first = new Set(closure(bundle, [entry.fileName], new Set()).js);
      const byModule = new Map(chunks.filter((c) => c.facadeModuleId).map((c) => [c.facadeModuleId!.replace(/\.[jt]sx?$/, ''), c]));
      const out: RoutePreload = {};
      for (const file of routeFiles(root)) {
        for (const r of lazyRoutes(fs.readFileSync(file, 'utf8'))) {
          const chunk = byModule.get(path.resolve(path.dirname(file), r.module));
          if (chunk && !(r.path in out)) out[r.path] = closure(bundle, [chunk.fileName], first);
        }
      }
      this.emitFile({ type: 'asset', fileName: 'route-preload.json', source: JSON.stringify(out) });
    },
  };
}
