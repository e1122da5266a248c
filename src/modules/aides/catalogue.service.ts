/**
 * The aids as the town publishes them: the latest version of each (anyone reads them,
 * without an account), a family's eligibility from its file, an admin's edit as a new
 * dated version with a preview of who becomes eligible.
 */
import { audit } from '../../platform/audit';
import { parisDate, parisParts } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { type Queryable, tx, type Tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { activeHouseholdIds, getHouseholdForUser, readHouseholdAsSystem } from '../dossiers/index';
import { type AidDefinition, isEnded } from './aid';
import { demoRules, validateAid } from './aid-files';
import * as catalogue from './catalogue.store';
import { evaluateAid, evaluateAll, type AidEligibility, type AidFacts } from './eligibility';
import * as funds from './funds.store';
import { factsFromFile, factsFromInput, parseAidsHousehold } from './household-facts';
import { ALL_AIDS, type AidOffer, OFFERS_TITLE, rankOffers, toOffer } from './offers';
import { receivedThisYear } from './requests.store';

/** Version 1 of every aid of rules/aides and the funds with their demo budget for `year`, when absent. */
export async function installAidFiles(t: Tx, now: Date, year: number): Promise<void> {
  const { aids, funds: fundDefs } = demoRules();
  for (const f of fundDefs) {
    await funds.upsertFund(t, { id: f.id, title: f.title, isDemo: true }, now);
    await funds.insertBudgetIfAbsent(t, f.id, year, f.budget_cents, now);
  }
  for (const a of aids) await catalogue.insertInitialVersion(t, a, now);
}

export const today = (ctx: Ctx) => parisDate(ctx.now());

/** Every aid still open today (latest versions). */
export async function openAids(q: Queryable, day: string): Promise<catalogue.AidVersion[]> {
  return (await catalogue.currentVersions(q)).filter((v) => !isEnded(v.definition, day));
}

export async function listAids(ctx: Ctx) {
  return openAids(ctx.db, today(ctx));
}

export async function getAid(ctx: Ctx, aidId: string): Promise<catalogue.AidVersion> {
  const v = await catalogue.versionOf(ctx.db, aidId);
  if (!v) throw new AppError('aides/aid-not-found');
  return v;
}

/** The public simulator: a household described by hand (droits format + local fields), no account. */
export async function simulate(ctx: Ctx, raw: unknown): Promise<AidEligibility[]> {
  const parsed = parseAidsHousehold(raw);
  if (!parsed.ok) throw new AppError('aides/invalid-household', { fields: parsed.fields });
  const facts = factsFromInput(parsed.input, raw, ctx.town);
  const day = today(ctx);
  return evaluateAll(
    (await openAids(ctx.db, day)).map((v) => v.definition),
    facts,
    day,
  );
}

/** Beside the national benefits in the rights simulator: every open aid against the household it estimated. */
export async function simulatorComplements(
  ctx: Ctx,
  raw: unknown,
): Promise<{ module: string; title: string; items: AidOffer[]; more: typeof ALL_AIDS } | null> {
  const parsed = parseAidsHousehold(raw);
  // The droits engine accepted the household; a local field it does not know and we refuse is ignored, not an error of the simulator.
  if (!parsed.ok) return null;
  const day = today(ctx);
  const results = evaluateAll(
    (await openAids(ctx.db, day)).map((v) => v.definition),
    factsFromInput(parsed.input, raw, ctx.town),
    day,
  );
  if (!results.length) return null;
  return { module: 'aides', title: OFFERS_TITLE, items: rankOffers(results).map((e) => toOffer(e, false)), more: ALL_AIDS };
}

/** On the family's own file: the aids it can get or should check (not the ones its file rules out). */
export async function fileOffers(
  ctx: Ctx,
  householdId: string,
): Promise<{ module: string; title: string; items: (AidOffer & { likelihood: 'yes' | 'maybe' })[]; more: typeof ALL_AIDS } | null> {
  requireRole(ctx, 'parent');
  const day = today(ctx);
  const aids = (await openAids(ctx.db, day)).map((v) => v.definition);
  if (!aids.length) return null;
  const results = evaluateAll(aids, await householdFacts(ctx.db, householdId, ctx.now()), day).filter((e) => e.status !== 'not_eligible');
  return {
    module: 'aides',
    title: OFFERS_TITLE,
    items: rankOffers(results).map((e) => toOffer(e, true) as AidOffer & { likelihood: 'yes' | 'maybe' }),
    more: ALL_AIDS,
  };
}

/** What we know of a household from its file and its requests; `answers` fill what the file does not say. */
export async function householdFacts(q: Queryable, householdId: string, now: Date, answers: Partial<AidFacts> = {}): Promise<AidFacts> {
  const h = await readHouseholdAsSystem(q, householdId, now);
  if (!h) throw new AppError('aides/no-household');
  return factsFromFile(h, parisDate(now), await receivedThisYear(q, householdId, parisParts(now).year), answers);
}

/** A parent's eligibility to every open aid, from the file (plus the answers given on the page). */
export async function myEligibility(ctx: Ctx, answers: Partial<AidFacts>): Promise<{ householdId: string; results: AidEligibility[] }> {
  requireRole(ctx, 'parent');
  const h = await getHouseholdForUser(ctx);
  if (!h) throw new AppError('aides/no-household');
  const facts = await householdFacts(ctx.db, h.id, ctx.now(), answers);
  const day = today(ctx);
  return {
    householdId: h.id,
    results: evaluateAll(
      (await openAids(ctx.db, day)).map((v) => v.definition),
      facts,
      day,
    ),
  };
}

export interface PreviewCount {
  eligible: number;
  notEligible: number;
  toCheck: number;
}

export interface Preview {
  households: number;
  before: PreviewCount;
  after: PreviewCount;
  /** Households eligible after and not before, and the reverse. */
  gained: number;
  lost: number;
}

/** Who becomes eligible with an edited aid: every active household file, before and after (counts only). */
export async function previewAid(ctx: Ctx, raw: unknown): Promise<Preview> {
  requireRole(ctx, 'admin', 'coordinator');
  const next = await checkDefinition(ctx.db, raw);
  const current = await catalogue.versionOf(ctx.db, next.id);
  const rows = (await activeHouseholdIds(ctx.db, 5000)).map((id) => ({ id }));
  const count = (): PreviewCount => ({ eligible: 0, notEligible: 0, toCheck: 0 });
  const p: Preview = { households: rows.length, before: count(), after: count(), gained: 0, lost: 0 };
  const bump = (c: PreviewCount, s: AidEligibility['status']) => (s === 'eligible' ? c.eligible++ : s === 'not_eligible' ? c.notEligible++ : c.toCheck++);
  for (const r of rows) {
    const facts = await householdFacts(ctx.db, r.id, ctx.now());
    const before = current ? evaluateAid(current.definition, facts).status : 'not_eligible';
    const after = evaluateAid(next, facts).status;
    if (current) bump(p.before, before);
    bump(p.after, after);
    if (after === 'eligible' && before !== 'eligible') p.gained++;
    if (before === 'eligible' && after !== 'eligible') p.lost++;
  }
  return p;
}

async function checkDefinition(q: Queryable, raw: unknown): Promise<AidDefinition> {
  const r = validateAid(raw, await catalogue.fundIds(q));
  if (!r.ok) throw new AppError('aides/invalid-aid', { fields: r.fields });
  return r.aid;
}

/**
 * An admin's edit: a new dated version (never an update). `baseVersion` is the version the
 * admin edited; another edit in between answers a conflict instead of overwriting it.
 */
export async function saveVersion(ctx: Ctx, raw: unknown, baseVersion: number | null, note: string | null): Promise<{ aidId: string; version: number }> {
  const user = requireRole(ctx, 'admin', 'coordinator');
  const def = await checkDefinition(ctx.db, raw);
  return tx(ctx.db, async (t) => {
    await catalogue.lockAid(t, def.id);
    const current = await catalogue.versionOf(t, def.id);
    if ((current?.version ?? null) !== baseVersion) throw new AppError('aides/version-conflict');
    const version = (current?.version ?? 0) + 1;
    await catalogue.insertVersion(t, { definition: def, version, note, createdBy: user.id }, ctx.now());
    await audit(t, ctx, 'aides/aid-version-saved', {
      subjectType: 'aid',
      subjectId: def.id,
      details: { version, fund: def.fund, ended: def.end_date ?? null },
    });
    return { aidId: def.id, version };
  });
}
