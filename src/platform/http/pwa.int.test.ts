/** The installable app's manifest and icons (per town), and compressed API answers. */
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../testing';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

describe('web app manifest', () => {
  it("names the app after the town, in the town's colours, with its icons", async () => {
    const res = await env.client().get('/manifest.webmanifest');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(res.headers['cache-control']).toBe('no-cache');
    const m = res.json();
    expect(m).toMatchObject({
      name: 'Relais Amiens',
      short_name: 'Relais',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: env.rt.deps.town.theme.primary,
      background_color: env.rt.deps.town.theme.surface,
    });
    expect(m.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`).sort()).toEqual([
      '192x192 any',
      '192x192 maskable',
      '512x512 any',
      '512x512 maskable',
    ]);
  });

  it('serves each icon as a PNG of its size, and nothing for another size', async () => {
    const res = await env.client().get('/pwa/maskable-192.png');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.readUInt32BE(16)).toBe(192);
    expect((await env.client().get('/pwa/icon-100.png')).statusCode).toBe(404);
    expect((await env.client().get('/pwa/other-192.png')).statusCode).toBe(404);
  });
});

describe('compressed API answers', () => {
  it('sends large JSON in brotli or gzip as the client accepts, small answers as they are', async () => {
    const br = await env.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString()).openapi).toMatch(/^3\./);
    const gz = await env.app.inject({ method: 'GET', url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toMatch(/accept-encoding/i);
    const plain = await env.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gz.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    const small = await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { 'accept-encoding': 'br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
