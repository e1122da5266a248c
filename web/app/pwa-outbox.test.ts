import { describe, expect, it } from 'vitest';
import { flushOutbox, labelParts, newItem, outcomeOf, type OutboxItem, type OutboxStore, type OutboxTransport } from './pwa-outbox';

function memoryStore(items: OutboxItem[] = []): OutboxStore & { items: Map<string, OutboxItem> } {
  const m = new Map(items.map((i) => [i.id, i]));
  return {
    items: m,
    all: async () => [...m.values()],
    put: async (i) => void m.set(i.id, i),
    delete: async (id) => void m.delete(id),
    clear: async () => m.clear(),
  };
}

/** A server that records what it receives and answers per URL; `online` false throws as fetch does. */
function fakeServer(answers: Record<string, { status: number; body?: unknown }[]>, opts: { userId?: string | null; online?: boolean } = {}) {
  const received: { url: string; headers: Record<string, string>; body?: string }[] = [];
  let tokens = 0;
  const t: OutboxTransport & { received: typeof received; online: boolean } = {
    received,
    online: opts.online ?? true,
    async fetch(url, init) {
      if (!t.online) throw new TypeError('Failed to fetch');
      received.push({ url, headers: init.headers, body: init.body });
      const a = answers[url]?.shift() ?? { status: 204 };
      return { status: a.status, text: async () => (a.body === undefined ? '' : JSON.stringify(a.body)) };
    },
    async session() {
      if (!t.online) throw new TypeError('Failed to fetch');
      return { userId: opts.userId === undefined ? 'u1' : opts.userId, csrf: `token-${++tokens}` };
    },
  };
  return t;
}

const item = (id: string, url: string, at: number, userId = 'u1') => newItem(id, userId, { method: 'POST', url, body: {}, label: 'Annulation' }, at);

describe('what an answer means for a queued form', () => {
  it('sent on 2xx; tried again later on no network, 5xx, busy, signed out, CSRF, a replay still running', () => {
    expect(outcomeOf(200)).toBe('sent');
    expect(outcomeOf(204)).toBe('sent');
    for (const s of [0, 500, 503, 408, 429, 401]) expect(outcomeOf(s), String(s)).toBe('retry');
    expect(outcomeOf(409, 'http/idempotency-pending')).toBe('retry');
    expect(outcomeOf(403, 'http/csrf')).toBe('retry');
  });
  it('refused for good otherwise (the family is told why)', () => {
    expect(outcomeOf(409, 'rendezvous/too-late')).toBe('failed');
    expect(outcomeOf(403, 'auth/forbidden')).toBe('failed');
    expect(outcomeOf(422)).toBe('failed');
  });
});

