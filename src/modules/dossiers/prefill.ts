/** What other modules call to read the file: the parent's own household, or a form's declared fields. */
import { parisDate } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { assertCanAccess } from './access';
import { activeIds, householdIdOfUser, loadHousehold, neighbourhoodsOf } from './dossiers.store';
import { projectHousehold, type FieldKey, type ProjectedHousehold } from './fields';
import { getForm } from './form-registry';
import type { Household } from './household';

/** The logged-in parent's household (whole file), or null (no file yet, or not a parent). */
export async function getHouseholdForUser(ctx: Ctx): Promise<Household | null> {
  if (ctx.user?.role !== 'parent') return null;
  const id = await householdIdOfUser(ctx.db, ctx.user.id);
  if (!id) return null;
  return loadHousehold(ctx.db, id, parisDate(ctx.now()));
}

export interface Prefill {
  formId: string;
  householdId: string;
  /** The fields the form declared and the caller may read. */
  fields: FieldKey[];
  /** Of those, the ones still empty in the file: the form asks only these. */
  missing: FieldKey[];
  values: ProjectedHousehold;
}

function isEmpty(h: Household, key: FieldKey): boolean {
  const [g, f] = key.split('.');
  const src = (h as any)[g];
  if (Array.isArray(src)) return src.length === 0 || src.some((item) => item[f] == null);
  return src == null || src[f] == null;
}

/**
 * The fields a form declared (defineForm, in its module's hooks.dossiers.forms), pre-filled from the file, never more:
 * a parent gets them from their own file; staff from a file they opened with a reason;
 * a partner only those in parts consented for this form id as purpose.
 */
export async function prefill(ctx: Ctx, householdId: string, formId: string, opts: { q?: Queryable } = {}): Promise<Prefill> {
  const form = getForm(formId);
  if (!form) throw new AppError('dossiers/unknown-form');
  const access = await assertCanAccess(ctx, householdId, formId, opts);
  const allowed = new Set(access.fields);
  const fields = form.fields.filter((f) => allowed.has(f));
  const h = await loadHousehold(opts.q ?? ctx.db, householdId, parisDate(ctx.now()));
  if (!h) throw new AppError('dossiers/not-found');
  return { formId, householdId, fields, missing: fields.filter((f) => isEmpty(h, f)), values: projectHousehold(h, fields) };
}

/**
 * For jobs and system tasks of other modules (no user): read a file without an access
 * check. Never return its result to a user without your own check.
 */
export async function readHouseholdAsSystem(q: Queryable, householdId: string, now: Date): Promise<Household | null> {
  return loadHousehold(q, householdId, parisDate(now));
}

/** Bulk: the neighbourhood id of each household (indicators by neighbourhood). No personal data. */
export async function householdNeighbourhoods(q: Queryable, householdIds: string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  if (!householdIds.length) return out;
  for (const r of await neighbourhoodsOf(q, householdIds)) out.set(r.id, r.neighbourhood_id);
  return out;
}

/** For system tasks of other modules (e.g. aides' preview of who an edited aid makes eligible): the ids of active files, no personal data. */
export async function activeHouseholdIds(q: Queryable, limit: number): Promise<string[]> {
  return activeIds(q, limit);
}
