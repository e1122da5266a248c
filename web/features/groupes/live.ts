/**
 * The room's messages over WebSocket: the server sends what we missed after our last
 * number, then live ones; we reconnect (with our last number) when the connection drops.
 * Messages are kept by number: nothing twice, always in order.
 */
import { useEffect, useRef, useState } from 'react';
import type { MessageView } from '../../../src/modules/groupes';
import { intlTag } from '../../app/locales';

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'closed' | 'ended';

export function useLiveRoom(roomId: string | null, onSignal: (type: 'room' | 'member' | 'alert') => void) {
  const [messages, setMessages] = useState<MessageView[]>([]);
  const [state, setState] = useState<LiveState>('connecting');
  const signal = useRef(onSignal);
  signal.current = onSignal;

  useEffect(() => {
    if (!roomId) return;
    let lastSeq = 0;
    let ws: WebSocket | null = null;
    let stopped = false;
    let retry = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const byNumber = new Map<number, MessageView>();
    const publish = () => setMessages([...byNumber.values()].sort((a, b) => a.seq - b.seq));

    const open = () => {
      const proto = location.protocol === 'https:' ? 'wss' : 'ws';
      ws = new WebSocket(`${proto}://${location.host}/api/groupes/rooms/${roomId}/live?after=${lastSeq}`);
      ws.onmessage = (ev) => {
        const f = JSON.parse(String(ev.data)) as { type: string; message?: MessageView; lastSeq?: number };
        if (f.type === 'message' && f.message) {
          if (f.message.seq <= lastSeq) return;
          lastSeq = f.message.seq;
          byNumber.set(f.message.seq, f.message);
          publish();
        } else if (f.type === 'update' && f.message) {
          byNumber.set(f.message.seq, f.message);
          publish();
        } else if (f.type === 'ready') {
          retry = 0;
          lastSeq = Math.max(lastSeq, f.lastSeq ?? 0);
          setState('live');
        } else if (f.type === 'room' || f.type === 'member' || f.type === 'alert') {
          signal.current(f.type);
        }
      };
      ws.onclose = (ev) => {
        if (stopped) return;
        if (ev.code === 4403) {
          setState('closed');
          signal.current('member');
          return;
        }
        // The session ended (logout elsewhere, password changed, account closed): no reconnection.
        if (ev.code === 4401) {
          setState('ended');
          return;
        }
        setState('reconnecting');
        retry++;
        timer = setTimeout(open, Math.min(10_000, 300 * 2 ** Math.min(retry, 5)));
      };
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      ws?.close();
    };
  }, [roomId]);

  return { messages, state };
}

/** "mardi 10 mars à 18:00" ("Tuesday 10 March at 18:00") — never an ISO date in front of people. */
export function formatMoment(iso: string, locale = 'fr'): string {
  return new Intl.DateTimeFormat(intlTag(locale), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso));
}

export function formatTime(iso: string, locale = 'fr'): string {
  return new Intl.DateTimeFormat(intlTag(locale), { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }).format(new Date(iso));
}

/**
 * Quick exit: the tab loads a plain page served outside the app (GET /cuisine), replacing
 * the room in the tab's history, so Back does not come back to it.
 */
export function quickExit(): void {
  location.replace('/cuisine');
}
