/**
 * Hostile input against every operation of /api/openapi.json, as anonymous and as each
 * role (cookies and CSRF header like our pages): NUL characters, lone surrogates, huge
 * strings, deep JSON, invalid UTF-8, bad percent-encoding, boundary values built from each
 * operation's own schema. Never a 5xx, and every error in the one shape.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestClient, type TestEnv } from '../testing';
import { ROLES, type Role } from '../roles';
import { DEMO_PARTNER_STRUCTURE_ID } from '../demo';

let env: TestEnv;
let ops: Operation[];

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  maxLength?: number;
  minLength?: number;
  maximum?: number;
  minimum?: number;
  maxItems?: number;
  minItems?: number;
  additionalProperties?: JsonSchema | boolean;
  $ref?: string;
}

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  query: Record<string, JsonSchema>;
  body: JsonSchema | null;
  access: 'public' | 'authenticated' | readonly string[];
}

const UUID = '00000000-0000-4000-8000-000000000000';

/** A value the schema accepts, at its boundaries, with every string made by `str`. */
function sample(s: JsonSchema | undefined, str: (s: JsonSchema) => string, depth = 0): unknown {
  if (!s || depth > 8) return str({});
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return sample(alt.find((a) => a.type !== 'null') ?? alt[0], str, depth);
  if (s.allOf?.length) return sample(s.allOf[0], str, depth);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) o[k] = sample(v, str, depth + 1);
      return o;
    }
    case 'array':
      return [sample(s.items, str, depth + 1)];
    case 'integer':
      return s.maximum ?? 2_147_483_648;
    case 'number':
      return s.maximum ?? 1e308;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return str(s);
  }
}

/** The longest string a field accepts, in its format when it has one. */
function boundaryString(s: JsonSchema): string {
  if (s.format === 'uuid') return UUID;
  if (s.format === 'date') return '9999-12-31';
  if (s.format === 'date-time') return '9999-12-31T23:59:59Z';
  if (s.format === 'email') return `${'a'.repeat(60)}@example.fr`;
  if (s.pattern) return 'x';
  return 'é'.repeat(Math.min(s.maxLength ?? 10_000, 20_000));
}

function assertShape(failures: string[], label: string, res: { statusCode: number; body: string; headers: Record<string, unknown> }) {
  if (res.statusCode >= 500) {
    failures.push(`${label}: ${res.statusCode} ${res.body.slice(0, 160)}`);
    return;
  }
  if (res.statusCode < 400) return;
  let body: any;
  try {
    body = JSON.parse(res.body);
  } catch {
    failures.push(`${label}: ${res.statusCode} not JSON: ${res.body.slice(0, 120)}`);
    return;
  }
  const e = body?.error;
  const ok =
    Object.keys(body).length === 1 &&
    typeof e?.code === 'string' &&
    typeof e?.message === 'string' &&
    Object.keys(e).every((k) => ['code', 'message', 'fields'].includes(k)) &&
    (e.fields === undefined || (Array.isArray(e.fields) && e.fields.every((f: any) => typeof f.path === 'string' && typeof f.message === 'string'))) &&
    !/is not a valid|exceeding|Bad Request|Internal Server Error|Unexpected|Body cannot/i.test(e.message);
  if (!ok) failures.push(`${label}: ${res.statusCode} not the one shape: ${res.body.slice(0, 160)}`);
}

