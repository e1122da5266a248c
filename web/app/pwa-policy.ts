/**
 * What the service worker (web/app/sw.ts) does with each request, and when it forgets the
 * family's data: pure functions, tested in pwa-policy.test.ts.
 *
 * - the app's hashed files: from the cache, else the network (then kept);
 * - a page (navigation): the network first, else the page as last seen, else the app shell;
 * - the signed-in family's own data that must open without network (its pass, its next
 *   bookings, its saved estimate, who is signed in) and what its form pages read (so that a
 *   form seen before opens offline, docs/pwa.md): the network first, else the last answer —
 *   kept only for a parent, dropped at sign-out or when someone else signs in;
 * - the town (its name, theme and neighbourhoods, the same for everyone): refreshed online;
 * - everything else (other API calls, every change): the network only. Staff answers are
 *   never kept.
 */

/** Caches of one version of the app; the family's cache outlives versions (its data is refreshed online). */
export function cacheNames(version: string) {
  return {
    shell: `relais-shell-${version}`,
    assets: `relais-assets-${version}`,
    pages: `relais-pages-${version}`,
    family: FAMILY_CACHE,
  };
}
export const FAMILY_CACHE = 'relais-family-v1';

/** The caches an activated version keeps: its own and the family's; any other `relais-…` cache is an old version's. */
export function obsoleteCaches(existing: string[], version: string): string[] {
  const keep = new Set(Object.values(cacheNames(version)));
  return existing.filter((n) => n.startsWith('relais-') && !keep.has(n));
}

/** The family's data kept for offline use (GET, exact path, no query). */
export const FAMILY_PATHS = new Set([
  '/api/cheques/me/pass', // the Pass Famille Solo card
  '/api/cheques/me', // its chèques balances
  '/api/rendezvous/mine', // its next bookings
  '/api/droits/potential/me', // its saved estimate (and its file as the simulator's answers)
]);
/**
 * What the family's form pages read (issue 19, docs/pwa.md), kept like its own data so that a
 * form page the family saw opens offline as it was: the address with its query is the key.
 */
export const FORM_READS: RegExp[] = [
  /^\/api\/dossiers\/(me|fields|me\/renewal|me\/orientation-requests|me\/consents|me\/brouillons\/[\w-]+)$/, // the household file, its renewal, its orientations to answer, its consents, its drafts
  /^\/api\/entraide\/(board\/[\w-]+|conversations|conversations\/[\w-]+|meetings|tutoring|rides|rides\/sources|loans\/mine|items)$/,
  /^\/api\/pilotage\/ideas(\/plans|\/mine)?$/, // « Vos idées »
  /^\/api\/diagnostic\/listening\/invitations\/mine$/,
  /^\/api\/groupes\/(rooms|sessions)$/,
  /^\/api\/aides\/me\/formulaire\/[\w-]+$/, // the form of an aid
  /^\/api\/aides\/demandes\/[\w-]+$/, // one of the family's requests (an agent's question to answer)
];
export const SESSION_PATH = '/api/auth/me';
/** Where the service worker notes whose data the family cache holds. */
export const OWNER_KEY = '/__relais/owner';

export type Strategy = 'network' | 'asset' | 'static' | 'navigate' | 'family' | 'session';

export function strategyFor(req: { method: string; url: string; mode?: string }, origin: string): Strategy {
  if (req.method !== 'GET') return 'network';
  const u = new URL(req.url);
  if (u.origin !== origin) return 'network';
  if (req.mode === 'navigate') return u.pathname.startsWith('/api/') ? 'network' : 'navigate';
  const p = u.pathname;
  if (p === '/sw.js') return 'network';
  if (p.startsWith('/assets/')) return 'asset';
  if (p === SESSION_PATH) return 'session';
  if (FAMILY_PATHS.has(p) && !u.search) return 'family';
  if (FORM_READS.some((r) => r.test(p))) return 'family';
  if (p === '/api/town') return 'static'; // the town's name, theme and neighbourhoods (the forms' lists)
  if (p.startsWith('/api/')) return 'network';
  // The town's logo and favicon, the manifest and its icons: not hashed, refreshed when online.
  if (p.startsWith('/town/') || p.startsWith('/pwa/') || p === '/manifest.webmanifest') return 'static';
  return 'network';
}

export interface SessionAnswer {
  user: { id: string; role: string } | null;
}

/**
 * What an answer of /api/auth/me means for the family cache: who now owns it (a parent, or
 * nobody), whether what it holds must go (signed out, someone else, or staff), and whether
 * this answer itself may be kept (a parent's only).
 */
export function afterSession(previousOwner: string | null, me: SessionAnswer | null): { owner: string | null; clear: boolean; keep: boolean } {
  const user = me?.user ?? null;
  if (!user || user.role !== 'parent') return { owner: null, clear: previousOwner !== null || user !== null, keep: false };
  return { owner: user.id, clear: previousOwner !== null && previousOwner !== user.id, keep: true };
}

/** The app shell's files to fetch at install: the page and the files its first paint needs, plus the pages that must open offline. */
export interface ViteManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** The pages the family opens offline (their source files): their chunks are precached with the shell. */
export const OFFLINE_PAGES = ['features/cheques/ChequesPage.tsx', 'features/rendezvous/MyBookingsPage.tsx', 'features/droits/PotentialPage.tsx'];

export function shellFiles(manifest: Record<string, ViteManifestChunk>, pages: string[] = OFFLINE_PAGES): string[] {
  const out = new Set<string>(['/']);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const c = manifest[key];
    if (!c) return;
    out.add(`/${c.file}`);
    for (const css of c.css ?? []) out.add(`/${css}`);
    for (const i of c.imports ?? []) visit(i);
  };
  for (const [key, c] of Object.entries(manifest)) if (c.isEntry) visit(key);
  for (const page of pages) {
    const key = Object.keys(manifest).find((k) => k.endsWith(page));
    if (key) visit(key);
  }
  return [...out].sort();
}
