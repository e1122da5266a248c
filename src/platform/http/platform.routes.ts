import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { App } from './types';
import { listAudit } from '../audit';
import { listOutbox } from '../notify/outbox';
import { requireRole } from '../roles';
import { auditOut, geojsonOut, openapiOut, outboxOut, townOut } from '../platform.schemas';

export default async function platformRoutes(app: App) {
  const healthSchema = z.object({
    status: z.enum(['ok', 'degraded']),
    database: z.object({ available: z.boolean(), engine: z.string().nullable(), mode: z.enum(['embedded', 'external']), migration: z.string().nullable() }),
    queue: z.object({ started: z.boolean(), workers: z.boolean() }),
  });
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['plateforme'],
        summary: 'État du service : base de données, migration, file de tâches',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (req, reply) => {
      const { db, jobs, dbMode } = req.ctx;
      const queue = { started: jobs.started, workers: jobs.workersRunning };
      try {
        const r = await db.query<{ v: string; m: string | null }>(`SELECT version() AS v, (SELECT max(version || '_' || name) FROM schema_migrations) AS m`);
        const engine = r.rows[0].v.split(' on ')[0];
        return {
          status: jobs.started ? ('ok' as const) : ('degraded' as const),
          database: { available: true, engine, mode: dbMode, migration: r.rows[0].m },
          queue,
        };
      } catch {
        // The database is away (restarting after a crash): say so, with a status a supervisor reads.
        return reply.status(503).send({ status: 'degraded' as const, database: { available: false, engine: null, mode: dbMode, migration: null }, queue });
      }
    },
  );

  app.get(
    '/api/town',
    {
      config: { access: 'public' },
      schema: { tags: ['plateforme'], summary: 'La ville : nom, thème, quartiers', response: { 200: townOut } },
    },
    async (req) => {
      const { geojson: _g, ...town } = req.ctx.town;
      return town;
    },
  );

  app.get(
    '/api/town/neighbourhoods.geojson',
    {
      config: { access: 'public' },
      schema: { tags: ['plateforme'], summary: 'Contours des quartiers (GeoJSON)', response: { 200: geojsonOut } },
    },
    async (req, reply) => {
      const file = req.ctx.town.geojson;
      if (!file || !fs.existsSync(path.resolve(file))) {
        return { type: 'FeatureCollection', features: [] };
      }
      reply.header('cache-control', 'public, max-age=3600');
      return JSON.parse(fs.readFileSync(path.resolve(file), 'utf8'));
    },
  );

  app.get(
    '/api/audit',
    {
      config: { access: ['coordinator', 'admin'] },
      schema: {
        tags: ['plateforme'],
        summary: "Journal d'audit (lecture seule)",
        response: { 200: auditOut },
        querystring: z.object({
          householdId: z.string().uuid().optional(),
          actorId: z.string().uuid().optional(),
          action: z.string().max(100).optional(),
          before: z.coerce.number().int().optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
      },
    },
    async (req) => {
      requireRole(req.ctx, 'coordinator', 'admin');
      return { entries: await listAudit(req.ctx.db, req.query) };
    },
  );

  app.get(
    '/api/admin/outbox',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['administration'],
        summary: 'Messages envoyés ou en attente (e-mail, SMS)',
        response: { 200: outboxOut },
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).optional() }),
      },
    },
    async (req) => ({ messages: await listOutbox(req.ctx.db, req.query.limit) }),
  );

  app.get(
    '/api/openapi.json',
    {
      config: { access: 'public' },
      schema: { hide: true, response: { 200: openapiOut } },
    },
    async () => app.swagger() as unknown as z.input<typeof openapiOut>,
  );
}
