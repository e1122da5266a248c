/**
 * HTTP: POST /api/droits/simulations (one household or an array, public, nothing stored)
 * and GET /api/droits/benefits (the catalogue, public). Bad input answers 422 with the
 * fields at fault (`0.children.1.date_naissance` for the second child of the first household).
 */
import { z } from 'zod';
import { AppError, type FieldError } from '../../platform/errors';
import type { App } from '../../platform/http/types';
import { benefitCatalogue } from './catalogue';
import { type SimulationResult, defaultEngine } from './engine';
import { householdInputSchema } from './household';
import { benefitsOut, errorSchema, referencesOut, referencesQuery, revaluationsOut, simulationResultSchema } from './droits.schemas';
import { parisDate } from '../../platform/clock';

const MAX_HOUSEHOLDS = 1000;

function simulateBody(body: unknown): SimulationResult | SimulationResult[] {
  const engine = defaultEngine();
  const many = Array.isArray(body);
  const items: unknown[] = many ? body : [body];
  if (items.length > MAX_HOUSEHOLDS) throw new AppError('droits/too-many-households');
  const fields: FieldError[] = [];
  const results: SimulationResult[] = [];
  items.forEach((item, i) => {
    const parsed = engine.parse(item, i);
    if (!parsed.ok) {
      for (const f of parsed.fields) fields.push({ path: many ? (f.path ? `${i}.${f.path}` : String(i)) : f.path, message: f.message });
      return;
    }
    results.push(engine.run(parsed.household));
  });
  if (fields.length) throw new AppError('droits/invalid-household', { fields });
  return many ? results : results[0]!;
}

export default async function droitsRoutes(app: App) {
  // Load and check the legislation when the app starts, not on the first family's request.
  defaultEngine();
  app.post(
    '/api/droits/simulations',
    {
      config: { access: 'public' },
      // The schemas document the route (OpenAPI); the handler validates the body itself, to answer
      // 422 with a French message on every field, and the answer is built by the engine: neither is
      // checked twice on this hot path.
      validatorCompiler: () => (data: unknown) => ({ value: data }),
      serializerCompiler: () => (data: unknown) => JSON.stringify(data),
      schema: {
        tags: ['droits'],
        summary: 'Estimer les prestations d’un foyer monoparental (un foyer ou une liste)',
        description: 'Aucune donnée n’est conservée. Montants en euros ; voir le format des foyers de benefits-sample.json.',
        body: z.union([householdInputSchema, z.array(householdInputSchema).max(MAX_HOUSEHOLDS)]),
        response: { 200: z.union([simulationResultSchema, z.array(simulationResultSchema)]), 422: errorSchema },
      },
    },
    async (req) => simulateBody(req.body),
  );

  app.get(
    '/api/droits/benefits',
    {
      config: { access: 'public' },
      schema: {
        tags: ['droits'],
        summary: 'Catalogue des prestations : conditions, démarches, montants en vigueur',
        response: { 200: benefitsOut },
      },
    },
    async (req) => ({ benefits: benefitCatalogue(req.ctx.now()) }),
  );

  app.get(
    '/api/droits/revaluations',
    {
      config: { access: 'public' },
      schema: {
        tags: ['droits'],
        summary: 'La revalorisation des montants en vigueur aujourd’hui, et la prochaine attendue',
        response: { 200: revaluationsOut },
      },
    },
    async (req) => defaultEngine().revaluations(parisDate(req.ctx.now())),
  );

  app.get(
    '/api/droits/references',
    {
      config: { access: 'public' },
      schema: {
        tags: ['droits'],
        summary: 'Références juridiques de chaque paramètre en vigueur un mois donné (par défaut : le mois en cours)',
        description:
          'Ce que désignent les identifiants de paramètres (`parameter`) des étapes d’explication, pour la période d’une simulation ; `catalogue` : les libellés, motifs et paramètres numérotés de la sortie compacte de `relais droits simulate --references ids`.',
        querystring: referencesQuery,
        response: { 200: referencesOut, 422: errorSchema },
      },
    },
    async (req) => defaultEngine().references(req.query.period ?? parisDate(req.ctx.now()).slice(0, 7)),
  );
}
