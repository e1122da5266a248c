/** Who is logged in, shared by every page. */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from './api';
import type { SessionUser } from '../../src/platform/platform.schemas';
import { useI18n } from './i18n';

/** The signed-in user as GET /api/auth/me answers it (its response schema's type). */
export type User = SessionUser;

interface SessionState {
  user: User | null;
  loading: boolean;
  refresh(): Promise<void>;
  setUser(u: User | null): void;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState>({ user: null, loading: true, refresh: async () => {}, setUser: () => {}, logout: async () => {} });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);
  const { setLocale, setEasyRead } = useI18n();
  const refresh = useCallback(async () => {
    try {
      const me = await api.get<{ user: User | null }>('/api/auth/me');
      setUser(me.user);
    } catch {
      setUser(null);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const apply = useCallback(
    (u: User | null) => {
      setUser(u);
      if (u) {
        setLocale(u.locale);
        setEasyRead(u.easyRead);
      }
    },
    [setLocale, setEasyRead],
  );
  const logout = useCallback(async () => {
    // A session opened by FranceConnect or ProConnect is ended there too (the provider sends the browser back).
    const res = await api.post<{ redirectTo: string | null }>('/api/auth/oidc/logout');
    setUser(null);
    if (res.redirectTo) {
      window.location.assign(res.redirectTo);
      // The page is leaving for the provider: whoever awaits must not navigate elsewhere meanwhile.
      await new Promise<never>(() => {});
    }
  }, []);
  return <SessionContext.Provider value={{ user, loading, refresh, setUser: apply, logout }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  return useContext(SessionContext);
}
