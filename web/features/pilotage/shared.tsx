/** Small pieces shared by the pilotage pages. */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError } from '../../app/api';
import { registerMessages, useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import messages from './messages';
import type { ActionStatus, Standing } from './types';
import './pilotage.css';

registerMessages('pilotage', messages);

export const READERS = ['agent', 'coordinator', 'admin'] as const;

export function useCanEdit(): boolean {
  const { user } = useSession();
  return user?.role === 'coordinator' || user?.role === 'admin';
}

/** GET a resource; `reload()` after a change. */
export function useResource<T>(url: string | null) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [n, setN] = useState(0);
  useEffect(() => {
    if (!url) return;
    let live = true;
    api.get<T>(url).then(
      (d) => live && (setData(d), setError(null)),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [url, n]);
  const reload = useCallback(() => setN((x) => x + 1), []);
  return { data, error, reload };
}

export function StatusBadge({ status }: { status: ActionStatus }) {
  const t = useT();
  return <span className="status" data-status={status}>{t(`pilotage.status.${status}`)}</span>;
}

export function StandingText({ standing }: { standing: Standing }) {
  return <span className="standing" data-state={standing.state}>{standing.label}</span>;
}

/** A table that may scroll sideways on a phone: the region takes the keyboard focus. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
