import { z } from 'zod';
import type { App } from '../http/types';
import { ROLES } from '../roles';
import { cookieSecure } from '../http/server';
import { CSRF_COOKIE, SESSION_COOKIE, SESSION_DAYS } from './sessions';
import * as auth from './auth.service';
import { issuePreSessionToken } from './csrf';
import { MIN_PASSWORD_LENGTH } from './password';
import { isSupportedLocale } from '../notify/localized';
import { timestamp } from '../response-schemas';
import { meOut, sessionUserOut } from '../platform.schemas';

export const SIGNUP_MESSAGE =
  "Votre demande est enregistrée. Connectez-vous avec votre identifiant et ce mot de passe. Si un compte existait déjà avec cet identifiant, nous venons d'écrire à son propriétaire.";

const userSchema = sessionUserOut;
const meSchema = meOut;
const okSchema = z.object({ ok: z.literal(true) });

/** The session's cookies, for every way of signing in (password, a provider's callback). */
export function setSession(reply: any, req: any, s: { token: string; csrf: string; expiresAt: Date }) {
  const secure = cookieSecure(req.ctx, req.protocol);
  reply.setCookie(SESSION_COOKIE, s.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: SESSION_DAYS * 86400 });
  reply.setCookie(CSRF_COOKIE, s.csrf, { path: '/', httpOnly: false, sameSite: 'strict', secure, maxAge: SESSION_DAYS * 86400 });
}

/** After a logout: the session's CSRF token dies with it, the page gets a pre-session one at once. */
export async function clearSession(reply: any, req: any) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  const csrf = await issuePreSessionToken(req.ctx.db);
  reply.setCookie(CSRF_COOKIE, csrf, { path: '/', httpOnly: false, sameSite: 'strict', secure: cookieSecure(req.ctx, req.protocol) });
}

export default async function authRoutes(app: App) {
  app.get(
    '/api/auth/me',
    {
      config: { access: 'public' },
      schema: { tags: ['compte'], summary: "L'utilisateur connecté et le jeton CSRF", response: { 200: meSchema } },
    },
    async (req) => ({ user: req.ctx.user, csrfToken: req.cookies[CSRF_COOKIE]! }),
  );

  app.post(
    '/api/auth/signup',
    {
      config: { access: 'public', rateLimit: { max: 20, windowSeconds: 3600 } },
      schema: {
        tags: ['compte'],
        summary: 'Créer un compte parent (e-mail ou téléphone) ; même réponse si le compte existe déjà',
        body: z.object({
          identifier: z.string().min(3).max(200),
          // Checked here too (the service checks it for every caller): an empty password is
          // named with the other fields' errors, not only once they are right.
          password: z.string().min(MIN_PASSWORD_LENGTH, `Au moins ${MIN_PASSWORD_LENGTH} caractères.`).max(200),
          displayName: z.string().trim().min(1).max(100),
        }),
        response: { 201: z.object({ message: z.string() }) },
      },
    },
    async (req, reply) => {
      // The same answer for a new and a taken identifier (the owner of a taken one is told).
      await auth.signup(req.ctx, req.body);
      return reply.status(201).send({ message: SIGNUP_MESSAGE });
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['compte'],
        summary: 'Se connecter',
        body: z.object({ identifier: z.string().min(1).max(200), password: z.string().min(1).max(200) }),
        response: { 200: meSchema },
      },
    },
    async (req, reply) => {
      const { user, session } = await auth.login(req.ctx, req.body);
      setSession(reply, req, session);
      return { user, csrfToken: session.csrf };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'public' },
      schema: { tags: ['compte'], summary: 'Se déconnecter', response: { 200: okSchema } },
    },
    async (req, reply) => {
      await auth.logout(req.ctx, req.sessionToken);
      await clearSession(reply, req);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: { access: 'public', rateLimit: { max: 10, windowSeconds: 3600 } },
      schema: {
        tags: ['compte'],
        summary: 'Recevoir un lien pour choisir un nouveau mot de passe',
        body: z.object({ identifier: z.string().min(3).max(200) }),
        response: { 202: z.object({ message: z.string() }) },
      },
    },
    async (req, reply) => {
      await auth.requestPasswordReset(req.ctx, req.body.identifier);
      return reply.status(202).send({ message: 'Si un compte existe avec cet identifiant, un lien vient de lui être envoyé.' });
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: { access: 'public', rateLimit: { max: 20, windowSeconds: 3600 } },
      schema: {
        tags: ['compte'],
        summary: 'Choisir un nouveau mot de passe avec le lien reçu',
        body: z.object({ token: z.string().min(10).max(200), password: z.string().max(200) }),
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await auth.confirmPasswordReset(req.ctx, req.body.token, req.body.password);
      return { ok: true as const };
    },
  );

  app.patch(
    '/api/account',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['compte'],
        summary: 'Modifier ses préférences (nom, langue, facile à lire)',
        body: z.object({
          displayName: z.string().trim().min(1).max(100).optional(),
          locale: z.string().refine(isSupportedLocale, 'Cette langue n’est pas proposée.').optional(),
          easyRead: z.boolean().optional(),
        }),
        response: { 200: z.object({ user: userSchema }) },
      },
    },
    async (req) => ({ user: await auth.updateAccount(req.ctx, req.body) }),
  );

  app.post(
    '/api/account/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['compte'],
        summary: 'Changer son mot de passe',
        body: z.object({ currentPassword: z.string().max(200), newPassword: z.string().max(200) }),
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await auth.changePassword(req.ctx, req.body.currentPassword, req.body.newPassword, req.sessionToken!);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/admin/users',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['administration'],
        summary: 'Comptes',
        response: { 200: z.object({ users: z.array(userSchema.extend({ createdAt: timestamp, disabledAt: timestamp.nullable() })) }) },
        querystring: z.object({ role: z.enum(ROLES).optional(), limit: z.coerce.number().int().min(1).max(1000).optional() }),
      },
    },
    async (req) => ({ users: await auth.listAccounts(req.ctx, req.query) }),
  );

  app.post(
    '/api/admin/users',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['administration'],
        summary: 'Créer un compte agent, partenaire, coordination ou administration',
        body: z.object({
          identifier: z.string().min(3).max(200),
          password: z.string().max(200),
          displayName: z.string().trim().min(1).max(100),
          role: z.enum(ROLES),
          structureId: z.string().uuid().nullable().optional(),
        }),
        response: { 201: z.object({ user: userSchema }) },
      },
    },
    async (req, reply) => reply.status(201).send({ user: await auth.createAccount(req.ctx, req.body) }),
  );
}
