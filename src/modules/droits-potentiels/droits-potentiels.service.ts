/**
 * Droits potentiels use cases: the month to simulate, the simulator prefilled from the
 * household file (the parent's own, or a file an agent opened with a reason), counting
 * simulations per neighbourhood, estimating what a family likely misses and saving it in
 * its file, and re-estimating saved files when a revaluation comes into force.
 */
import { audit } from '../../platform/audit';
import { parisDate } from '../../platform/clock';
import { type Ctx, type Deps, makeCtx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { queueNotification } from '../../platform/notify/outbox';
import { localeOfUser } from '../../platform/notify/localized';
import { requireRole, requireUser } from '../../platform/roles';
import { findNeighbourhood } from '../../platform/town';
import { assertCanAccess, droitsMissingFields, getHouseholdForUser, readHouseholdAsSystem, toDroitsInput, type Household } from '../dossiers/index';
import { type BenefitKey, parameterDates, simulate, SUPPORTED_PERIODS, type SimulationResult } from '../droits/index';
import {
  amountsCents,
  changeMessage,
  estimateChanges,
  type MissedBenefit,
  missedBenefits,
  monthlyTotalCents,
  parameterDateFor,
  simulationPeriod,
} from './estimate';
import * as store from './droits-potentiels.store';

export type RunSource = 'simulateur' | 'potentiels' | 'agent';

export interface SimulationContext {
  period: string;
  /** True when today is past the last month the parameters cover. */
  latestKnown: boolean;
  parameterDate: string;
}

export function simulationContext(ctx: Pick<Ctx, 'now'>): SimulationContext {
  const { period, latestKnown } = simulationPeriod(parisDate(ctx.now()), SUPPORTED_PERIODS);
  return { period, latestKnown, parameterDate: parameterDateFor(period, parameterDates()) };
}

export interface SavedEstimate {
  period: string;
  parameterDate: string;
  /** Stored from a checked body: benefit keys only. */
  received: BenefitKey[];
  missed: MissedBenefit[];
  monthlyTotalCents: number;
  savedAt: string;
  updatedAt: string;
}

function savedView(row: store.EstimateRow | null): SavedEstimate | null {
  if (!row) return null;
  const euros = (c: store.EstimateRow['amountsCents']) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v / 100])) as SimulationResult['amounts'];
  const missed = missedBenefits({ amounts: euros(row.amountsCents), net_crds: euros(row.netCents) }, row.received);
  return {
    period: row.period,
    parameterDate: row.parameterDate,
    received: row.received as BenefitKey[],
    missed,
    monthlyTotalCents: monthlyTotalCents(missed),
    savedAt: row.savedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface FilePrefill {
  householdId: string;
  input: ReturnType<typeof toDroitsInput>;
  /** File fields the simulator needs that the file does not hold yet. */
  missing: string[];
  otherParent: { custody: string | null; alimonyDueMonthlyCents: number | null; alimonyPaidRegularly: boolean | null } | null;
  neighbourhoodId: string | null;
}

function filePrefill(h: Household, period: string): FilePrefill {
  return {
    householdId: h.id,
    input: toDroitsInput(h, period),
    missing: droitsMissingFields(h),
    otherParent: h.otherParent
      ? {
          custody: h.otherParent.custody,
          alimonyDueMonthlyCents: h.otherParent.alimonyDueMonthlyCents,
          alimonyPaidRegularly: h.otherParent.alimonyPaidRegularly,
        }
      : null,
    neighbourhoodId: h.address.neighbourhoodId,
  };
}

/** The logged-in parent's file as simulator answers, and the estimate saved in it. */
export async function prefillForMe(ctx: Ctx): Promise<{ context: SimulationContext; household: FilePrefill | null; saved: SavedEstimate | null }> {
  requireRole(ctx, 'parent');
  const context = simulationContext(ctx);
  const h = await getHouseholdForUser(ctx);
  if (!h) return { context, household: null, saved: null };
  return { context, household: filePrefill(h, context.period), saved: savedView(await store.getEstimate(ctx.db, h.id)) };
}

/** An agent runs the simulator from a family's file: access checked and audited by dossiers. */
export async function prefillForHousehold(
  ctx: Ctx,
  householdId: string,
): Promise<{ context: SimulationContext; household: FilePrefill; saved: SavedEstimate | null }> {
  requireRole(ctx, 'agent', 'coordinator');
  const context = simulationContext(ctx);
  await assertCanAccess(ctx, householdId, 'droits.simulation');
  const h = await readHouseholdAsSystem(ctx.db, householdId, ctx.now());
  if (!h) throw new AppError('dossiers/not-found');
  return { context, household: filePrefill(h, context.period), saved: savedView(await store.getEstimate(ctx.db, h.id)) };
}

function neighbourhoodOf(ctx: Ctx, id: string | null | undefined): string | null {
  if (!id) return null;
  const n = findNeighbourhood(ctx.town, id);
  if (!n)
    throw new AppError('droits-potentiels/invalid-neighbourhood', {
      fields: [{ path: 'neighbourhoodId', message: "Ce quartier n'existe pas dans la commune." }],
    });
  return n.id;
}

/** One count row per simulation run: when, where (neighbourhood if known), from which page. Nothing else. */
export async function recordRun(ctx: Ctx, run: { neighbourhoodId?: string | null; source: RunSource }): Promise<void> {
  await store.insertRun(ctx.db, { at: ctx.now(), neighbourhoodId: neighbourhoodOf(ctx, run.neighbourhoodId), source: run.source });
}

export interface CheckInput {
  input: unknown;
  received: BenefitKey[];
  save?: boolean;
  householdId?: string;
  neighbourhoodId?: string | null;
  source?: RunSource;
}

export interface CheckResult {
  result: SimulationResult;
  missed: MissedBenefit[];
  monthlyTotalCents: number;
  parameterDate: string;
  saved: SavedEstimate | null;
}

/**
 * What the family likely misses: simulate, keep what has an amount and is not ticked as
 * received. Saved in the household file only when asked (parent: its own file; agent:
 * the file it opened).
 */
export async function checkPotential(ctx: Ctx, body: CheckInput): Promise<CheckResult> {
  let result: SimulationResult;
  try {
    result = simulate(body.input);
  } catch (err) {
    if (err instanceof AppError && err.fields)
      throw new AppError(err.code, { fields: err.fields.map((f) => ({ ...f, path: f.path ? `input.${f.path}` : 'input' })) });
    throw err;
  }
  const received = [...new Set(body.received)];
  const missed = missedBenefits(result, received);
  const parameterDate = parameterDateFor(result.period, parameterDates());
  let neighbourhood = neighbourhoodOf(ctx, body.neighbourhoodId);
  let saved: SavedEstimate | null = null;
  if (body.save) {
    const user = requireUser(ctx);
    let householdId: string;
    if (user.role === 'parent') {
      const h = await getHouseholdForUser(ctx);
      if (!h) throw new AppError('droits-potentiels/no-household');
      householdId = h.id;
      neighbourhood ??= h.address.neighbourhoodId;
    } else {
      requireRole(ctx, 'agent', 'coordinator');
      if (!body.householdId) throw new AppError('droits-potentiels/household-required', { fields: [{ path: 'householdId', message: 'Dossier manquant.' }] });
      householdId = body.householdId;
    }
    saved = await tx(ctx.db, async (t) => {
      if (user.role !== 'parent') await assertCanAccess(ctx, householdId, 'droits.simulation', { q: t });
      const row = await store.upsertEstimate(t, {
        householdId,
        input: body.input as Record<string, unknown>,
        received,
        period: result.period,
        parameterDate,
        amountsCents: amountsCents(result.amounts),
        netCents: amountsCents(result.net_crds),
        missed: missed.map((m) => m.key),
        savedBy: user.id,
        now: ctx.now(),
      });
      await audit(t, ctx, 'droits-potentiels/saved', {
        householdId,
        subjectType: 'household',
        subjectId: householdId,
        details: { period: result.period, parameterDate, missed: missed.map((m) => m.key) },
      });
      return savedView(row);
    });
  }
  await store.insertRun(ctx.db, { at: ctx.now(), neighbourhoodId: neighbourhood, source: body.source ?? 'potentiels' });
  return { result, missed, monthlyTotalCents: monthlyTotalCents(missed), parameterDate, saved };
}

/**
 * The job: when the revaluation in force (for the month simulated today) is not the one a
 * saved estimate used, re-run it on the saved answers for the current month; if an amount
 * changed, tell the family through the outbox. Erased files lose their estimate.
 */
export async function reestimateSaved(deps: Deps): Promise<{ checked: number; changed: number; notified: number }> {
  const ctx = makeCtx(deps, null, 'job:droits-potentiels.reestimate');
  const { period, parameterDate } = simulationContext(ctx);
  const ids = await store.staleEstimateIds(ctx.db, parameterDate);
  let changed = 0;
  let notified = 0;
  for (const id of ids) {
    await tx(ctx.db, async (t) => {
      const row = await store.getEstimate(t, id, { forUpdate: true });
      if (!row || row.parameterDate === parameterDate) return;
      const h = await readHouseholdAsSystem(t, id, ctx.now());
      if (!h || h.status !== 'active') {
        await store.deleteEstimate(t, id);
        return;
      }
      let result: SimulationResult;
      try {
        result = simulate({ ...row.input, period }, undefined, { explain: false });
      } catch (err) {
        // Saved answers the engine no longer accepts: keep the old estimate, do not retry each day.
        deps.log.warn({ householdId: id, code: (err as AppError).code }, 'droits re-estimate skipped');
        await store.updateReestimate(t, id, { ...row, period: row.period, parameterDate, now: ctx.now(), notified: false });
        return;
      }
      const after = amountsCents(result.amounts);
      const changes = estimateChanges(row.amountsCents, after);
      const missed = missedBenefits(result, row.received).map((m) => m.key);
      let sent = false;
      if (changes.length) {
        changed++;
        const contact = h.parentUserId ? await store.userContact(t, h.parentUserId) : null;
        const email = contact?.email ?? h.parent.email;
        const phone = contact?.phone ?? h.parent.phone;
        const recipient = email ?? phone;
        if (recipient) {
          // In the family's language (users.locale).
          const locale = await localeOfUser(t, h.parentUserId);
          const msg = changeMessage(changes, parameterDate, `${deps.config.publicUrl}/droits/potentiels`, deps.town.ccasName, locale);
          await queueNotification(t, deps.jobs, {
            channel: email ? 'email' : 'sms',
            recipient,
            userId: h.parentUserId,
            template: 'droits.estimate-changed',
            subject: msg.subject,
            body: msg.body,
            locale: msg.locale,
          });
          sent = true;
          notified++;
        }
      }
      await store.updateReestimate(t, id, {
        period,
        parameterDate,
        amountsCents: after,
        netCents: amountsCents(result.net_crds),
        missed,
        now: ctx.now(),
        notified: sent,
      });
      await audit(t, ctx, 'droits-potentiels/reestimated', {
        householdId: id,
        subjectType: 'household',
        subjectId: id,
        details: { parameterDate, changed: changes.map((c) => c.key), notified: sent },
      });
    });
  }
  return { checked: ids.length, changed, notified };
}
