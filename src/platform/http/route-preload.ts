/**
 * The page's own code named in its HTML: route-preload.json (written by the web build,
 * scripts/vite-route-preload.ts) lists for each route the chunks and styles it loads after the app's;
 * the HTML of that route gets them as `<link rel="modulepreload">` and style preloads, so a phone fetches
 * them beside the app's code instead of after running it (issue 18: Lighthouse on phones).
 * Without the file (an older build), pages are sent as they are.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

type Preloads = Record<string, { js: string[]; css: string[] }>;

function matches(pattern: string, urlPath: string): boolean {
  const p = pattern.split('/').filter(Boolean);
  const s = urlPath.split('/').filter(Boolean);
  return p.length === s.length && p.every((seg, i) => seg.startsWith(':') || seg === s[i]);
}

const safe = (file: string) => /^[\w./-]+$/.test(file) && !file.includes('..');

/** `(urlPath) => html`: the index page with the route's preload links, one string per route. */
export function routePreloadedHtml(webDist: string, indexHtml: string): (urlPath: string) => string {
  const file = path.join(webDist, 'route-preload.json');
  if (!fs.existsSync(file)) return () => indexHtml;
  const preloads = JSON.parse(fs.readFileSync(file, 'utf8')) as Preloads;
  // In the registry's order: the first that matches, as the page's router does (web/app/router.tsx).
  const patterns = Object.keys(preloads);
  const pages = new Map<string, string>();
  return (urlPath) => {
    const pattern = patterns.find((p) => matches(p, urlPath));
    if (!pattern) return indexHtml;
    let html = pages.get(pattern);
    if (!html) {
      const { js, css } = preloads[pattern];
      const links = [
        // Fetched early but not render-blocking: the chunk's loader applies it when the page runs.
        ...css.filter(safe).map((f) => `<link rel="preload" as="style" crossorigin href="/${f}">`),
        ...js.filter(safe).map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
      ].join('');
      html = indexHtml.replace('</head>', `${links}</head>`);
      pages.set(pattern, html);
    }
    return html;
  };
}

/**
 * A page's HTML in the encoding the browser takes (brotli, else gzip, else as it is), compressed once
 * per distinct page: the pages are sent by the not-found handler, which the compression plugin does not
 * cover (issue 18: the only uncompressed file a page load fetched).
 */
export function encodedPages(): (html: string, acceptEncoding: string | undefined) => { body: string | Buffer; encoding?: 'br' | 'gzip' } {
  const cache = new Map<string, { br: Buffer; gzip: Buffer }>();
  return (html, acceptEncoding) => {
    const accepted = new Set(
      (acceptEncoding ?? '')
        .split(',')
        .map((part) =>
          part
            .trim()
            .toLowerCase()
            .split(/\s*;\s*q=/),
        )
        .filter(([, q]) => q === undefined || Number(q) > 0)
        .map(([name]) => name),
    );
    const accepts = (e: string) => accepted.has(e);
    const encoding = accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : undefined;
    if (!encoding) return { body: html };
    let c = cache.get(html);
    if (!c) {
      const buf = Buffer.from(html);
      c = { br: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }), gzip: zlib.gzipSync(buf, { level: 9 }) };
      cache.set(html, c);
    }
    return { body: c[encoding], encoding };
  };
}
