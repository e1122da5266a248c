import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { encodedPages, routePreloadedHtml } from './route-preload';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-preload-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const index = '<html><head><title>Relais</title></head><body></body></html>';

describe('routePreloadedHtml', () => {
  it("adds the route's chunks as modulepreload and its styles as preloads, first matching route as the router does", () => {
    fs.writeFileSync(
      path.join(dir, 'route-preload.json'),
      JSON.stringify({
        '/aides': { js: ['assets/AidesPage-1.js', 'assets/ui-2.js'], css: ['assets/ui-3.css'] },
        '/annuaire/services/:id': { js: ['assets/ServicePage-4.js'], css: [] },
        '/annuaire/services/carte': { js: ['assets/Never-5.js'], css: [] },
        '/bad': { js: ['../etc/passwd', 'assets/x.js"><script>'], css: [] },
      }),
    );
    const html = routePreloadedHtml(dir, index);
    expect(html('/aides')).toBe(
      '<html><head><title>Relais</title><link rel="preload" as="style" crossorigin href="/assets/ui-3.css"><link rel="modulepreload" crossorigin href="/assets/AidesPage-1.js"><link rel="modulepreload" crossorigin href="/assets/ui-2.js"></head><body></body></html>',
    );
    expect(html('/annuaire/services/carte')).toContain('ServicePage-4.js');
    expect(html('/annuaire/services/carte')).not.toContain('Never-5.js');
    expect(html('/aides/inconnue')).toBe(index);
    expect(html('/')).toBe(index);
    expect(html('/bad')).toBe(index);
  });

  it('sends the page as it is without the file (an older build)', () => {
    const empty = fs.mkdtempSync(path.join(dir, 'empty-'));
    expect(routePreloadedHtml(empty, index)('/aides')).toBe(index);
  });
});

describe('encodedPages', () => {
  const page = index.replace('<body>', `<body>${'<p>Relais</p>'.repeat(100)}`);

  it('sends brotli when taken, else gzip, else the page as it is; a zero weight refuses', () => {
    const encoded = encodedPages();
    const br = encoded(page, 'gzip, deflate, br, zstd');
    expect(br.encoding).toBe('br');
    expect(zlib.brotliDecompressSync(br.body as Buffer).toString()).toBe(page);
    expect((br.body as Buffer).length).toBeLessThan(page.length / 4);
    const gz = encoded(page, 'gzip;q=1.0, br;q=0');
    expect(gz.encoding).toBe('gzip');
    expect(zlib.gunzipSync(gz.body as Buffer).toString()).toBe(page);
    expect(encoded(page, undefined)).toEqual({ body: page });
    expect(encoded(page, 'identity')).toEqual({ body: page });
  });
});
