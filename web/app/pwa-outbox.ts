/**
 * Forms sent without network wait here (IndexedDB on the phone) and go when it returns:
 * from the service worker's Background Sync where the browser has it, else from the page
 * when it comes back online or starts. Each carries its own Idempotency-Key (its id): the
 * server answers a replay with the first answer (src/platform/http/idempotency.ts), so a
 * form sent twice — by the page and the worker, or after a lost answer — is written once.
 * The CSRF token may have changed meanwhile (another session, a renewal): a fresh one is
 * fetched before sending. Used by the page (pwa.tsx) and the worker (sw.ts); no DOM here.
 */

export interface OutboxItem {
  /** Also the Idempotency-Key. */
  id: string;
  /** Whose form it is: only sent while the same person is signed in. */
  userId: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body: unknown;
  /** What the family reads about it ("Annulation du rendez-vous du 12 mars"). */
  label: string;
  /** The French text inside the label (a title a family typed, a town's name), shown as a lang="fr" island in other languages. */
  what?: string;
  createdAt: number;
  state: 'pending' | 'sent' | 'failed';
  /** Why the server refused it (French, from its answer), for a failed one. */
  message?: string;
  /** The language the server wrote `message` in when it translated it (absent: French). */
  messageLang?: string;
}

export interface OutboxStore {
  all(): Promise<OutboxItem[]>;
  put(item: OutboxItem): Promise<void>;
  delete(id: string): Promise<void>;
  clear(): Promise<void>;
}

export interface Session {
  userId: string | null;
  csrf: string;
}

export interface OutboxTransport {
  fetch(
    url: string,
    init: { method: string; headers: Record<string, string>; body?: string; credentials: 'same-origin' },
  ): Promise<{ status: number; text(): Promise<string> }>;
  /** Asks the server who is signed in (which also renews the CSRF cookie), then reads the token. */
  session(): Promise<Session>;
}

export type Outcome = 'sent' | 'failed' | 'retry';

/**
 * What an answer means for a queued form: done, refused for good (the family is told why),
 * or to be tried again later (no network, the server busy or down, a replay still being
 * answered, the session gone until the family signs in again, a CSRF token that changed).
 */
export function outcomeOf(status: number, code?: string): Outcome {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 0 || status >= 500 || status === 408 || status === 429 || status === 401) return 'retry';
  if (status === 409 && code === 'http/idempotency-pending') return 'retry';
  if (status === 403 && code === 'http/csrf') return 'retry';
  return 'failed';
}

export function newItem(
  id: string,
  userId: string,
  req: { method: OutboxItem['method']; url: string; body: unknown; label: string; what?: string },
  now: number,
): OutboxItem {
  const item: OutboxItem = { id, userId, method: req.method, url: req.url, body: req.body, label: req.label, createdAt: now, state: 'pending' };
  if (req.what) item.what = req.what;
  return item;
}

/** A label cut around its French part (`what`), to mark it lang="fr": [before, what, after], or the label alone. */
export function labelParts(label: string, what?: string): [string] | [string, string, string] {
  const at = what ? label.indexOf(what) : -1;
  if (!what || at < 0) return [label];
  return [label.slice(0, at), what, label.slice(at + what.length)];
}

/** Sends one form with the key and token; the network's failure is status 0. */
export async function sendItem(
  t: OutboxTransport,
  item: Pick<OutboxItem, 'id' | 'method' | 'url' | 'body'>,
  csrf: string,
): Promise<{ status: number; code?: string; message?: string; lang?: string; text: string }> {
  let res;
  try {
    const headers: Record<string, string> = { accept: 'application/json', 'x-csrf-token': csrf, 'idempotency-key': item.id };
    // No body, no content type (a DELETE): the server refuses an empty JSON body.
    if (item.body !== undefined) headers['content-type'] = 'application/json';
    res = await t.fetch(item.url, {
      method: item.method,
      headers,
      body: item.body === undefined ? undefined : JSON.stringify(item.body),
      credentials: 'same-origin',
    });
  } catch {
    return { status: 0, text: '' };
  }
  const text = await res.text().catch(() => '');
  let code: string | undefined;
  let message: string | undefined;
  let lang: string | undefined;
  try {
    const e = JSON.parse(text)?.error;
    code = e?.code;
    message = e?.message;
    lang = e?.lang;
  } catch {
    /* not JSON */
  }
  return { status: res.status, code, message, lang, text };
}

/** One pass over the waiting forms, oldest first. Returns how many left the queue each way. */
export async function flushOutbox(store: OutboxStore, t: OutboxTransport): Promise<{ sent: number; failed: number; waiting: number }> {
  const pending = (await store.all()).filter((i) => i.state === 'pending').sort((a, b) => a.createdAt - b.createdAt);
  const counts = { sent: 0, failed: 0, waiting: pending.length };
  if (!pending.length) return counts;
  let session: Session;
  try {
    session = await t.session();
  } catch {
    return counts; // still no network
  }
  for (const item of pending) {
    if (item.userId !== session.userId) continue; // someone else's (or nobody signed in): waits for them
    let r = await sendItem(t, item, session.csrf);
    if (r.status === 403 && r.code === 'http/csrf') {
      // The token changed between the two reads: once more with a fresh one.
      session = await t.session().catch(() => session);
      r = await sendItem(t, item, session.csrf);
    }
    const outcome = outcomeOf(r.status, r.code);
    if (outcome === 'retry') {
      if (r.status === 0) break; // the network went again: the rest waits too
      continue;
    }
    await store.put({ ...item, state: outcome, message: outcome === 'failed' ? r.message : undefined, messageLang: outcome === 'failed' ? r.lang : undefined });
    counts.waiting--;
    counts[outcome]++;
  }
  return counts;
}

/** The queue in IndexedDB (database "relais", store "outbox"), for the page and the worker. */
export function idbOutbox(idb: IDBFactory): OutboxStore {
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const r = idb.open('relais', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('outbox', { keyPath: 'id' });
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const run = async <T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const db = await open();
    try {
      return await new Promise<T>((resolve, reject) => {
        const tx = db.transaction('outbox', mode);
        const req = f(tx.objectStore('outbox'));
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  };
  return {
    all: () => run('readonly', (s) => s.getAll() as IDBRequest<OutboxItem[]>),
    put: async (item) => void (await run('readwrite', (s) => s.put(item))),
    delete: async (id) => void (await run('readwrite', (s) => s.delete(id))),
    clear: async () => void (await run('readwrite', (s) => s.clear())),
  };
}

export const OUTBOX_SYNC_TAG = 'relais-outbox';
