/**
 * Use cases of the staff (agents, coordination): campaigns and their published rules,
 * what-if, publication, results, verification of a criterion, forecast. And the public
 * rules page, readable without an account.
 */
import { randomUUID } from 'node:crypto';
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx, type Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { assertCanAccess } from '../dossiers/index';
import { parisDate } from '../../platform/clock';
import { allocate, compareAllocations, type Allocation, type Campaign, type Outcome as CoreOutcome } from './allocate';
import type { CampaignInput, ScenarioInput } from './attribution.schemas';
import * as store from './attribution.store';
import { withCodes } from './criteria';
import { DEFAULT_CRITERIA, DEFAULT_TIE_BREAK } from './default-rules';
import * as documents from './documents.store';
import { isDerivation } from './derive';
import { explainChanges } from './explain';
import { notifyFamily } from './notify';
import { offerDeadline } from './offers';

export const STAFF = ['agent', 'coordinator', 'admin'] as const;
const notFound = () => new AppError('attribution/not-found');

// ------------------------------------------------------------------ shared reads
function toCoreCampaign(
  groups: readonly store.GroupRow[],
  criteria: readonly store.CriterionRow[],
  apps: readonly store.ApplicationRow[],
  scenario: Partial<ScenarioInput> = {},
): Campaign {
  const w = scenario.weights ?? {};
  const cap = scenario.capacities ?? {};
  return {
    groups: groups.map((g) => ({ id: g.id, capacity: cap[g.id] ?? g.capacity })),
    criteria: criteria.map((c) => ({ id: c.code, weight: w[c.code] ?? c.weight })),
    applications: apps.map((a) => ({
      id: a.id,
      family: a.familyKey,
      submittedAt: a.submittedAt.toISOString(),
      criteria: Object.fromEntries(Object.entries(a.criteria).map(([k, v]) => [k, v.value])),
      choices: a.choices,
    })),
  };
}

export function outcomeOf(o: { status: 'admitted' | 'waitlist'; groupId: string | null; position: number | null }, labels: Map<string, string>) {
  return { status: o.status, groupId: o.groupId, groupLabel: o.groupId ? (labels.get(o.groupId) ?? null) : null, position: o.position };
}
const fromCore = (o: CoreOutcome) =>
  o.status === 'admitted' ? { status: o.status, groupId: o.group, position: null } : { status: o.status, groupId: null, position: o.position };

