/** A small router of our own: history API, lazy pages, focus moved to the page title. */
import {
  createContext,
  lazy,
  Suspense,
  useContext,
  useEffect,
  useMemo,
  useSyncExternalStore,
  type ComponentType,
  type ReactNode,
  type MouseEvent,
  type LazyExoticComponent,
} from 'react';
import { routes, type RouteDef } from './routes';
import { cataloguesReady } from './i18n';

interface Location {
  path: string;
  search: URLSearchParams;
}

const ParamsContext = createContext<Record<string, string>>({});

/** The location as one store for the whole page: the menu outside the router sees it too. */
let snapshot: Location = read();
function read(): Location {
  return { path: window.location.pathname, search: new URLSearchParams(window.location.search) };
}
function subscribe(onChange: () => void): () => void {
  const on = () => {
    const next = read();
    if (next.path !== snapshot.path || next.search.toString() !== snapshot.search.toString()) snapshot = next;
    onChange();
  };
  window.addEventListener('popstate', on);
  window.addEventListener('relais:navigate', on);
  return () => {
    window.removeEventListener('popstate', on);
    window.removeEventListener('relais:navigate', on);
  };
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event('relais:navigate'));
}

export function useLocation(): Location {
  return useSyncExternalStore(subscribe, () => snapshot);
}

function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}

const lazyCache = new Map<RouteDef, LazyExoticComponent<ComponentType>>();
function pageOf(r: RouteDef): ComponentType {
  if (r.component) return r.component;
  let c = lazyCache.get(r);
  if (!c) {
    // The page shows once its words in the reader's language have arrived too (its module asks for them).
    c = lazy(() => r.load!().then((m) => cataloguesReady().then(() => m)));
    lazyCache.set(r, c);
  }
  return c;
}

export function Router({ fallback, notFound }: { fallback: ReactNode; notFound: ComponentType }) {
  const location = useLocation();
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location.path]);
  const found = useMemo(() => {
    for (const r of routes) {
      const params = match(r.path, location.path);
      if (params) return { r, params };
    }
    return null;
  }, [location.path]);
  const Page = found ? pageOf(found.r) : notFound;
  return (
    <ParamsContext.Provider value={found?.params ?? {}}>
      <Suspense fallback={fallback}>
        <Page key={location.path} />
      </Suspense>
    </ParamsContext.Provider>
  );
}

export function useParams(): Record<string, string> {
  return useContext(ParamsContext);
}

/** An internal link: client-side navigation, a real <a href> for everything else. */
export function Link({
  to,
  children,
  className,
  ...rest
}: { to: string; children: ReactNode; className?: string } & Omit<React.AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    rest.onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  const path = useLocation().path;
  const active = path === to;
  return (
    <a href={to} className={className} aria-current={active ? 'page' : undefined} {...rest} onClick={onClick}>
      {children}
    </a>
  );
}

/** Sets the document title and moves focus to the page's h1 after navigation. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Relais`;
    const h1 = document.querySelector<HTMLElement>('main h1');
    if (h1) {
      h1.setAttribute('tabindex', '-1');
      h1.focus({ preventScroll: true });
    }
  }, [title]);
}
