/**
 * Nothing typed is lost: the household form's draft, kept on the server (resumable from any
 * device) and, until the server has it, in this browser (a phone that lost its connection).
 * Every change is written here at once and sent a moment later; a step change sends it at
 * once; a save that failed is sent again when the browser is back online. The local copy
 * is removed as soon as the server holds it: personal data does not linger on a shared phone.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../app/api';
import { useSession } from '../../app/session';
import { useApi } from '../../app/use-api';
import type { DraftData, DraftOut, DraftSaved } from '../../../src/modules/dossiers';

export type DraftForm = 'remplir' | 'renouvellement';

/** What the form keeps: its step and its fields (the server's draft shape). */
export interface DraftState {
  step: number;
  data: DraftData;
  /** When it was typed (ISO): the newest typing wins between devices. */
  savedAt: string;
}

interface LocalEntry extends DraftState {
  /** Not yet on the server. */
  pending: true;
}

const SEND_AFTER_MS = 800;

const keyOf = (userId: string, form: DraftForm) => `relais.dossiers.brouillon.${userId}.${form}`;

function readLocal(key: string): LocalEntry | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as LocalEntry) : null;
  } catch {
    return null;
  }
}

function writeLocal(key: string, e: LocalEntry | null) {
  try {
    if (e) localStorage.setItem(key, JSON.stringify(e));
    else localStorage.removeItem(key);
  } catch {
    // Private mode or full storage: the server copy still holds it.
  }
}

export interface DraftHandle {
  /** False while the server's draft is awaited. */
  ready: boolean;
  /** The draft to resume from (the newest of the server's and this browser's), or null. */
  restored: DraftState | null;
  /** True when the last change is only in this browser (no connection). */
  offline: boolean;
  /** Record a change (written here at once, sent shortly). */
  change: (step: number, data: DraftData) => void;
  /** Send what is waiting now (on a step change). */
  flush: () => void;
  /** Start again: the draft is deleted here and on the server. */
  discard: () => Promise<void>;
  /** Before saving the file: what waits is sent first, so a failed save still leaves the newest draft. */
  beforeSave: () => Promise<void>;
  /** The file is saved (the server deleted its draft in the same transaction): nothing to keep here. */
  afterSave: () => void;
}

export function useDraft(form: DraftForm | null): DraftHandle {
  const { user } = useSession();
  const key = form && user ? keyOf(user.id, form) : null;
  const server = useApi<{ draft: DraftOut | null }>(key ? `/api/dossiers/me/brouillons/${form}` : null);
  const [offline, setOffline] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sending = useRef<Promise<void> | null>(null);
  // The last entry the server took from this page. Sent at mount (what a reload left here), it may be
  // saved before the server's draft is read back, with the old one: the newest of the three is resumed.
  const sent = useRef<LocalEntry | null>(null);

  const send = useCallback(async (): Promise<void> => {
    if (!key || !form) return;
    if (sending.current) {
      // One save at a time, in order; what was typed meanwhile goes next.
      await sending.current;
      return send();
    }
    const entry = readLocal(key);
    if (!entry) return;
    let done: () => void = () => {};
    sending.current = new Promise<void>((r) => (done = r));
    try {
      await api.put<DraftSaved>(`/api/dossiers/me/brouillons/${form}`, { step: entry.step, data: entry.data, savedAt: entry.savedAt });
      // Remove the local copy only if nothing newer was typed meanwhile.
      sent.current = entry;
      if (readLocal(key)?.savedAt === entry.savedAt) writeLocal(key, null);
      setOffline(false);
    } catch {
      setOffline(true);
    } finally {
      sending.current = null;
      done();
    }
  }, [key, form]);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    void send();
  }, [send]);

  const change = useCallback(
    (step: number, data: DraftData) => {
      if (!key) return;
      // The moment the person typed, on their device: it orders drafts between devices.
      writeLocal(key, { step, data, savedAt: new Date().toISOString(), pending: true });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void send(), SEND_AFTER_MS);
    },
    [key, send],
  );

  // Back online: send what waited; leaving the page: send what is pending.
  useEffect(() => {
    if (!key) return;
    const online = () => void send();
    window.addEventListener('online', online);
    window.addEventListener('pagehide', online);
    if (readLocal(key)) void send();
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('pagehide', online);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [key, send]);

  const discard = useCallback(async () => {
    if (!key || !form) return;
    if (timer.current) clearTimeout(timer.current);
    writeLocal(key, null);
    await api.del(`/api/dossiers/me/brouillons/${form}`);
    server.setData({ draft: null });
  }, [key, form, server]);

  const beforeSave = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    await send();
  }, [send]);

  const afterSave = useCallback(() => {
    if (key) writeLocal(key, null);
  }, [key]);

  const ready = !key || server.data !== null || server.error !== null;
  let restored: DraftState | null = null;
  if (key && ready) {
    const remote = server.data?.draft ?? null;
    const candidates = [readLocal(key), sent.current, remote ? { step: remote.step, data: remote.data, savedAt: String(remote.savedAt) } : null];
    for (const c of candidates) if (c && (!restored || c.savedAt > restored.savedAt)) restored = { step: c.step, data: c.data, savedAt: c.savedAt };
  }
  return { ready, restored, offline, change, flush, discard, beforeSave, afterSave };
}
