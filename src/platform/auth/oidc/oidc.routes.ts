/**
 * HTTP of sign-in through a provider. The start and the callback are browser navigations
 * (redirects, and a small French page when a callback is refused); the rest is JSON.
 */
import { z } from 'zod';
import type { App } from '../../http/types';
import { cookieSecure } from '../../http/server';
import { fileBody, noContent, timestamp } from '../../response-schemas';
import { ROLES } from '../../roles';
import { clearSession, setSession } from '../auth.routes';
import { randomToken } from '../sessions';
import * as access from './access-requests';
import * as service from './oidc.service';
import { providerConfig, PROVIDER_NAMES } from './providers';
import { PENDING_PAGE, refusalPage, refusalStatus } from './refusals';

/** The browser's sign-in cookie: binds a sign-in under way to the browser that started it. */
export const BROWSER_COOKIE = 'relais_oidc';
const BROWSER_COOKIE_PATH = '/api/auth/oidc';

const providerParam = z.object({ provider: z.enum(PROVIDER_NAMES as [string, ...string[]], { message: 'Service de connexion inconnu.' }) });
/** Per client address: a town hall's agents may all sign in from one address in the morning. */
const SIGN_IN_LIMIT = { max: 600, windowSeconds: 3600 };
const redirectDoc = z.null().meta({ description: 'Redirection (en-tête Location)' });

