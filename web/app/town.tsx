/** The town's identity and theme, from /api/town. */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from './api';

export interface Town {
  id: string;
  name: string;
  longName: string;
  ccasName: string;
  logo?: string;
  theme: { primary: string; primaryContrast: string; accent: string; surface: string };
  contact: { phone: string; address: string };
  neighbourhoods: { id: string; name: string; center: [number, number] }[];
  center: [number, number];
  /** The base map's tiles (XYZ or WMTS URL template and its attribution), when the town has them. */
  map?: { tiles?: { url: string; attribution: string; maxZoom?: number } };
}

const fallback: Town = {
  id: '',
  name: '',
  longName: '',
  ccasName: 'CCAS',
  theme: { primary: '#1d4f91', primaryContrast: '#ffffff', accent: '#b8336a', surface: '#f6f7fb' },
  contact: { phone: '', address: '' },
  neighbourhoods: [],
  center: [46.6, 2.4],
};

const TownContext = createContext<Town>(fallback);

/** The server writes the town into the page (no round trip before the first paint). */
function embedded(): Town | null {
  try {
    const el = document.getElementById('relais-town');
    return el?.textContent ? (JSON.parse(el.textContent) as Town) : null;
  } catch {
    return null;
  }
}

export function TownProvider({ children }: { children: ReactNode }) {
  const [town, setTown] = useState<Town>(() => embedded() ?? fallback);
  useEffect(() => {
    if (embedded()) return;
    api.get<Town>('/api/town').then(
      (t) => {
        setTown(t);
        const s = document.documentElement.style;
        s.setProperty('--color-primary', t.theme.primary);
        s.setProperty('--color-primary-contrast', t.theme.primaryContrast);
        s.setProperty('--color-accent', t.theme.accent);
        s.setProperty('--color-surface', t.theme.surface);
      },
      () => {},
    );
  }, []);
  return <TownContext.Provider value={town}>{children}</TownContext.Provider>;
}

export function useTown(): Town {
  return useContext(TownContext);
}
