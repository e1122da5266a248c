/**
 * Use cases of the coordinator who builds the survey: create, edit (a draft version),
 * publish, close, make single-use links.
 */
import type { Ctx } from '../../platform/context';
import { audit } from '../../platform/audit';
import { tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import * as store from './diagnostic.store';
import { parseQuestionnaire, type Questionnaire } from './questionnaire';
import { hashToken, newToken } from './tokens';

export const BUILDERS = ['coordinator', 'admin'] as const;

export interface QuestionnaireView {
  id: string;
  title: string;
  access: store.Access;
  status: 'draft' | 'published' | 'closed';
  publishedVersion: number | null;
  draftVersion: number | null;
  /** What the builder edits: the draft, or the published version when there is no draft. */
  definition: Questionnaire;
  /** What people answer (null before the first publication). */
  published: Questionnaire | null;
  source: string | null;
  isDemo: boolean;
  updatedAt: Date;
}

export function toView(r: store.QuestionnaireRow): QuestionnaireView {
  return {
    id: r.id,
    title: r.title,
    access: r.access,
    status: r.closedAt ? 'closed' : r.publishedVersion ? 'published' : 'draft',
    publishedVersion: r.publishedVersion,
    draftVersion: r.draftVersion,
    definition: (r.draft ?? r.published)!,
    published: r.published,
    source: r.source,
    isDemo: r.isDemo,
    updatedAt: r.updatedAt,
  };
}

export async function loadQuestionnaire(q: Parameters<typeof store.getQuestionnaire>[0], id: string, lock = false): Promise<store.QuestionnaireRow> {
  const row = await store.getQuestionnaire(q, id, lock);
  if (!row) throw new AppError('diagnostic/not-found');
  return row;
}

export async function listQuestionnaires(ctx: Ctx) {
  requireRole(ctx, 'agent', ...BUILDERS);
  return store.listQuestionnaires(ctx.db);
}

export async function getQuestionnaire(ctx: Ctx, id: string): Promise<QuestionnaireView> {
  requireRole(ctx, 'agent', ...BUILDERS);
  return toView(await loadQuestionnaire(ctx.db, id));
}

export async function createQuestionnaire(ctx: Ctx, input: { definition: unknown; access?: store.Access }): Promise<QuestionnaireView> {
  const user = requireRole(ctx, ...BUILDERS);
  const definition = parseQuestionnaire(input.definition);
  return tx(ctx.db, async (t) => {
    const id = await store.insertQuestionnaire(t, {
      title: definition.title,
      access: input.access ?? 'links',
      definition,
      publish: false,
      createdBy: user.id,
      now: ctx.now(),
    });
    await audit(t, ctx, 'diagnostic/questionnaire-created', { subjectType: 'questionnaire', subjectId: id });
    return toView(await loadQuestionnaire(t, id));
  });
}

/**
 * Saves the draft. Once a version is published it is never changed: editing a published
 * questionnaire starts the next version, which people answer only once it is published.
 */
export async function updateQuestionnaire(ctx: Ctx, id: string, input: { definition?: unknown; access?: store.Access }): Promise<QuestionnaireView> {
  requireRole(ctx, ...BUILDERS);
  const definition = input.definition === undefined ? undefined : parseQuestionnaire(input.definition);
  return tx(ctx.db, async (t) => {
    const row = await loadQuestionnaire(t, id, true);
    if (definition) {
      const version = row.draftVersion ?? (row.publishedVersion ?? 0) + 1;
      await store.saveVersion(t, id, version, definition, ctx.now());
    }
    if (input.access && input.access !== row.access) await store.setAccess(t, id, input.access, ctx.now());
    await audit(t, ctx, 'diagnostic/questionnaire-updated', { subjectType: 'questionnaire', subjectId: id, details: { access: input.access ?? row.access } });
    return toView(await loadQuestionnaire(t, id));
  });
}

export async function publishQuestionnaire(ctx: Ctx, id: string): Promise<QuestionnaireView> {
  requireRole(ctx, ...BUILDERS);
  return tx(ctx.db, async (t) => {
    const row = await loadQuestionnaire(t, id, true);
    if (!row.draftVersion || !row.draft) throw new AppError('diagnostic/nothing-to-publish');
    parseQuestionnaire(row.draft); // a stored draft is valid, but the rules may have grown since
    await store.publishDraft(t, id, row.draftVersion, ctx.now());
    await audit(t, ctx, 'diagnostic/questionnaire-published', { subjectType: 'questionnaire', subjectId: id, details: { version: row.draftVersion } });
    return toView(await loadQuestionnaire(t, id));
  });
}

export async function closeQuestionnaire(ctx: Ctx, id: string, closed: boolean): Promise<QuestionnaireView> {
  requireRole(ctx, ...BUILDERS);
  return tx(ctx.db, async (t) => {
    const row = await loadQuestionnaire(t, id, true);
    if (!row.publishedVersion) throw new AppError('diagnostic/not-published');
    await store.setClosed(t, id, closed ? ctx.now() : null, ctx.now());
    await audit(t, ctx, closed ? 'diagnostic/questionnaire-closed' : 'diagnostic/questionnaire-reopened', { subjectType: 'questionnaire', subjectId: id });
    return toView(await loadQuestionnaire(t, id));
  });
}

/** Makes `count` single-use links; their tokens are returned once and only their hash is kept. */
export async function createLinks(
  ctx: Ctx,
  id: string,
  input: { count: number; label?: string | null },
): Promise<Array<{ id: string; token: string; path: string }>> {
  const user = requireRole(ctx, ...BUILDERS);
  return tx(ctx.db, async (t) => {
    await loadQuestionnaire(t, id);
    const tokens = Array.from({ length: input.count }, () => newToken());
    const ids = await store.insertLinks(t, id, tokens.map(hashToken), input.label?.trim() || null, user.id, ctx.now());
    await audit(t, ctx, 'diagnostic/links-created', { subjectType: 'questionnaire', subjectId: id, details: { count: input.count } });
    return ids.map((linkId, i) => ({ id: linkId, token: tokens[i]!, path: `/enquete/lien/${tokens[i]}` }));
  });
}

export async function listLinks(ctx: Ctx, id: string) {
  requireRole(ctx, ...BUILDERS);
  await loadQuestionnaire(ctx.db, id);
  return store.listLinks(ctx.db, id);
}
