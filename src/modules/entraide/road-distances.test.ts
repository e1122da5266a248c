/** Road distances from a fake OSRM `table` server (node:http): its matrix used; straight line × factor when it fails or hangs, logged without coordinates. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { roadKm } from './ride-matching';
import { roadDistances } from './road-distances';

let mode: 'ok' | '500' | 'hang' | 'garbage' = 'ok';
const urls: string[] = [];
let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    urls.push(req.url ?? '');
    if (mode === 'hang') return; // never answers
    if (mode === '500') return void res.writeHead(500).end('boom');
    res.writeHead(200, { 'content-type': 'application/json' });
    if (mode === 'garbage') return void res.end(JSON.stringify({ code: 'Ok', distances: [[0]] }));
    res.end(
      JSON.stringify({
        code: 'Ok',
        distances: [
          [0, 1200, 5400],
          [1250, 0, null],
          [5300, 4100, 0],
        ],
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const a = { lat: 49.9, lon: 2.28 };
const b = { lat: 49.91, lon: 2.3 };
const c = { lat: 49.88, lon: 2.32 };
const logger = () => {
  const lines: unknown[][] = [];
  return { lines, log: { info: () => {}, error: () => {}, warn: (...args: unknown[]) => void lines.push(args) } };
};

it('one table request for the set of points (duplicates once); the matrix in km, a pair without a route by straight line', async () => {
  mode = 'ok';
  urls.length = 0;
  const l = logger();
  const r = await roadDistances([a, b, a, c], { url: base, timeoutMs: 1000, log: l.log });
  expect(r.source).toBe('routing');
  expect(urls).toEqual(['/table/v1/driving/2.280000,49.900000;2.300000,49.910000;2.320000,49.880000?annotations=distance']);
  expect(r.dist(a, b)).toBe(1.2);
  expect(r.dist(b, a)).toBe(1.25);
  expect(r.dist(c, b)).toBe(4.1);
  expect(r.dist(b, c)).toBe(roadKm(b, c));
  expect(r.dist(a, { lat: 48, lon: 2 })).toBe(roadKm(a, { lat: 48, lon: 2 }));
  expect(l.lines).toEqual([]);
});

it.each(['500', 'garbage', 'hang'] as const)('when the service answers %s: straight line × factor, logged with the cause and no coordinate', async (m) => {
  mode = m;
  const l = logger();
  const r = await roadDistances([a, b, c], { url: base, timeoutMs: 200, log: l.log });
  expect(r.source).toBe('straight-line');
  expect(r.dist(a, b)).toBe(roadKm(a, b));
  expect(l.lines).toHaveLength(1);
  const text = JSON.stringify(l.lines[0]);
  expect(text).toContain(m === 'hang' ? 'no answer within 200 ms' : m === '500' ? 'HTTP 500' : 'unexpected answer');
  expect(text).not.toMatch(/49\.9|2\.28/);
});

it('without a routing service, or an unreachable one: straight line × factor', async () => {
  const l = logger();
  expect((await roadDistances([a, b], { timeoutMs: 200, log: l.log })).source).toBe('straight-line');
  expect((await roadDistances([a, b], { url: 'http://127.0.0.1:1/', timeoutMs: 200, log: l.log })).source).toBe('straight-line');
  expect(l.lines).toHaveLength(1);
});