export function ageOnDay(birthDate: string | null, today: string): number | null {
  if (!birthDate) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** The rules as published (and, once published, each group's last admitted score). */
export async function rulesOf(q: Queryable, c: store.CampaignRow) {
  const [groups, criteria, run] = await Promise.all([store.groupsOf(q, c.id), store.criteriaOf(q, c.id), store.runOf(q, c.id)]);
  const published = c.status === 'published' && run ? new Map(run.groups.map((g) => [g.id, g])) : null;
  return {
    ...c,
    groups: groups.map((g) => ({ ...g, lastAdmittedScore: published?.get(g.id)?.lastAdmittedScore ?? null, admitted: published?.get(g.id)?.admitted ?? null })),
    criteria,
    publishedAt: c.status === 'published' && run ? run.createdAt : null,
  };
}

// ------------------------------------------------------------------ public
export async function publicCampaigns(ctx: Ctx) {
  return store.listCampaigns(ctx.db, { visibleOnly: true });
}

export async function publicRules(ctx: Ctx, id: string) {
  const c = await store.getCampaign(ctx.db, id);
  // Drafts are not public yet; campaigns imported by the CLI are the town's other tools' to publish (their criteria have no French labels).
  if (!c || c.status === 'draft' || c.externalId) throw notFound();
  return rulesOf(ctx.db, c);
}

// ------------------------------------------------------------------ campaigns
export async function listCampaigns(ctx: Ctx) {
  requireRole(ctx, ...STAFF);
  return store.listCampaigns(ctx.db);
}

export async function getCampaign(ctx: Ctx, id: string) {
  requireRole(ctx, ...STAFF);
  const c = await store.getCampaign(ctx.db, id);
  if (!c) throw notFound();
  const apps = await store.applicationsOf(ctx.db, id);
  return { ...(await rulesOf(ctx.db, c)), applications: apps.length };
}

type Rules = Omit<CampaignInput, 'criteria'> & { criteria: (CampaignInput['criteria'][number] & { code: string })[] };

/** The input checked, each criterion with its code (a new one's from its label). */
function checkInput(raw: CampaignInput): Rules {
  const input = { ...raw, criteria: withCodes(raw.criteria) };
  if (input.opensAt && input.closesAt && Date.parse(input.closesAt) <= Date.parse(input.opensAt)) {
    throw new AppError('attribution/invalid-dates', { fields: [{ path: 'closesAt', message: "La date de clôture doit être après la date d'ouverture." }] });
  }
  const fields: { path: string; message: string }[] = [];
  const codes = new Set<string>();
  input.criteria.forEach((c, i) => {
    if (codes.has(c.code)) fields.push({ path: `criteria.${i}.code`, message: `Code en double : « ${c.code} ».` });
    codes.add(c.code);
    if (c.derive && !isDerivation(c.derive)) fields.push({ path: `criteria.${i}.derive`, message: 'Règle de lecture du dossier inconnue.' });
  });
  input.groups.forEach((g, i) => {
    if (g.ageMin != null && g.ageMax != null && g.ageMax < g.ageMin)
      fields.push({ path: `groups.${i}.ageMax`, message: "L'âge maximum doit être au moins l'âge minimum." });
  });
  if (fields.length) throw new AppError('http/validation', { fields });
  return input;
}

async function writeRules(t: Queryable, id: string, input: Rules, creating: boolean): Promise<void> {
  const chosen = creating ? new Set<string>() : await store.groupsChosen(t, id);
  const keep: string[] = [];
  for (const [i, g] of input.groups.entries()) {
    keep.push(await store.upsertGroup(t, id, { ...g, id: g.id ?? null, externalId: g.id ?? `groupe-${i + 1}-${randomUUID().slice(0, 8)}`, position: i + 1 }));
  }
  const dropped = [...chosen].filter((g) => !keep.includes(g));
  if (dropped.length)
    throw new AppError('attribution/unknown-group', {
      fields: [{ path: 'groups', message: 'Un groupe déjà choisi par des familles ne peut pas être retiré.' }],
    });
  await store.deleteGroupsExcept(t, id, keep);
  await store.replaceCriteria(
    t,
    id,
    input.criteria.map((c, i) => ({ ...c, position: i + 1 })),
  );
}

export async function createCampaign(
  ctx: Ctx,
  raw: Omit<CampaignInput, 'criteria' | 'tieBreak'> & { criteria?: CampaignInput['criteria']; tieBreak?: string },
) {
  requireRole(ctx, ...STAFF);
  const input = checkInput({
    ...raw,
    criteria: raw.criteria?.length ? raw.criteria : [...DEFAULT_CRITERIA],
    tieBreak: raw.tieBreak?.trim() || DEFAULT_TIE_BREAK,
  });
  return tx(ctx.db, async (t) => {
    const id = await store.insertCampaign(t, {
      ...input,
      opensAt: input.opensAt ? new Date(input.opensAt) : null,
      closesAt: input.closesAt ? new Date(input.closesAt) : null,
      now: ctx.now(),
    });
    await writeRules(t, id, input, true);
    await audit(t, ctx, 'attribution/campaign-created', { subjectType: 'campaign', subjectId: id });
    return { id };
  });
}

export async function updateCampaign(ctx: Ctx, id: string, raw: CampaignInput) {
  requireRole(ctx, ...STAFF);
  const input = checkInput({ ...raw, tieBreak: raw.tieBreak.trim() || DEFAULT_TIE_BREAK });
  await tx(ctx.db, async (t) => {
    const c = await store.getCampaign(t, id, { lock: true });
    if (!c) throw notFound();
    if (c.status === 'published') throw new AppError('attribution/not-editable');
    await store.updateCampaign(
      t,
      id,
      { ...input, opensAt: input.opensAt ? new Date(input.opensAt) : null, closesAt: input.closesAt ? new Date(input.closesAt) : null },
      ctx.now(),
    );
    await writeRules(t, id, input, false);
    await audit(t, ctx, 'attribution/campaign-updated', { subjectType: 'campaign', subjectId: id });
  });
  return { ok: true };
}

export async function setStatus(ctx: Ctx, id: string, status: 'draft' | 'open' | 'closed') {
  requireRole(ctx, ...STAFF);
  await tx(ctx.db, async (t) => {
    const c = await store.getCampaign(t, id, { lock: true });
    if (!c) throw notFound();
    if (c.status === 'published') throw new AppError('attribution/not-editable');
    await store.setStatus(t, id, status, ctx.now());
    await audit(t, ctx, 'attribution/campaign-status', { subjectType: 'campaign', subjectId: id, details: { status } });
  });
  return { ok: true };
}

// ------------------------------------------------------------------ applications (staff view: numbers, never names)
export async function campaignApplications(ctx: Ctx, id: string) {
  requireRole(ctx, ...STAFF);
  const c = await store.getCampaign(ctx.db, id);
  if (!c) throw notFound();
  const [apps, groups] = await Promise.all([store.applicationsOf(ctx.db, id), store.groupsOf(ctx.db, id)]);
  const ids = apps.map((a) => a.id);
  const labels = new Map(groups.map((g) => [g.id, g.label]));
  const [results, offers] =
    c.status === 'published' ? await Promise.all([store.resultsOfApplications(ctx.db, ids), store.offersOfApplications(ctx.db, ids)]) : [[], []];
  const proofs = await documents.documentsOf(ctx.db, id);
  const resultBy = new Map(results.map((r) => [r.applicationId, r]));
  const offerBy = new Map(offers.map((o) => [o.applicationId, o]));
  const today = parisDate(ctx.now());
  return apps.map((a) => {
    const r = resultBy.get(a.id);
    const o = offerBy.get(a.id);
    return {
      id: a.id,
      number: a.number,
      childAge: ageOnDay(a.childBirthDate, today),
      fromFile: a.householdId !== null,
      householdId: a.householdId,
      keepTogether: a.keepTogether,
      submittedAt: a.submittedAt,
      criteria: a.criteria,
      choices: a.choices.map((g) => labels.get(g) ?? ''),
      result: r ? { score: r.score, rank: r.rank, outcome: outcomeOf(r, labels) } : null,
      offer: o ? { ...o, groupLabel: labels.get(o.groupId) ?? '' } : null,
      documents: a.householdId ? proofs.filter((d) => d.householdId === a.householdId) : [],
    };
  });
}

/** An agent checked the proof of a criterion (a document of the family's file): the value becomes verified. */
export async function verifyCriterion(ctx: Ctx, applicationId: string, code: string, value: number) {
  requireRole(ctx, ...STAFF);
  await tx(ctx.db, async (t) => {
    const a = await store.getApplication(t, applicationId, { lock: true });
    if (!a) throw notFound();
    const c = await store.getCampaign(t, a.campaignId);
    if (!c) throw notFound();
    if (c.status === 'published') throw new AppError('attribution/not-editable');
    if (!(await store.criteriaOf(t, a.campaignId)).some((x) => x.code === code))
      throw new AppError('attribution/unknown-criterion', { fields: [{ path: 'code', message: `Critère inconnu : « ${code} ».` }] });
    // The proof is a document of the family's file: the agent has opened it, with a reason (audited by dossiers).
    if (a.householdId) await assertCanAccess(ctx, a.householdId, 'attribution.verify', { q: t });
    await store.setCriterionValue(t, applicationId, code, { value, source: 'verified', verifiedAt: ctx.now().toISOString() });
    await audit(t, ctx, 'attribution/criterion-verified', {
      householdId: a.householdId,
      subjectType: 'application',
      subjectId: applicationId,
      details: { code, value },
    });
  });
  return { ok: true };
}

// ------------------------------------------------------------------ what-if and publication
function summary(alloc: Allocation, labels: Map<string, string>) {
  return {
    admitted: alloc.applications.filter((a) => a.outcome.status === 'admitted').length,
    waitlist: alloc.applications.filter((a) => a.outcome.status === 'waitlist').length,
    groups: alloc.groups.map((g) => ({
      id: g.id,
      label: labels.get(g.id) ?? '',
      capacity: g.capacity,
      admitted: g.admitted,
      lastAdmittedScore: g.lastAdmittedScore,
    })),
  };
}

function checkScenario(scenario: ScenarioInput, groups: readonly store.GroupRow[], criteria: readonly store.CriterionRow[]): void {
  const codes = new Set(criteria.map((c) => c.code));
  const gids = new Set(groups.map((g) => g.id));
  const bad = Object.keys(scenario.weights).filter((k) => !codes.has(k));
  if (bad.length)
    throw new AppError('attribution/unknown-criterion', { fields: bad.map((k) => ({ path: `weights.${k}`, message: `Critère inconnu : « ${k} ».` })) });
  const badG = Object.keys(scenario.capacities).filter((k) => !gids.has(k));
  if (badG.length) throw new AppError('attribution/unknown-group', { fields: badG.map((k) => ({ path: `capacities.${k}`, message: 'Groupe inconnu.' })) });
}

/** What-if: the allocation under the current rules and under changed weights or places, and the families whose status changes, with why. */
export async function simulate(ctx: Ctx, id: string, scenario: ScenarioInput) {
  requireRole(ctx, ...STAFF);
  const c = await store.getCampaign(ctx.db, id);
  if (!c) throw notFound();
  const [groups, criteria, apps] = await Promise.all([store.groupsOf(ctx.db, id), store.criteriaOf(ctx.db, id), store.applicationsOf(ctx.db, id)]);
  checkScenario(scenario, groups, criteria);
  const labels = new Map(groups.map((g) => [g.id, g.label]));
  const critLabels = new Map(criteria.map((x) => [x.code, x.label]));
  const before = allocate(toCoreCampaign(groups, criteria, apps));
  const after = allocate(toCoreCampaign(groups, criteria, apps, scenario));
  const changes = compareAllocations(before, after);
  const why = explainChanges(before, after, changes);
  const number = new Map(apps.map((a) => [a.id, a.number]));
  const family = new Map(apps.map((a) => [a.id, a.familyKey]));
  await audit(ctx.db, ctx, 'attribution/simulated', {
    subjectType: 'campaign',
    subjectId: id,
    details: { weights: scenario.weights, capacities: Object.keys(scenario.capacities).length, changes: changes.length },
  });
  return {
    current: summary(before, labels),
    scenario: summary(after, labels),
    weights: criteria.map((x) => ({ code: x.code, label: x.label, current: x.weight, scenario: scenario.weights[x.code] ?? x.weight })),
    changes: changes.map((ch) => {
      const r = why.get(ch.id)!;
      return {
        id: ch.id,
        number: number.get(ch.id)!,
        before: outcomeOf(fromCore(ch.before), labels),
        after: outcomeOf(fromCore(ch.after), labels),
        scoreBefore: r.scoreBefore,
        scoreAfter: r.scoreAfter,
        rankBefore: r.rankBefore,
        rankAfter: r.rankAfter,
        criteria: r.criteria.map((x) => ({ ...x, label: critLabels.get(x.code) ?? x.code })),
      };
    }),
    families: new Set(changes.map((ch) => family.get(ch.id))).size,
  };
}

/**
 * Publication: the weights and places chosen become the campaign's rules, the allocation is
 * stored, each admitted family gets an offer to confirm before the deadline, and every family
 * can read its score, rank and outcome. Once only.
 */
export async function publish(ctx: Ctx, id: string, scenario: ScenarioInput) {
  const user = requireRole(ctx, ...STAFF);
  return tx(ctx.db, async (t) => {
    const c = await store.getCampaign(t, id, { lock: true });
    if (!c) throw notFound();
    if (c.status === 'published') throw new AppError('attribution/already-published');
    const groups = await store.groupsOf(t, id);
    const criteria = await store.criteriaOf(t, id);
    const apps = await store.applicationsOf(t, id);
    checkScenario(scenario, groups, criteria);
    if (!apps.length) throw new AppError('attribution/no-application');
    for (const [code, w] of Object.entries(scenario.weights)) await store.setWeight(t, id, code, w);
    for (const [gid, cap] of Object.entries(scenario.capacities)) await store.setCapacity(t, gid, cap);
    const core = toCoreCampaign(groups, criteria, apps, scenario);
    const alloc = allocate(core);
    const now = ctx.now();
    const runId = await store.insertRun(t, {
      campaignId: id,
      weights: Object.fromEntries(core.criteria.map((x) => [x.id, x.weight])),
      capacities: Object.fromEntries(core.groups.map((g) => [g.id, g.capacity])),
      groups: alloc.groups,
      createdAt: now,
      createdBy: user.id,
    });
    await store.insertResults(
      t,
      runId,
      alloc.applications.map((a) => ({ applicationId: a.id, score: a.score, breakdown: a.breakdown, rank: a.rank, ...fromCore(a.outcome) })),
    );
    let offers = 0;
    try {
      for (const a of alloc.applications) {
        if (a.outcome.status !== 'admitted') continue;
        await store.insertOffer(t, { applicationId: a.id, groupId: a.outcome.group, now, expiresAt: offerDeadline(now, c.offerDays) });
        offers++;
      }
    } catch (err) {
      onConstraint(err, { attribution_offers_capacity: new AppError('attribution/group-full') });
    }
    // One message per family that applied from its file: where to read its results, and its offer's deadline.
    const deadline = offerDeadline(now, c.offerDays);
    const admittedIds = new Set(alloc.applications.filter((a) => a.outcome.status === 'admitted').map((a) => a.id));
    const households = new Map<string, boolean>();
    for (const a of apps) if (a.householdId) households.set(a.householdId, (households.get(a.householdId) ?? false) || admittedIds.has(a.id));
    for (const [household, offered] of households) {
      await notifyFamily(t, ctx.jobs, household, now, { campaignTitle: c.title, offerDeadline: offered ? deadline : null, template: 'attribution.results' });
    }
    await store.setStatus(t, id, 'published', now);
    const admitted = alloc.applications.filter((a) => a.outcome.status === 'admitted').length;
    await audit(t, ctx, 'attribution/published', {
      subjectType: 'campaign',
      subjectId: id,
      details: { runId, weights: scenario.weights, admitted, applications: apps.length },
    });
    return { admitted, waitlist: apps.length - admitted, offers };
  });
}