export default async function oidcRoutes(app: App) {
  app.get(
    '/api/auth/oidc/providers',
    {
      config: { access: 'public' },
      schema: {
        tags: ['compte'],
        summary: 'Les services de connexion proposés (FranceConnect, ProConnect)',
        response: { 200: z.object({ franceconnect: z.boolean(), proconnect: z.boolean() }) },
      },
    },
    async (req) => ({ franceconnect: !!req.ctx.config.oidc.franceconnect, proconnect: !!req.ctx.config.oidc.proconnect }),
  );

  app.get(
    '/api/auth/oidc/:provider/start',
    {
      config: { access: 'public', rateLimit: SIGN_IN_LIMIT },
      schema: {
        tags: ['compte'],
        summary: 'Aller se connecter chez le service (code, PKCE, state, nonce) ; `purpose=link` lie FranceConnect au compte connecté',
        params: providerParam,
        querystring: z.object({ purpose: z.enum(['login', 'link']).default('login'), retour: z.string().max(200).optional() }),
        response: { 302: redirectDoc },
      },
    },
    async (req, reply) => {
      providerConfig(req.ctx.config, req.params.provider);
      // One cookie per browser, kept across sign-ins: two tabs signing in both find theirs.
      const browserToken = req.cookies[BROWSER_COOKIE] ?? randomToken();
      const url = await service.startSignIn(req.ctx, req.params.provider, { purpose: req.query.purpose, returnTo: req.query.retour, browserToken });
      reply.setCookie(BROWSER_COOKIE, browserToken, {
        path: BROWSER_COOKIE_PATH,
        httpOnly: true,
        // Lax: the provider sends the browser back with a top-level GET, which carries it.
        sameSite: 'lax',
        secure: cookieSecure(req.ctx, req.protocol),
        maxAge: 15 * 60,
      });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    '/api/auth/oidc/:provider/callback',
    {
      config: { access: 'public', rateLimit: SIGN_IN_LIMIT },
      schema: {
        tags: ['compte'],
        summary: 'Retour du service de connexion : session ouverte (redirection), demande enregistrée, ou page de refus',
        params: providerParam,
        produces: ['text/html'],
        response: { 302: redirectDoc, 202: fileBody("Page HTML : demande d'accès enregistrée, en attente d'un administrateur") },
      },
    },
    async (req, reply) => {
      const p = providerConfig(req.ctx.config, req.params.provider);
      // The URL the provider answered to (our configured one), with the query it sent.
      const url = new URL(p.redirectUrl);
      url.search = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      const outcome = await service.completeSignIn(req.ctx, p.name, {
        url,
        browserToken: req.cookies[BROWSER_COOKIE],
        sessionToken: req.sessionToken,
      });
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      switch (outcome.kind) {
        case 'session':
          setSession(reply, req, outcome.session);
          return reply.redirect(outcome.redirect, 302);
        case 'linked':
          return reply.redirect(outcome.redirect, 302);
        case 'pending':
          return reply.status(202).type('text/html; charset=utf-8').send(PENDING_PAGE);
        case 'refused':
          return reply
            .status(refusalStatus(outcome.reason) as 202)
            .type('text/html; charset=utf-8')
            .send(refusalPage(outcome.reason));
      }
    },
  );

  app.post(
    '/api/auth/oidc/logout',
    {
      config: { access: 'public' },
      schema: {
        tags: ['compte'],
        summary: 'Se déconnecter de Relais et, pour une session ouverte par un service de connexion, aller se déconnecter chez lui',
        response: { 200: z.object({ ok: z.literal(true), redirectTo: z.string().nullable() }) },
      },
    },
    async (req, reply) => {
      const { redirectTo } = await service.logoutEverywhere(req.ctx, req.sessionToken);
      await clearSession(reply, req);
      return { ok: true as const, redirectTo };
    },
  );

  app.get(
    '/api/account/identities',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['compte'],
        summary: 'Les identités liées au compte (FranceConnect, ProConnect)',
        response: {
          200: z.object({
            linked: z.array(z.object({ provider: z.enum(PROVIDER_NAMES as [string, ...string[]]), linkedAt: timestamp })),
            hasPassword: z.boolean(),
            canLink: z.boolean(),
          }),
        },
      },
    },
    async (req) => service.myIdentities(req.ctx),
  );

  app.delete(
    '/api/account/identities/:provider',
    {
      config: { access: ['parent'] },
      schema: { tags: ['compte'], summary: 'Délier FranceConnect (il faut un mot de passe)', params: providerParam, response: { 204: noContent } },
    },
    async (req, reply) => {
      await service.unlinkIdentity(req.ctx, req.params.provider);
      return reply.status(204).send(null);
    },
  );

  const requestOut = z.object({
    id: z.string().uuid(),
    email: z.string(),
    givenName: z.string().nullable(),
    usualName: z.string().nullable(),
    siret: z.string().nullable(),
    suggestedRole: z.enum(ROLES),
    status: z.enum(['pending', 'approved', 'refused']),
    requestedAt: timestamp,
    decidedAt: timestamp.nullable(),
  });
  const idParam = z.object({ id: z.string().uuid('Identifiant de demande invalide.') });

  app.get(
    '/api/admin/access-requests',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['administration'],
        summary: "Demandes d'accès par ProConnect",
        querystring: z.object({ status: z.enum(['pending', 'approved', 'refused']).optional() }),
        response: { 200: z.object({ requests: z.array(requestOut) }) },
      },
    },
    async (req) => ({ requests: await access.listAccessRequests(req.ctx, req.query.status ?? null) }),
  );

  app.post(
    '/api/admin/access-requests/:id/approve',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['administration'],
        summary: "Accepter une demande d'accès : le compte est créé avec ce rôle (et la structure d'un partenaire)",
        params: idParam,
        body: z.object({
          role: z.enum(['agent', 'partner', 'coordinator'], { message: 'Choisissez un rôle : agent, partenaire ou coordination.' }),
          structureId: z.string().uuid('Structure invalide.').nullable().optional(),
        }),
        response: { 200: z.object({ userId: z.string().uuid() }) },
      },
    },
    async (req) => access.approveAccessRequest(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/admin/access-requests/:id/refuse',
    {
      config: { access: ['admin'] },
      schema: { tags: ['administration'], summary: "Refuser une demande d'accès", params: idParam, response: { 204: noContent } },
    },
    async (req, reply) => {
      await access.refuseAccessRequest(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
