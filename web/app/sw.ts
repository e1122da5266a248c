/**
 * Relais's service worker (issue 19), built on its own by vite.config.ts into /sw.js with
 * the list of the app shell's files and a version. What it does with each request is in
 * pwa-policy.ts; the forms queue is pwa-outbox.ts. No library: this file is the whole of it.
 */
import { afterSession, cacheNames, obsoleteCaches, OWNER_KEY, strategyFor, type SessionAnswer } from './pwa-policy';
import { flushOutbox, idbOutbox, OUTBOX_SYNC_TAG } from './pwa-outbox';

declare const __RELAIS_PRECACHE__: string[];
declare const __RELAIS_VERSION__: string;

// The worker's own events (the DOM library the app is typed with does not have them).
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(r: Promise<Response> | Response): void;
}
interface SyncEvent extends ExtendableEvent {
  tag: string;
}
interface WorkerScope {
  location: Location;
  registration: { scope: string };
  clients: { claim(): Promise<void>; matchAll(o?: { type?: string }): Promise<{ postMessage(m: unknown): void }[]> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', f: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', f: (e: FetchEvent) => void): void;
  addEventListener(type: 'sync', f: (e: SyncEvent) => void): void;
  addEventListener(type: 'message', f: (e: MessageEvent) => void): void;
  cookieStore?: { get(name: string): Promise<{ value: string } | null> };
}
const sw = self as unknown as WorkerScope;
const VERSION = __RELAIS_VERSION__;
const CACHES = cacheNames(VERSION);
const ORIGIN = sw.location.origin;

sw.addEventListener('install', (e) => {
  e.waitUntil(
    (async () => {
      const cache = await caches.open(CACHES.shell);
      await cache.addAll(__RELAIS_PRECACHE__.map((u) => new Request(u, { cache: 'reload' })));
    })(),
  );
});

sw.addEventListener('activate', (e) => {
  e.waitUntil(
    (async () => {
      for (const name of obsoleteCaches(await caches.keys(), VERSION)) await caches.delete(name);
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('message', (e) => {
  // The page's "Recharger": this version takes over now.
  if (e.data?.type === 'skip-waiting') void sw.skipWaiting();
});

sw.addEventListener('fetch', (e) => {
  const strategy = strategyFor(e.request, ORIGIN);
  if (strategy === 'network') return;
  e.respondWith(answer(strategy, e.request));
});

async function answer(strategy: Exclude<ReturnType<typeof strategyFor>, 'network'>, req: Request): Promise<Response> {
  switch (strategy) {
    case 'asset':
      return cacheFirst(req);
    case 'static':
      return networkFirst(req, CACHES.pages);
    case 'navigate':
      return navigate(req);
    case 'session':
      return session(req);
    case 'family':
      return family(req);
  }
}

async function cacheFirst(req: Request): Promise<Response> {
  const hit = await caches.match(req);
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok) await (await caches.open(CACHES.assets)).put(req, res.clone());
  return res;
}

async function networkFirst(req: Request, cacheName: string): Promise<Response> {
  try {
    const res = await fetch(req);
    if (res.ok) await (await caches.open(cacheName)).put(req, res.clone());
    return res;
  } catch (err) {
    const hit = await caches.match(req);
    if (hit) return hit;
    throw err;
  }
}

/** A page: the network; offline, the page as last seen, else the app shell (the app routes itself). */
async function navigate(req: Request): Promise<Response> {
  try {
    const res = await fetch(req);
    if (res.ok) await (await caches.open(CACHES.pages)).put(req.url, res.clone());
    return res;
  } catch {
    const hit = (await caches.match(req.url, { ignoreSearch: true })) ?? (await caches.match('/'));
    return hit ?? Response.error();
  }
}

async function owner(): Promise<string | null> {
  const hit = await (await caches.open(CACHES.family)).match(OWNER_KEY);
  return hit ? ((await hit.json()) as { userId: string }).userId : null;
}

/** Who is signed in: decides whose data the family cache may hold (pwa-policy.ts `afterSession`). */
async function session(req: Request): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(req);
  } catch (err) {
    // Offline: the family that was signed in, if it is a parent's phone.
    const hit = (await owner()) ? await (await caches.open(CACHES.family)).match(req) : undefined;
    if (hit) return hit;
    throw err;
  }
  if (res.ok) {
    const me = (await res
      .clone()
      .json()
      .catch(() => null)) as SessionAnswer | null;
    const next = afterSession(await owner(), me);
    if (next.clear) {
      await caches.delete(CACHES.family);
      await caches.delete(CACHES.pages); // addresses seen may name the family's records
    }
    const cache = await caches.open(CACHES.family);
    if (next.keep && next.owner) {
      await cache.put(OWNER_KEY, new Response(JSON.stringify({ userId: next.owner }), { headers: { 'content-type': 'application/json' } }));
      await cache.put(req, res.clone());
    }
  }
  return res;
}

/** The family's own data: the network first, kept for offline use only while a parent is signed in. */
async function family(req: Request): Promise<Response> {
  const who = await owner();
  try {
    const res = await fetch(req);
    if (res.ok && who) await (await caches.open(CACHES.family)).put(req, res.clone());
    return res;
  } catch (err) {
    const hit = who ? await (await caches.open(CACHES.family)).match(req) : undefined;
    if (hit) return hit;
    throw err;
  }
}

/** Background Sync: the queued forms go as soon as the browser sees the network again. */
sw.addEventListener('sync', (e) => {
  if (e.tag !== OUTBOX_SYNC_TAG) return;
  e.waitUntil(flushFromWorker());
});

async function flushFromWorker(): Promise<void> {
  // The worker reads the CSRF cookie through the Cookie Store API; without it, the page sends the queue.
  const cookieStore = sw.cookieStore;
  if (!cookieStore) return;
  await flushOutbox(idbOutbox(indexedDB), {
    fetch: (url, init) => fetch(url, init),
    async session() {
      const res = await fetch('/api/auth/me', { credentials: 'same-origin', headers: { accept: 'application/json' } });
      const me = (await res.json()) as SessionAnswer;
      return { userId: me.user?.id ?? null, csrf: (await cookieStore.get('relais_csrf'))?.value ?? '' };
    },
  });
  for (const c of await sw.clients.matchAll({ type: 'window' })) c.postMessage({ type: 'outbox-changed' });
}