describe('sending the queue', () => {
  it('sends a JSON body with its content type, and a withdrawal without body (a DELETE) without one', async () => {
    const withdrawal = newItem('k-3', 'u1', { method: 'DELETE', url: '/api/pilotage/ideas/1/support', body: undefined, label: 'Retrait' }, 3);
    const store = memoryStore([item('k-1', '/api/a', 1), withdrawal]);
    const server = fakeServer({});
    expect(await flushOutbox(store, server)).toEqual({ sent: 2, failed: 0, waiting: 0 });
    expect(server.received.map((r) => [r.headers['content-type'], r.body])).toEqual([
      ['application/json', '{}'],
      [undefined, undefined],
    ]);
  });
  it('sends the oldest first, each with its Idempotency-Key and a fresh CSRF token', async () => {
    const store = memoryStore([item('k-2', '/api/b', 2), item('k-1', '/api/a', 1)]);
    const server = fakeServer({});
    expect(await flushOutbox(store, server)).toEqual({ sent: 2, failed: 0, waiting: 0 });
    expect(server.received.map((r) => [r.url, r.headers['idempotency-key'], r.headers['x-csrf-token']])).toEqual([
      ['/api/a', 'k-1', 'token-1'],
      ['/api/b', 'k-2', 'token-1'],
    ]);
    expect([...store.items.values()].map((i) => i.state)).toEqual(['sent', 'sent']);
    // A second pass sends nothing again.
    expect(await flushOutbox(store, server)).toEqual({ sent: 0, failed: 0, waiting: 0 });
    expect(server.received).toHaveLength(2);
  });

  it('keeps everything while there is no network', async () => {
    const store = memoryStore([item('k-1', '/api/a', 1)]);
    const server = fakeServer({}, { online: false });
    expect(await flushOutbox(store, server)).toEqual({ sent: 0, failed: 0, waiting: 1 });
    expect(store.items.get('k-1')!.state).toBe('pending');
  });

  it('tries once more with a new token when the CSRF token changed meanwhile', async () => {
    const store = memoryStore([item('k-1', '/api/a', 1)]);
    const server = fakeServer({ '/api/a': [{ status: 403, body: { error: { code: 'http/csrf' } } }, { status: 204 }] });
    expect(await flushOutbox(store, server)).toMatchObject({ sent: 1 });
    expect(server.received.map((r) => r.headers['x-csrf-token'])).toEqual(['token-1', 'token-2']);
  });

  it('marks a refusal as failed with the server’s French message, and goes on with the next', async () => {
    const store = memoryStore([item('k-1', '/api/a', 1), item('k-2', '/api/b', 2)]);
    const server = fakeServer({ '/api/a': [{ status: 409, body: { error: { code: 'rendezvous/too-late', message: 'Trop tard pour annuler.' } } }] });
    expect(await flushOutbox(store, server)).toEqual({ sent: 1, failed: 1, waiting: 0 });
    expect(store.items.get('k-1')).toMatchObject({ state: 'failed', message: 'Trop tard pour annuler.' });
  });

  it('cuts a label around its French part, or leaves it whole', () => {
    expect(labelParts('Post “Trajet école” (queued)', 'Trajet école')).toEqual(['Post “', 'Trajet école', '” (queued)']);
    expect(labelParts('Renewal of your file')).toEqual(['Renewal of your file']);
    expect(labelParts('Tutoring session for Léo', 'Adam')).toEqual(['Tutoring session for Léo']);
  });

  it('keeps the language the server translated its refusal in (absent: French), and the French part of a label', async () => {
    const post = newItem('k-1', 'u1', { method: 'POST', url: '/api/a', body: {}, label: 'Post “Poussette”', what: 'Poussette' }, 1);
    expect(post.what).toBe('Poussette');
    expect(newItem('k-2', 'u1', { method: 'POST', url: '/api/b', body: {}, label: 'Renewal' }, 2)).not.toHaveProperty('what');
    const store = memoryStore([post]);
    const server = fakeServer({ '/api/a': [{ status: 422, body: { error: { code: 'x', message: 'This field is required.', lang: 'en' } } }] });
    expect(await flushOutbox(store, server)).toEqual({ sent: 0, failed: 1, waiting: 0 });
    expect(store.items.get('k-1')).toMatchObject({ state: 'failed', message: 'This field is required.', messageLang: 'en', what: 'Poussette' });
  });

  it('leaves for later a form the server is still answering, or failing on', async () => {
    const store = memoryStore([item('k-1', '/api/a', 1), item('k-2', '/api/b', 2)]);
    const server = fakeServer({
      '/api/a': [{ status: 409, body: { error: { code: 'http/idempotency-pending' } } }],
      '/api/b': [{ status: 503 }],
    });
    expect(await flushOutbox(store, server)).toEqual({ sent: 0, failed: 0, waiting: 2 });
  });

  it('never sends a family’s form while someone else, or nobody, is signed in', async () => {
    const store = memoryStore([item('k-1', '/api/a', 1, 'u1')]);
    expect(await flushOutbox(store, fakeServer({}, { userId: 'u2' }))).toEqual({ sent: 0, failed: 0, waiting: 1 });
    const nobody = fakeServer({}, { userId: null });
    expect(await flushOutbox(store, nobody)).toEqual({ sent: 0, failed: 0, waiting: 1 });
    expect(nobody.received).toEqual([]);
  });
});
