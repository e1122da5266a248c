/**
 * The one way our pages read from the API: `useApi(url)` fetches, re-fetches when the URL
 * changes or after `reload()`, ignores answers that arrive after the page moved on, and
 * gives loading and error states that `<Loaded>` (web/ui/Loaded.tsx) shows the same way
 * on every page. A `null` URL fetches nothing (e.g. until an id is known).
 */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './api';

export interface ApiResource<T> {
  /** The last answer (kept while reloading, so a page does not flicker). */
  data: T | null;
  /** The error of the last attempt, as an ApiError with a French message. */
  error: ApiError | null;
  /** True while the answer for the current URL is awaited (with `keepPrevious`, the last data stays meanwhile). */
  loading: boolean;
  /** Fetch again (after a change the page made). Resolves when the answer is in. */
  reload: () => void;
  /** Replace the data locally (e.g. with what a POST returned). */
  setData: (d: T | null) => void;
}

export function toApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'unknown', 'Une erreur est survenue.');
}

export function useApi<T>(url: string | null, opts: { keepPrevious?: boolean } = {}): ApiResource<T> {
  const [state, setState] = useState<{ url: string | null; data: T | null; error: ApiError | null; loading: boolean }>({
    url,
    data: null,
    error: null,
    loading: url !== null,
  });
  const [generation, setGeneration] = useState(0);
  const keepPrevious = opts.keepPrevious ?? false;
  useEffect(() => {
    if (url === null) {
      setState({ url, data: null, error: null, loading: false });
      return;
    }
    let live = true;
    setState((s) =>
      s.url === url ? { ...s, loading: s.data === null, error: null } : { url, data: keepPrevious ? s.data : null, error: null, loading: true },
    );
    api.get<T>(url).then(
      (data) => live && setState({ url, data, error: null, loading: false }),
      (e) => live && setState((s) => ({ ...s, url, error: toApiError(e), loading: false })),
    );
    return () => {
      live = false;
    };
  }, [url, generation, keepPrevious]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  // Forms queued without network have just reached the server (pwa.tsx): what the page shows may have changed.
  useEffect(() => {
    window.addEventListener('relais-outbox-sent', reload);
    return () => window.removeEventListener('relais-outbox-sent', reload);
  }, [reload]);
  const setData = useCallback((data: T | null) => setState((s) => ({ ...s, data, error: null, loading: false })), []);
  const stale = state.url !== url; // first render after a URL change
  return {
    data: stale && !keepPrevious ? null : state.data,
    error: stale ? null : state.error,
    loading: stale ? url !== null : state.loading,
    reload,
    setData,
  };
}
