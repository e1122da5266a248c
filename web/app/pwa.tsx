/**
 * The installable app in the page (issue 19): registers the service worker (sw.ts), offers
 * a new version ("Recharger"), sends forms as they are or queues them without network
 * (pwa-outbox.ts) with their status in view, and forgets the family's data on this phone
 * when it signs out or someone else signs in (a shared phone must not show the previous
 * family's pass).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, OFFLINE_MESSAGE } from './api';
import { registerMessages, useT } from './i18n';
import { Fr } from './lang';
import { useSession } from './session';
import { FAMILY_CACHE } from './pwa-policy';
import { flushOutbox, idbOutbox, labelParts, newItem, OUTBOX_SYNC_TAG, outcomeOf, sendItem, type OutboxItem, type OutboxTransport } from './pwa-outbox';
import messages from './pwa-messages';

registerMessages('pwa', messages);

const supported = typeof navigator !== 'undefined' && 'serviceWorker' in navigator && typeof indexedDB !== 'undefined';
const store = () => idbOutbox(indexedDB);
const CHANGED = 'relais-outbox-changed';
/** Sent on the window when queued forms reached the server: pages read their data again (use-api.ts). */
export const OUTBOX_SENT = 'relais-outbox-sent';

function csrfCookie(): string {
  return document.cookie.match(/(?:^|;\s*)relais_csrf=([^;]+)/)?.[1] ?? '';
}

const transport: OutboxTransport = {
  fetch: (url, init) => fetch(url, init),
  async session() {
    const res = await fetch('/api/auth/me', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    const me = (await res.json()) as { user: { id: string } | null };
    return { userId: me.user?.id ?? null, csrf: csrfCookie() };
  },
};

function changed() {
  window.dispatchEvent(new Event(CHANGED));
}

let flushing: Promise<unknown> | null = null;
/** Sends what waits (on start, when the network returns, after a queued form). */
export function flushNow(): Promise<unknown> {
  if (!supported) return Promise.resolve();
  flushing ??= flushOutbox(store(), transport)
    .then((r) => {
      if (r.sent) window.dispatchEvent(new Event(OUTBOX_SENT));
    })
    .catch(() => undefined)
    .finally(() => {
      flushing = null;
      changed();
    });
  return flushing;
}

/** A form sent now (with the server's answer) or queued on the phone until the network returns (`id`: its place in the queue). */
export type SentOrQueued<T> = { queued: false; data: T } | { queued: true; id: string };
/**
 * What a page asks to send: `label` is what the family reads about it in the list of its sendings (pwa-messages.ts);
 * `what`, the French text put in it (a title a family typed, a town's name), is marked lang="fr" there.
 */
export type QueueRequest = { method: OutboxItem['method']; url: string; body: unknown; label: string; what?: string };

/**
 * A family's form that may wait for the network: sent now when possible, else kept and sent
 * later (once, whatever happens: it carries an Idempotency-Key). `queued` tells the page to
 * say so; a refusal by the server is thrown as an ApiError, as `api` does.
 */
export async function sendOrQueueData<T = unknown>(userId: string, req: QueueRequest): Promise<SentOrQueued<T>> {
  const item = newItem(crypto.randomUUID(), userId, req, Date.now());
  const r: Awaited<ReturnType<typeof sendItem>> = navigator.onLine ? await sendItem(transport, item, csrfCookie()) : { status: 0, text: '' };
  // Nobody signed in: a queued form would wait for no one (the queue sends a form only for its own account), so it is refused.
  if (r.status !== 0 || !supported || !userId) {
    if (outcomeOf(r.status, r.code) === 'sent') return { queued: false, data: (r.text ? JSON.parse(r.text) : undefined) as T };
    const e = (() => {
      try {
        return JSON.parse(r.text)?.error ?? {};
      } catch {
        return {};
      }
    })();
    if (r.status === 0) throw new ApiError(0, 'offline', OFFLINE_MESSAGE); // no queue here: no service worker or IndexedDB, or nobody signed in
    throw new ApiError(r.status, e.code ?? 'unknown', e.message ?? 'Une erreur est survenue.', e.fields ?? [], e.lang);
  }
  await store().put(item);
  changed();
  const reg = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  await (reg as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)?.sync?.register(OUTBOX_SYNC_TAG).catch(() => {});
  return { queued: true, id: item.id };
}

/** `sendOrQueueData` for a form whose answer the page does not read: 'sent' or 'queued'. */
export async function sendOrQueue(userId: string, req: QueueRequest): Promise<'sent' | 'queued'> {
  return (await sendOrQueueData(userId, req)).queued ? 'queued' : 'sent';
}

/** The one way a page says that its form waits for the network (the list of sendings above the page says the rest). */
export function QueuedNotice() {
  const t = useT();
  return (
    <div className="alert" data-tone="info" role="status">
      <div>{t('pwa.queued')}</div>
    </div>
  );
}

/**
 * A family's forms on a page that may wait for the network (docs/pwa.md): `send` sends one
 * now or queues it (for the signed-in family); `notice` is <QueuedNotice/> while one of them
 * waits, and goes when the outbox sent them all (the page's data is read again meanwhile:
 * OUTBOX_SENT, use-api.ts). A refusal by the server is thrown as an ApiError, as `api` does.
 */
export function useQueuedForms() {
  const { user } = useSession();
  const [waiting, setWaiting] = useState<string[]>([]);
  const some = waiting.length > 0;
  useEffect(() => {
    if (!some || !supported) return;
    const check = () =>
      void store()
        .all()
        .then((all) => {
          const pending = new Set(all.filter((i) => i.state === 'pending').map((i) => i.id));
          setWaiting((w) => w.filter((id) => pending.has(id)));
        })
        .catch(() => undefined);
    window.addEventListener(CHANGED, check);
    return () => window.removeEventListener(CHANGED, check);
  }, [some]);
  const userId = user?.id ?? '';
  const send = useCallback(
    async <T = unknown,>(req: QueueRequest): Promise<SentOrQueued<T>> => {
      const r = await sendOrQueueData<T>(userId, req);
      if (r.queued) setWaiting((w) => [...w, r.id]);
      return r;
    },
    [userId],
  );
  return { send, queued: some, notice: some ? <QueuedNotice /> : null };
}

/** Drops what this phone keeps of a family: its cached data and its waiting forms. */
export async function forgetFamily(): Promise<void> {
  if (!supported) return;
  await caches.delete(FAMILY_CACHE).catch(() => false);
  // The pages seen are the same for everyone, but their addresses may name a family's records.
  for (const name of await caches.keys().catch(() => [] as string[])) if (name.startsWith('relais-pages-')) await caches.delete(name);
  await store()
    .clear()
    .catch(() => {});
  changed();
}

export function registerServiceWorker(): void {
  if (!supported || !window.isSecureContext) return;
  window.addEventListener('load', () => {
    void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
  });
  window.addEventListener('online', () => void flushNow());
  navigator.serviceWorker.addEventListener('message', (e) => {
    if (e.data?.type === 'outbox-changed') {
      changed();
      window.dispatchEvent(new Event(OUTBOX_SENT));
    }
  });
}

/** The waiting version of the app, if any (a new one was installed while this one runs). */
function useUpdate(): ServiceWorker | null {
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);
  useEffect(() => {
    if (!supported) return;
    let live = true;
    void navigator.serviceWorker.getRegistration().then((reg) => {
      if (!reg || !live) return;
      const check = () => {
        if (reg.waiting && navigator.serviceWorker.controller) setWaiting(reg.waiting);
      };
      check();
      reg.addEventListener('updatefound', () => reg.installing?.addEventListener('statechange', check));
    });
    let reloaded = false;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (waitingAsked && !reloaded) {
        reloaded = true;
        window.location.reload();
      }
    });
    return () => {
      live = false;
    };
  }, []);
  return waiting;
}
let waitingAsked = false;

