import { describe, expect, it } from 'vitest';
import { afterSession, cacheNames, FAMILY_CACHE, obsoleteCaches, shellFiles, strategyFor } from './pwa-policy';

const O = 'https://relais.example';
const get = (path: string, mode?: string) => ({ method: 'GET', url: `${O}${path}`, mode });

describe('what the service worker does with each request', () => {
  it('keeps the family’s own data (pass, bookings, estimate), and only those of the API', () => {
    expect(strategyFor(get('/api/cheques/me/pass'), O)).toBe('family');
    expect(strategyFor(get('/api/cheques/me'), O)).toBe('family');
    expect(strategyFor(get('/api/rendezvous/mine'), O)).toBe('family');
    expect(strategyFor(get('/api/droits/potential/me'), O)).toBe('family');
    expect(strategyFor(get('/api/auth/me'), O)).toBe('session');
    // Staff views, another family's, lists with a query: never kept.
    expect(strategyFor(get('/api/cheques/households/123/pass'), O)).toBe('network');
    expect(strategyFor(get('/api/rendezvous/agenda?days=7'), O)).toBe('network');
    expect(strategyFor(get('/api/rendezvous/mine?x=1'), O)).toBe('network');
    expect(strategyFor(get('/api/dossiers/households/1'), O)).toBe('network');
  });

  it('keeps what the family’s form pages read, with their query, so that a form seen before opens offline', () => {
    for (const p of [
      '/api/dossiers/me',
      '/api/dossiers/fields',
      '/api/dossiers/me/renewal',
      '/api/dossiers/me/orientation-requests',
      '/api/diagnostic/listening/invitations/mine',
      '/api/dossiers/me/brouillons/remplir',
      '/api/entraide/board/etouvie',
      '/api/entraide/conversations/abc-1',
      '/api/entraide/meetings',
      '/api/pilotage/ideas/plans',
      '/api/pilotage/ideas?planId=p1&sort=supports&v=0',
      '/api/pilotage/ideas/mine?v=0',
      '/api/groupes/sessions',
      '/api/aides/me/formulaire/fonds-educatif?residenceMonths=12',
      '/api/aides/demandes/3f1c2d4e-0000-4000-8000-000000000001',
      '/api/dossiers/me/consents',
    ])
      expect(strategyFor(get(p), O), p).toBe('family');
    // Staff's lists and another family's file stay out; the town is everyone's, refreshed online.
    for (const p of [
      '/api/dossiers/households/1',
      '/api/entraide/reports',
      '/api/entraide/tutoring/queue',
      '/api/pilotage/ideas/1/support',
      '/api/dossiers/me/documents/1/file',
      '/api/aides/demandes/3f1c2d4e-0000-4000-8000-000000000001/documents/2',
    ])
      expect(strategyFor(get(p), O), p).toBe('network');
    expect(strategyFor(get('/api/town'), O)).toBe('static');
  });

  it('never touches a change, another origin, the worker itself or an API navigation', () => {
    expect(strategyFor({ method: 'POST', url: `${O}/api/rendezvous/bookings/1/cancel` }, O)).toBe('network');
    expect(strategyFor({ method: 'GET', url: 'https://tiles.example/1/2/3.png' }, O)).toBe('network');
    expect(strategyFor(get('/sw.js'), O)).toBe('network');
    expect(strategyFor(get('/api/cheques/me/card.pdf', 'navigate'), O)).toBe('network');
  });

  it('serves pages network-first, hashed files from the cache, the town’s files refreshed online', () => {
    expect(strategyFor(get('/cheques/famille', 'navigate'), O)).toBe('navigate');
    expect(strategyFor(get('/assets/index-abc123.js'), O)).toBe('asset');
    expect(strategyFor(get('/town/favicon.svg'), O)).toBe('static');
    expect(strategyFor(get('/manifest.webmanifest'), O)).toBe('static');
    expect(strategyFor(get('/pwa/icon-192.png'), O)).toBe('static');
  });
});

describe('whose data the phone keeps', () => {
  const parent = (id: string) => ({ user: { id, role: 'parent' } });
  it('keeps a parent’s, and forgets it when the parent signs out', () => {
    expect(afterSession(null, parent('a'))).toEqual({ owner: 'a', clear: false, keep: true });
    expect(afterSession('a', parent('a'))).toEqual({ owner: 'a', clear: false, keep: true });
    expect(afterSession('a', { user: null })).toEqual({ owner: null, clear: true, keep: false });
  });
  it('forgets the previous family when another signs in on the same phone', () => {
    expect(afterSession('a', parent('b'))).toEqual({ owner: 'b', clear: true, keep: true });
  });
  it('keeps nothing for staff, and clears what a family left before an agent signed in', () => {
    expect(afterSession(null, { user: { id: 's', role: 'agent' } })).toEqual({ owner: null, clear: true, keep: false });
    expect(afterSession('a', { user: { id: 's', role: 'coordinator' } })).toMatchObject({ clear: true, keep: false });
    expect(afterSession(null, null)).toEqual({ owner: null, clear: false, keep: false });
  });
});

describe('versions', () => {
  it('deletes the caches of older versions, keeps the current one’s and the family’s, leaves others alone', () => {
    const mine = Object.values(cacheNames('v2'));
    expect(obsoleteCaches([...mine, 'relais-shell-v1', 'relais-assets-v1', 'relais-pages-v1', 'other-app'], 'v2')).toEqual([
      'relais-shell-v1',
      'relais-assets-v1',
      'relais-pages-v1',
    ]);
    expect(mine).toContain(FAMILY_CACHE);
  });
});

describe('the app shell read from the vite manifest', () => {
  it('takes the entry, its imports and styles, and the chunks of the pages that open offline', () => {
    const manifest = {
      'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_api.js'], css: ['assets/index-1.css'] },
      '_api.js': { file: 'assets/api-2.js' },
      'features/cheques/ChequesPage.tsx': {
        file: 'assets/ChequesPage-3.js',
        isDynamicEntry: true,
        imports: ['_api.js', '_Qr.js'],
        css: ['assets/ChequesPage-3.css'],
      },
      '_Qr.js': { file: 'assets/Qr-4.js' },
      'features/annuaire/AnnuairePage.tsx': { file: 'assets/AnnuairePage-5.js', isDynamicEntry: true },
    };
    expect(shellFiles(manifest, ['features/cheques/ChequesPage.tsx'])).toEqual([
      '/',
      '/assets/ChequesPage-3.css',
      '/assets/ChequesPage-3.js',
      '/assets/Qr-4.js',
      '/assets/api-2.js',
      '/assets/index-1.css',
      '/assets/index-1.js',
    ]);
  });
});
