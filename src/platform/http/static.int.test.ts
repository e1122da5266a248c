/**
 * The built web app as the server sends it (the assets by one wildcard route since issue 20): built files
 * with their caching rules and pre-compressed twins, the page for a client-side route, JSON
 * 404s for the API, nothing outside the folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { TestEnv } from '../testing';

const web = path.resolve('.tmp', `static-web-${process.pid}`);
let env: TestEnv;

beforeAll(async () => {
  fs.rmSync(web, { recursive: true, force: true });
  fs.mkdirSync(path.join(web, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><html lang="fr"><head><title>Relais</title></head><body><div id="root"></div></body></html>');
  const js = 'console.log("relais");'.repeat(200);
  fs.writeFileSync(path.join(web, 'assets', 'app-abc123.js'), js);
  fs.writeFileSync(path.join(web, 'assets', 'app-abc123.js.br'), zlib.brotliCompressSync(js));
  fs.writeFileSync(path.join(web, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  fs.writeFileSync(path.join(web, 'robots.txt'), 'User-agent: *\nDisallow: /api/\n');
  // WEB_DIST is read when the server module loads: the folder is set before it is imported.
  vi.stubEnv('RELAIS_WEB_DIST', web);
  const { createTestEnv } = await import('../testing');
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
  vi.unstubAllEnvs();
  fs.rmSync(web, { recursive: true, force: true });
});

it('sends a built asset for a year, its brotli twin when the browser takes it', async () => {
  const br = await env.app.inject({ method: 'GET', url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
  expect(br.statusCode).toBe(200);
  expect(br.headers['content-encoding']).toBe('br');
  expect(br.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
  expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe('console.log("relais");'.repeat(200));
  const plain = await env.app.inject({ method: 'GET', url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'identity' } });
  expect(plain.statusCode).toBe(200);
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body).toBe('console.log("relais");'.repeat(200));
  const head = await env.app.inject({ method: 'HEAD', url: '/robots.txt' });
  expect(head.statusCode).toBe(200);
});

it('sends the service worker and other top files to be checked again (no-cache), the worker allowed on the whole site', async () => {
  const sw = await env.app.inject({ method: 'GET', url: '/sw.js' });
  expect(sw.statusCode).toBe(200);
  expect(sw.headers['cache-control']).toBe('no-cache');
  expect(sw.headers['service-worker-allowed']).toBe('/');
  expect((await env.app.inject({ method: 'GET', url: '/robots.txt' })).body).toContain('Disallow: /api/');
});

it('answers a client-side route with the page, an unknown API path with a JSON 404, and nothing outside the folder', async () => {
  for (const url of ['/', '/mon-dossier', '/annuaire/services/123?q=creche', '/assets/absent.js', '/assets/']) {
    const page = await env.app.inject({ method: 'GET', url });
    expect(page.statusCode, url).toBe(200);
    expect(page.headers['content-type'], url).toMatch(/^text\/html/);
    expect(page.body, url).toContain('<div id="root">');
  }
  const api = await env.app.inject({ method: 'GET', url: '/api/nulle-part' });
  expect(api.statusCode).toBe(404);
  expect(api.json().error.code).toBe('http/not-found');
  // No wildcard at the root: what the router refuses stays refused.
  const long = await env.app.inject({ method: 'GET', url: `/api/dossiers/households/${'a'.repeat(201)}` });
  expect(long.statusCode).toBe(414);
  for (const url of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json']) {
    const out = await env.app.inject({ method: 'GET', url });
    expect(out.body, url).not.toContain('"name": "relais"');
  }
});
