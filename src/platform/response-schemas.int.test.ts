/**
 * Every /api route declares the schema of its success answer, OpenAPI shows it, and the
 * serializer is installed: it drops keys the schema does not name, and an answer that
 * does not fit is a 500 in the one error shape, with nothing of the answer in it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createServer } from './http/server';
import { createTestEnv, type TestEnv } from './testing';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T10:00:00+01:00' });
});
afterAll(() => env.close());

interface OpenApiResponse {
  description?: string;
  content?: Record<string, { schema?: Record<string, unknown> }>;
}

describe('response schemas', () => {
  it('every /api route has one for its success status, shown in OpenAPI', async () => {
    const doc = (await env.client().get('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, OpenApiResponse> }>>;
    };
    const missing: string[] = [];
    let checked = 0;
    for (const r of env.routes) {
      if (!r.url.startsWith('/api/')) continue;
      // The description itself is hidden from itself (`hide: true`); its schema is checked below.
      if (r.url === '/api/openapi.json') continue;
      const path = r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      const op = doc.paths[path]?.[r.method.toLowerCase()];
      // A route that only redirects (a sign-in's start) succeeds with its 3xx: no body to describe, like a 204.
      const success = Object.entries(op?.responses ?? {}).filter(([status]) => /^[23]\d\d$/.test(status));
      const described = success.some(([status, res]) =>
        status === '204' || status.startsWith('3') ? true : Object.values(res.content ?? {}).some((c) => c.schema && Object.keys(c.schema).length > 0),
      );
      if (!described) missing.push(`${r.method} ${r.url}`);
      checked++;
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(137);
  });

  it('the OpenAPI description itself fits its schema', async () => {
    const res = await env.client().get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toMatch(/^3\./);
  });

  it('serialization keeps only what the schema names; a reply that does not fit is a logged 500 that leaks nothing', async () => {
    const { app } = await createServer(env.rt.deps, { logger: false });
    const out = z.object({ id: z.string(), name: z.string(), nested: z.object({ kept: z.number() }) });
    app.get('/api/test/extra', { config: { access: 'public' }, schema: { response: { 200: out } } }, async () => ({
      id: 'a',
      name: 'Lina',
      secret: 'NE-PAS-ENVOYER',
      nested: { kept: 1, internal: 'INTERNE' },
    }));
    // A bug: the reply lacks a field its schema requires, and carries one it must not.
    app.get(
      '/api/test/wrong',
      { config: { access: 'public' }, schema: { response: { 200: out } } },
      async () => ({ id: 'a', secret: 'NE-PAS-ENVOYER' }) as unknown as z.infer<typeof out>,
    );
    await app.ready();
    try {
      const ok = await app.inject({ method: 'GET', url: '/api/test/extra' });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({ id: 'a', name: 'Lina', nested: { kept: 1 } });

      const bad = await app.inject({ method: 'GET', url: '/api/test/wrong' });
      expect(bad.statusCode).toBe(500);
      expect(bad.json()).toEqual({ error: { code: 'internal', message: expect.stringMatching(/^Une erreur inattendue s'est produite\. Référence : /) } });
      expect(bad.body).not.toContain('NE-PAS-ENVOYER');
      // In the reader's language, its reference kept.
      const inEnglish = await app.inject({ method: 'GET', url: '/api/test/wrong', headers: { 'accept-language': 'en' } });
      expect(inEnglish.statusCode).toBe(500);
      expect(inEnglish.json()).toEqual({
        error: { code: 'internal', lang: 'en', message: expect.stringMatching(/^An unexpected error occurred\. Reference: [\w-]+$/) },
      });
    } finally {
      await app.close();
    }
  });
});
