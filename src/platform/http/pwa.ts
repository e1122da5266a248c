/**
 * The installable app (issue 19): the web app manifest and its icons, per town (name,
 * colours from TOWN_CONFIG), served by the server because the town is chosen at start,
 * not at build. The service worker itself is a built file (web/sw/, dist/web/sw.js).
 */
import type { Deps } from '../context';
import { appIconPng } from './app-icon';
import { errorBody } from './error-handler';
import type { App } from './types';

export const ICON_SIZES = [192, 512] as const;

export function webManifest(town: Deps['town']) {
  const icons = ICON_SIZES.flatMap((s) => [
    { src: `/pwa/icon-${s}.png`, sizes: `${s}x${s}`, type: 'image/png', purpose: 'any' },
    { src: `/pwa/maskable-${s}.png`, sizes: `${s}x${s}`, type: 'image/png', purpose: 'maskable' },
  ]);
  return {
    id: '/',
    name: `Relais ${town.name}`,
    short_name: 'Relais',
    description: `Vos droits, les services près de chez vous, l'entraide entre parents solos — ${town.longName}.`,
    lang: 'fr',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: town.theme.surface,
    theme_color: town.theme.primary,
    icons,
  };
}

export function registerPwa(app: App, deps: Deps): void {
  const manifest = JSON.stringify(webManifest(deps.town));
  // Drawn once per size and kind, on first request (a few hundred milliseconds for 512 px).
  const icons = new Map<string, Buffer>();
  app.get('/manifest.webmanifest', async (_req, reply) =>
    reply.type('application/manifest+json; charset=utf-8').header('cache-control', 'no-cache').send(manifest),
  );
  app.get<{ Params: { kind: string; size: string } }>('/pwa/:kind-:size.png', async (req, reply) => {
    const { kind, size } = req.params;
    const px = Number(size);
    if ((kind !== 'icon' && kind !== 'maskable') || !ICON_SIZES.includes(px as (typeof ICON_SIZES)[number])) {
      return reply.status(404).send(errorBody('http/not-found', "Cette page ou cette ressource n'existe pas."));
    }
    const name = `${kind}-${px}`;
    let png = icons.get(name);
    if (!png) {
      png = appIconPng(px, deps.town.theme, kind === 'maskable');
      icons.set(name, png);
    }
    return reply.type('image/png').header('cache-control', 'public, max-age=86400').send(png);
  });
}