/** Requests of an operation: bad strings in each place it reads, and bad bytes. */
function payloads(op: Operation): { label: string; url: string; body?: unknown; raw?: Buffer }[] {
  const fill = (v: string) => op.path.replace(/\{(\w+)\}/g, () => v);
  const url = fill(UUID);
  const qs = (v: string) => {
    const keys = Object.keys(op.query).length ? Object.keys(op.query) : ['q'];
    return `${url}?${keys.map((k) => `${encodeURIComponent(k)}=${v}`).join('&')}`;
  };
  const list: { label: string; url: string; body?: unknown; raw?: Buffer }[] = [
    { label: 'query NUL', url: qs('a%00b') },
    { label: 'query bad percent', url: qs('%zz%E9%ED%A0%80') },
    { label: 'query huge', url: qs('x'.repeat(20_000)) },
    {
      label: 'query boundary',
      url: `${url}?${new URLSearchParams(Object.fromEntries(Object.entries(op.query).map(([k, s]) => [k, String(sample(s, boundaryString))]))).toString()}`,
    },
  ];
  if (op.pathParams.length) {
    list.push(
      { label: 'path NUL', url: fill('%00') },
      { label: 'path bad percent', url: fill('%zz') },
      { label: 'path invalid UTF-8', url: fill('%ED%A0%80') },
      { label: 'path too long', url: fill('a'.repeat(300)) },
    );
  }
  if (op.body) {
    const first = Object.keys(op.body.properties ?? {})[0] ?? 'a';
    list.push(
      { label: 'body NUL', url, body: sample(op.body, () => 'a\u0000b') },
      { label: 'body lone surrogate', url, body: sample(op.body, () => 'a\uD800b') },
      { label: 'body boundary', url, body: sample(op.body, boundaryString) },
      { label: 'body huge string', url, body: sample(op.body, () => 'x'.repeat(300_000)) },
      { label: 'body deep', url, raw: Buffer.from(`{"${first}":${'['.repeat(100_000)}${']'.repeat(100_000)}}`) },
      {
        label: 'body invalid UTF-8',
        url,
        raw: Buffer.concat([Buffer.from(`{"${first}":"`), Buffer.from([0xff, 0xfe, 0xed, 0xa0, 0x80, 0xc3]), Buffer.from('"}')]),
      },
      { label: 'body malformed', url, raw: Buffer.from(`{"${first}":`) },
    );
  }
  return list;
}

/** Operations that end the client's session or its account go last. */
const endsSession = (op: Operation) => /logout|erase|effac|delete-account|suppr/i.test(op.path) || op.method === 'DELETE';

async function fuzz(who: Role | 'anonymous', client: TestClient) {
  const failures: string[] = [];
  const ordered = [...ops].sort((a, b) => Number(endsSession(a)) - Number(endsSession(b)));
  let checked = false;
  for (const op of ordered) {
    if (!checked && endsSession(op) && who !== 'anonymous') {
      // Up to here the client must still be logged in, or the fuzzing above proved little.
      checked = true;
      if (!(await client.get('/api/auth/me')).json().user) failures.push(`${who}: logged out before ${op.method} ${op.path}`);
    }
    const allowed = op.access === 'public' || (who !== 'anonymous' && (op.access === 'authenticated' || op.access.includes(who)));
    const list = payloads(op);
    // A denied role is stopped before validation: one request shows it.
    for (const p of allowed ? list : list.slice(0, 1)) {
      const res = p.raw
        ? await client.request(op.method, p.url, p.raw, { 'content-type': 'application/json' })
        : await client.request(op.method, p.url, op.method === 'GET' || op.method === 'DELETE' ? p.body : (p.body ?? {}));
      assertShape(failures, `${op.method} ${op.path} as ${who}, ${p.label}`, res as any);
    }
  }
  return failures;
}

beforeAll(async () => {
  env = await createTestEnv();
  await env.seedDemo();
  const doc = (await env.client().get('/api/openapi.json')).json();
  const access = new Map(env.routes.map((r) => [`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`, r.access]));
  ops = [];
  for (const [p, methods] of Object.entries<Record<string, any>>(doc.paths)) {
    if (!p.startsWith('/api/') || p.startsWith('/api/docs') || p.includes('*')) continue;
    for (const [m, op] of Object.entries<any>(methods)) {
      const method = m.toUpperCase();
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      const params: any[] = op.parameters ?? [];
      ops.push({
        method,
        path: p,
        pathParams: params.filter((x) => x.in === 'path').map((x) => x.name),
        query: Object.fromEntries(params.filter((x) => x.in === 'query').map((x) => [x.name, x.schema ?? {}])),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
        access: access.get(`${method} ${p}`) ?? 'public',
      });
    }
  }
}, 120_000);
afterAll(() => env.close());