function useOutbox(userId: string | null): [OutboxItem[], () => void] {
  const [items, setItems] = useState<OutboxItem[]>([]);
  const read = useCallback(() => {
    if (!supported) return;
    void store()
      .all()
      .then((all) => setItems(all.filter((i) => i.userId === userId).sort((a, b) => a.createdAt - b.createdAt)))
      .catch(() => setItems([]));
  }, [userId]);
  useEffect(() => {
    read();
    window.addEventListener(CHANGED, read);
    return () => window.removeEventListener(CHANGED, read);
  }, [read]);
  const dismiss = useCallback(() => {
    void Promise.all(items.filter((i) => i.state !== 'pending').map((i) => store().delete(i.id))).then(changed);
  }, [items]);
  return [items, dismiss];
}

/** A sending's label, its French part (`what`) a lang="fr" island in an English or Arabic sentence. */
function OutboxLabel({ item }: { item: Pick<OutboxItem, 'label' | 'what'> }) {
  const [before, what, after] = labelParts(item.label, item.what);
  if (what === undefined) return <>{before}</>;
  return (
    <>
      {before}
      <Fr>{what}</Fr>
      {after}
    </>
  );
}

/** Shown above every page: the update prompt, being offline, and the forms that wait or went. */
export function PwaStatus() {
  const t = useT();
  const { user, loading } = useSession();
  const waiting = useUpdate();
  const [online, setOnline] = useState(() => typeof navigator === 'undefined' || navigator.onLine);
  const [items, dismiss] = useOutbox(user?.id ?? null);
  const previous = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  useEffect(() => {
    if (loading) return;
    const id = user?.id ?? null;
    // Signed out, or someone else signed in: this phone forgets the previous family.
    if (previous.current && previous.current !== id) void forgetFamily();
    previous.current = id;
    if (id) void flushNow();
  }, [user?.id, loading]);
  if (!waiting && online && !items.length) return null;
  return (
    <div className="pwa-status stack" role="status" style={{ padding: '0.5rem' }}>
      {waiting ? (
        <div className="alert" data-tone="info">
          <div className="row">
            <span>{t('pwa.update')} — </span>
            <button
              type="button"
              className="btn"
              onClick={() => {
                waitingAsked = true;
                waiting.postMessage({ type: 'skip-waiting' });
              }}
            >
              {t('pwa.reload')}
            </button>
          </div>
        </div>
      ) : null}
      {!online ? (
        <div className="alert" data-tone="warning">
          {t('pwa.offline')}
        </div>
      ) : null}
      {items.length ? (
        <div className="alert" data-tone={items.some((i) => i.state === 'failed') ? 'error' : items.some((i) => i.state === 'pending') ? 'warning' : 'success'}>
          <strong>{t('pwa.outbox')}</strong>
          <ul>
            {items.map((i) => (
              <li key={i.id}>
                <OutboxLabel item={i} /> : <strong>{t(`pwa.${i.state === 'pending' ? 'queued' : i.state}`)}</strong>
                {/* The server's reason: French unless it says it translated it. */}
                {i.message ? (
                  <>
                    {' ('}
                    {i.messageLang ? i.message : <Fr>{i.message}</Fr>})
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          {items.some((i) => i.state !== 'pending') ? (
            <button type="button" className="btn" data-variant="secondary" onClick={dismiss}>
              {t('pwa.close')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
