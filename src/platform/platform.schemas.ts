/** zod schemas of the platform routes' answers (town, audit, outbox, OpenAPI): see response-schemas.ts. */
import { z } from 'zod';
import { timestamp } from './response-schemas';
import { ROLES } from './roles';

/** Who is signed in (`req.ctx.user`, GET /api/auth/me): the server's and the web app's one shape. */
export const sessionUserOut = z.object({
  id: z.string().uuid(),
  role: z.enum(ROLES),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  structureId: z.string().nullable(),
  /** A language tag users.locale accepts (fr, en, ar, or one a town added: the web then shows French). */
  locale: z.string(),
  easyRead: z.boolean(),
  isDemo: z.boolean(),
});
export const meOut = z.object({ user: sessionUserOut.nullable(), csrfToken: z.string() });

const latLon = z.tuple([z.number(), z.number()]);

/** The town as the pages read it (its GeoJSON file's path stays on the server). */
export const townOut = z.object({
  id: z.string(),
  name: z.string(),
  longName: z.string(),
  ccasName: z.string(),
  inseeCode: z.string(),
  postalCodes: z.array(z.string()),
  department: z.string(),
  center: latLon,
  logo: z.string().optional(),
  theme: z.object({ primary: z.string(), primaryContrast: z.string(), accent: z.string(), surface: z.string() }),
  contact: z.object({ phone: z.string(), address: z.string() }),
  neighbourhoods: z.array(z.object({ id: z.string(), name: z.string(), center: latLon })),
  map: z.object({ tiles: z.object({ url: z.string(), attribution: z.string(), maxZoom: z.number().optional() }).optional() }).optional(),
});

/** The neighbourhoods' outlines: the town's GeoJSON file as it is (a standard format, its members kept). */
export const geojsonOut = z.looseObject({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.looseObject({
      type: z.literal('Feature'),
      properties: z.record(z.string(), z.unknown()).nullable(),
      geometry: z.looseObject({ type: z.string() }).nullable(),
    }),
  ),
});

export const auditOut = z.object({
  entries: z.array(
    z.object({
      id: z.number(),
      at: timestamp,
      actorId: z.string().nullable(),
      actorRole: z.string().nullable(),
      actorName: z.string().nullable(),
      action: z.string(),
      householdId: z.string().nullable(),
      subjectType: z.string().nullable(),
      subjectId: z.string().nullable(),
      reason: z.string().nullable(),
      details: z.record(z.string(), z.unknown()).meta({ description: 'Détails sans donnée personnelle' }),
    }),
  ),
});

export const outboxOut = z.object({
  messages: z.array(
    z.object({
      id: z.string(),
      channel: z.enum(['email', 'sms']),
      recipient: z.string(),
      template: z.string(),
      subject: z.string().nullable(),
      body: z.string(),
      status: z.string(),
      attempts: z.number(),
      lastError: z.string().nullable(),
      transport: z.string().nullable(),
      createdAt: timestamp,
      sentAt: timestamp.nullable(),
    }),
  ),
});

/** This API's own description (OpenAPI 3). */
export const openapiOut = z.looseObject({
  openapi: z.string().optional(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()).optional(),
});

export type SessionUser = z.infer<typeof sessionUserOut>;
export type { Role } from './roles';
export type TownOut = z.infer<typeof townOut>;
export type AuditEntry = z.infer<typeof auditOut>['entries'][number];
export type OutboxMessage = z.infer<typeof outboxOut>['messages'][number];