describe('hostile input on every operation', () => {
  it('finds the operations in the OpenAPI document', () => {
    expect(ops.length).toBeGreaterThan(50);
    expect(ops.filter((o) => o.body).length).toBeGreaterThan(20);
  });

  it('as anonymous: no 5xx, always the one error shape', async () => {
    expect(await fuzz('anonymous', env.client())).toEqual([]);
  }, 120_000);

  for (const role of ROLES) {
    it(`as ${role}: no 5xx, always the one error shape`, async () => {
      const structureId = role === 'partner' ? DEMO_PARTNER_STRUCTURE_ID : undefined;
      const c = await env.as(role, structureId ? { structureId } : {});
      expect(await fuzz(role, c)).toEqual([]);
    }, 120_000);
  }
});

describe('the examples of the issue', () => {
  it('refuses a NUL in a query string, naming the field', async () => {
    const res = await env.client().get('/api/annuaire/services?thematique=%00');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: 'thematique', message: expect.stringContaining('caractère') }]);
  });

  it('refuses a NUL or a lone surrogate in a body, naming the field', async () => {
    for (const identifier of ['a\u0000b', 'a\uDC00b']) {
      const res = await env.client().post('/api/auth/login', { identifier, password: 'x' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'http/validation', fields: [{ path: 'identifier' }] });
    }
  });

  it('refuses a string longer than its field allows, and 10 000 characters when it says nothing', async () => {
    const res = await env.client().get(`/api/annuaire/services?thematique=${'x'.repeat(10_001)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { path: 'thematique', message: expect.stringMatching(/^Ce texte est trop long \(10.000 caractères au maximum\)\.$/) },
    ]);
  });

  it('survives hostile cookies and headers', async () => {
    const failures: string[] = [];
    for (const cookie of ['relais_session=%00', 'relais_session=%ED%A0%80; relais_csrf=%zz', `relais_csrf=${'a.'.repeat(3000)}`, 'relais_session=a\u0000b']) {
      for (const [method, url] of [
        ['GET', '/api/auth/me'],
        ['POST', '/api/auth/logout'],
        ['POST', '/api/droits/simulations'],
      ] as const) {
        const res = await env.app.inject({
          method,
          url,
          headers: { cookie, 'x-csrf-token': '%00', 'content-type': 'application/json' },
          payload: method === 'POST' ? '{}' : undefined,
        });
        assertShape(failures, `${method} ${url} with cookie ${cookie.slice(0, 40)}`, res as any);
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets a field whose schema declares a longer maximum take more (a directory import)', async () => {
    const admin = await env.as('admin');
    const res = await admin.post('/api/annuaire/import', { content: `${'x'.repeat(20_000)}` });
    expect(res.json().error?.code).not.toBe('http/validation');
  });

  it('answers a bad URL and an overlong path parameter in the one shape, in French', async () => {
    const bad = await env.client().get('/%zz');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ error: { code: 'http/bad-url', message: "L'adresse demandée est mal formée." } });
    expect(bad.body).not.toContain('%zz');
    const long = await env.client().get(`/api/dossiers/households/${'a'.repeat(201)}`);
    expect(long.statusCode).toBe(414);
    expect(long.json().error.code).toBe('http/uri-too-long');
  });

  it('lets a client that reads only once it has sent its whole oversized body read the 413', async () => {
    await env.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = env.app.server.address() as AddressInfo;
    const size = 12 * 1024 * 1024;
    // Like curl or a browser upload: the socket is read only after the last byte is written.
    // Closing with unread data would make the kernel reset the connection (EPIPE here).
    const head = await new Promise<string>((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1');
      let got = '';
      s.pause();
      s.on('data', (c) => (got += c));
      s.on('end', () => resolve(got));
      s.on('error', reject);
      s.write(`POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const write = () => {
        while (sent < size) {
          sent += chunk.length;
          if (!s.write(chunk)) return void s.once('drain', write);
        }
        s.write('', () => s.resume());
      };
      write();
    });
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large');
    expect(JSON.parse(head.slice(head.indexOf('\r\n\r\n') + 4)).error.code).toBe('http/payload-too-large');
  });

  it('never lets a NUL reach PostgreSQL through a path parameter', async () => {
    const agent = await env.as('agent');
    const res = await agent.get(`/api/annuaire/structures/${encodeURIComponent('a\u0000')}`);
    expect(res.statusCode).toBe(400);
  });
});
