/**
 * The Fastify instance every module is registered on: zod schemas, OpenAPI, one error
 * handler, the session → ctx hook, CSRF, and access declared and enforced per route.
 */
import { tileOrigin } from '../town';
import { webDistOverride } from '../../config';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import websocket from '@fastify/websocket';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { z } from 'zod';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../context';
import { makeCtx } from '../context';
import { AppError } from '../errors';
import { allows } from '../roles';
import { CSRF_COOKIE, hashToken, loadSession, renewSessionCsrf, SESSION_COOKIE } from '../auth/sessions';
import { checkCsrf, issuePreSessionToken, matchesSession, validPreSessionToken } from '../auth/csrf';
import { throttle } from '../throttle';
import { errorBody, handleError, handleFrameworkError } from './error-handler';
import { hostileInputHook } from './hostile-input-hook';
import { registerCompression } from './compression';
import { idempotencyHooks } from './idempotency';
import { registerPwa } from './pwa';
import { frenchIssue } from './zod-fr';
import { encodedPages, routePreloadedHtml } from './route-preload';
import type { App, RouteInfo } from './types';

z.config(z.locales.fr());
z.config({ customError: frenchIssue });

export const WEB_DIST = path.resolve(webDistOverride() ?? path.resolve(import.meta.dirname, '../../../dist/web'));
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The town (name, theme, neighbourhoods) goes into the page itself, so the first paint
 * already shows it: no layout shift when /api/town answers. A JSON script block is data,
 * not code: the CSP (script-src 'self') does not need to allow it.
 */
function withTown(html: string, deps: Deps): string {
  const { geojson: _g, ...town } = deps.town;
  const json = JSON.stringify(town).replace(/</g, '\\u003c');
  const t = town.theme;
  // The phone's bar and the installed app in the town's colour (the manifest says the same).
  return html
    .replace(
      '<html lang="fr" dir="ltr">',
      `<html lang="fr" dir="ltr" style="--color-primary:${t.primary};--color-primary-contrast:${t.primaryContrast};--color-accent:${t.accent};--color-surface:${t.surface}">`,
    )
    .replace('<title>Relais</title>', `<title>Relais – ${town.name}</title>`)
    .replace(/<meta name="theme-color" content="#[0-9a-f]{6}" \/>/i, `<meta name="theme-color" content="${t.primary}" />`)
    .replace('</head>', `<script type="application/json" id="relais-town">${json}</script></head>`);
}

export function cookieSecure(deps: Deps, protocol: string): boolean {
  const s = deps.config.COOKIE_SECURE;
  return s === 'true' || (s === 'auto' && protocol === 'https');
}

