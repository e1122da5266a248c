/** The month simulated, and for a logged-in parent its household file as answers (and its saved estimate). */
import { useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useSession } from '../../app/session';
import type { PrefillAnswer, SimulationContext } from './types';

export interface SimulatorData {
  loading: boolean;
  context: SimulationContext | null;
  me: PrefillAnswer | null;
  error: unknown;
}

export function useSimulatorData(): SimulatorData {
  const { user, loading: sessionLoading } = useSession();
  const [data, setData] = useState<SimulatorData>({ loading: true, context: null, me: null, error: null });
  useEffect(() => {
    if (sessionLoading) return;
    let live = true;
    const load = async () => {
      try {
        if (user?.role === 'parent') {
          const me = await api.get<PrefillAnswer>('/api/droits/potential/me');
          if (live) setData({ loading: false, context: me.context, me, error: null });
        } else {
          const context = await api.get<SimulationContext>('/api/droits/potential/context');
          if (live) setData({ loading: false, context, me: null, error: null });
        }
      } catch (error) {
        if (live) setData({ loading: false, context: null, me: null, error });
      }
    };
    void load();
    return () => {
      live = false;
    };
  }, [user?.id, user?.role, sessionLoading]);
  return data;
}