export async function createServer(deps: Deps, opts: { logger?: boolean } = {}): Promise<{ app: App; routes: RouteInfo[] }> {
  const routes: RouteInfo[] = [];
  const fastify = Fastify({
    logger:
      opts.logger === false || deps.config.LOG_LEVEL === 'silent'
        ? false
        : {
            level: deps.config.LOG_LEVEL,
            // Never log cookies, tokens or bodies; URLs carry no personal data by design.
            redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
          },
    genReqId: () => crypto.randomUUID(),
    // X-Forwarded-For is believed only from the proxies named in TRUST_PROXY (default none):
    // otherwise any client would choose its own address (per-address limits, audit).
    trustProxy: deps.config.TRUST_PROXY.length ? deps.config.TRUST_PROXY : false,
    bodyLimit: 5 * 1024 * 1024,
    // Our ids are UUIDs: a longer path parameter is refused (414) before any route runs.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // The router's own errors (bad percent-encoding, parameter too long) in our one shape.
    frameworkErrors: handleFrameworkError,
  });
  const app = fastify.withTypeProvider<ZodTypeProvider>() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/') || r.url.startsWith('/api/docs')) return;
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods) {
      if (m === 'HEAD') continue;
      if (!r.config?.access) throw new Error(`route ${m} ${r.url} declares no access (config.access)`);
      routes.push({ method: m, url: r.url, access: r.config.access });
    }
  });

  await app.register(cookie);
  await registerCompression(app);
  // WebSocket routes (`wsHandler`) go through the same hooks: session → ctx, access; 64 kB frames at most.
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Relais API', version: '1', description: "API de Relais : droits, demandes d'aide, dossier unique, annuaire, rendez-vous…" },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  app.decorateRequest('ctx', null as any);
  app.addHook('onRequest', async (req, reply) => {
    let user = null;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const s = await loadSession(deps.db, token, deps.clock.now());
      if (s) {
        user = s.user;
        req.sessionCsrfHash = s.csrfHash;
        req.sessionToken = token;
      } else {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    req.ctx = makeCtx(deps, user, req.id, req.ip);
    // The CSRF cookie, readable by our scripts only (same origin): the session's token,
    // or a signed pre-session one (src/platform/auth/csrf.ts).
    const current = req.cookies[CSRF_COOKIE];
    let issue: string | null = null;
    if (req.sessionCsrfHash) {
      // The page asks who is logged in when it loads: a cookie that is not this
      // session's (lost, or planted by someone else) is replaced there.
      if (req.method === 'GET' && req.url.split('?')[0] === '/api/auth/me' && !matchesSession(current, req.sessionCsrfHash)) {
        issue = await renewSessionCsrf(deps.db, token!);
        req.sessionCsrfHash = hashToken(issue);
      }
    } else if (!current || !(await validPreSessionToken(deps.db, current))) {
      issue = await issuePreSessionToken(deps.db);
    }
    if (issue) {
      req.cookies[CSRF_COOKIE] = issue;
      reply.setCookie(CSRF_COOKIE, issue, { path: '/', sameSite: 'strict', httpOnly: false, secure: cookieSecure(deps, req.protocol) });
    }
  });

  app.addHook('preValidation', async (req) => {
    const cfg = req.routeOptions.config;
    if (!req.url.startsWith('/api/')) return;
    if (MUTATING.has(req.method) && !cfg.csrfExempt) {
      // A request carrying our cookies must prove it comes from our pages. One carrying
      // none (an API client) has no ambient authority to abuse.
      const hasCookies = Boolean(req.cookies[SESSION_COOKIE] || req.headers.cookie?.includes(`${CSRF_COOKIE}=`));
      // Without a session, a route that needs one answers 401 (the page then logs in again).
      const anonymousOnPrivate = !req.ctx.user && cfg.access && cfg.access !== 'public';
      if (hasCookies && !anonymousOnPrivate) {
        const header = req.headers['x-csrf-token'];
        const cookie = req.headers.cookie?.match(new RegExp(`(?:^|;\\s*)${CSRF_COOKIE}=([^;]+)`))?.[1];
        const ok = await checkCsrf(deps.db, {
          header: typeof header === 'string' ? header : undefined,
          cookie,
          sessionCsrfHash: req.sessionCsrfHash ?? null,
        });
        if (!ok) throw new AppError('http/csrf');
      }
    }
    const access = cfg.access;
    if (access && !allows(access, req.ctx.user)) {
      throw new AppError(req.ctx.user ? 'auth/forbidden' : 'auth/required');
    }
    if (cfg.rateLimit) {
      await throttle(deps.db, `${req.method} ${req.routeOptions.url}`, req.ip, cfg.rateLimit, deps.clock.now());
    }
  });

  // After access and CSRF: NUL characters, lone surrogates, overlong strings, deep JSON.
  app.addHook('preValidation', hostileInputHook);

  // A change sent again with the same Idempotency-Key (the phone's offline queue) is answered once.
  const idempotency = idempotencyHooks(deps);
  app.addHook('preValidation', idempotency.preValidation);
  app.addHook('onSend', idempotency.onSend);

  // The installable app: its manifest and icons in the town's colours (the service worker is a built file).
  registerPwa(app, deps);

  // The built web app, with the SPA fallback for its client-side routes. The hashed assets are
  // served by one wildcard route (`GET /assets/*`, the file's .br/.gz beside it first): no route
  // per built file to register at every start (half a second for a few hundred files, issue 20);
  // the few top files (index.html, sw.js, robots.txt, the town's images) keep a route each, so
  // that no wildcard at the root catches what the router refuses (an overlong /api/ parameter:
  // 414). A path that is no file goes on to the not-found handler below.
  const hasWeb = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) {
    const common = {
      index: false as const,
      preCompressed: true,
      // Our own header: send's (max-age + immutable on every file) came after setHeaders and
      // gave sw.js and the top files a year too — only hashed assets are immutable.
      cacheControl: false,
      setHeaders: (res: { setHeader(name: string, value: string): unknown }, file: string) => {
        const asset = file.includes(`${path.sep}assets${path.sep}`);
        res.setHeader('cache-control', asset ? 'public, max-age=31536000, immutable' : 'no-cache');
        if (path.basename(file).startsWith('sw.js')) res.setHeader('service-worker-allowed', '/');
      },
    };
    await app.register(fastifyStatic, { ...common, root: WEB_DIST, wildcard: false, globIgnore: ['assets/**'] });
    if (fs.existsSync(path.join(WEB_DIST, 'assets'))) {
      await app.register(fastifyStatic, {
        ...common,
        root: path.join(WEB_DIST, 'assets'),
        prefix: '/assets/',
        wildcard: true,
        decorateReply: false,
        // A folder is no file: the not-found handler answers with the page.
        allowedPath: (pathname: string) => !pathname.endsWith('/'),
      });
    }
  }
  const indexHtml = hasWeb ? withTown(fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8'), deps) : null;
  const pageHtml = indexHtml ? routePreloadedHtml(WEB_DIST, indexHtml) : null;
  const encodedPage = encodedPages();
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !indexHtml) {
      return reply.status(404).send(errorBody('http/not-found', "Cette page ou cette ressource n'existe pas."));
    }
    // Static files first; otherwise a client-side route of the web app.
    let rel: string;
    try {
      rel = decodeURIComponent(req.url.split('?')[0]).replace(/^\/+/, '');
    } catch {
      return reply.status(400).send(errorBody('http/bad-url', "L'adresse demandée est mal formée."));
    }
    if (rel && !rel.includes('..') && fs.existsSync(path.join(WEB_DIST, rel)) && fs.statSync(path.join(WEB_DIST, rel)).isFile()) {
      return reply.sendFile(rel);
    }
    const { body, encoding } = encodedPage(pageHtml!(`/${rel}`), req.headers['accept-encoding']);
    if (encoding) reply.header('content-encoding', encoding);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('vary', 'accept-encoding').send(body);
  });

  // The town's map tiles, if configured, are the only images from elsewhere.
  const tiles = tileOrigin(deps.town);
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html') && !req.url.startsWith('/api/docs')) {
      reply.header(
        'content-security-policy',
        `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:${tiles ? ` ${tiles}` : ''}; connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'`,
      );
    }
    // Nothing the API answers belongs in a search engine (discussion rooms, files, accounts).
    if (req.url.startsWith('/api/')) reply.header('x-robots-tag', 'noindex, nofollow');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    return payload;
  });

  return { app, routes };
}
