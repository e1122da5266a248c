/**
 * Garde partagée: a family creates a cooperative in its neighbourhood; families of the same
 * or a neighbouring quarter join (2–4 families, checked under a lock on the cooperative);
 * each family sets its weekly hours and week-by-week changes; each member sees the month's
 * split (coop-month.ts) and what it owes.
 */
import { audit } from '../../platform/audit';
import { parisDate } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { checkNeighbourhood, requireFamily } from './access';
import { estimateCmg } from './cmg';
import { mondaysOf, monthSplit } from './coop-month';
import { cmgParameters } from './entraide-rules';
import { ROUNDING_RULE_FR, type CustodyWeeks } from './cost-split';
import * as coops from './coops.store';
import type { GardeHours } from './coops.store';
import { haversineKm } from './ride-matching';

export const MAX_FAMILIES = 4;
/** Neighbouring quarters: centres within this distance (published). */
export const NEIGHBOURING_KM = 2.5;

/**
 * Compatible hours (published): the childminder works the hours the founding family set; a family
 * joins when the days and hours it needs fall within them (the children are looked after together).
 * A cooperative created before its hours were asked accepts any.
 */
export function hoursMismatch(coop: GardeHours | null, need: GardeHours): { path: 'weekdays' | 'from' | 'to'; message: string } | null {
  if (!coop) return null;
  if (!need.weekdays.every((d) => coop.weekdays.includes(d)))
    return { path: 'weekdays', message: 'La garde de cette coopérative n’a pas lieu tous ces jours-là.' };
  if (need.from < coop.from) return { path: 'from', message: `La garde de cette coopérative commence à ${coop.from.replace(':', ' h ')}.` };
  if (need.to > coop.to) return { path: 'to', message: `La garde de cette coopérative finit à ${coop.to.replace(':', ' h ')}.` };
  return null;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Weekly hours that fit (published): a family cannot state more hours a week than its days and hours
 * hold (the founder: the childminder's; a member: its own need). A cooperative or member without
 * stated hours (before migration 0807) is not checked.
 */
export function weeklyMinutesOver(
  hours: GardeHours | null | undefined,
  minutesPerWeek: number,
): { path: 'minutesPerWeek' | 'minutes'; message: string } | null {
  if (!hours) return null;
  const most = hours.weekdays.length * Math.max(0, minutesOf(hours.to) - minutesOf(hours.from));
  if (minutesPerWeek <= most) return null;
  const [h, m] = [Math.floor(most / 60), most % 60];
  if (m)
    return { path: 'minutesPerWeek', message: `Au plus ${h} h ${String(m).padStart(2, '0')} par semaine : ces jours et ces horaires n’en comptent pas plus.` };
  return { path: 'minutesPerWeek', message: `Au plus ${h} h par semaine : ces jours et ces horaires n’en comptent pas plus.` };
}

const notFound = () => new AppError('entraide/not-found');

function neighbouring(ctx: Ctx, a: string | null, b: string): boolean {
  if (a === b) return true;
  const na = ctx.town.neighbourhoods.find((n) => n.id === a);
  const nb = ctx.town.neighbourhoods.find((n) => n.id === b);
  if (!na || !nb) return false;
  return haversineKm({ lat: na.center[0], lon: na.center[1] }, { lat: nb.center[0], lon: nb.center[1] }) <= NEIGHBOURING_KM;
}

export async function createCoop(
  ctx: Ctx,
  input: { name: string; hourlyCostCents: number; minutesPerWeek: number; custody: CustodyWeeks } & GardeHours,
): Promise<{ id: string }> {
  const me = await requireFamily(ctx);
  if (!me.neighbourhoodId)
    throw new AppError('entraide/unknown-neighbourhood', {
      fields: [{ path: 'neighbourhoodId', message: 'Indiquez votre quartier dans votre dossier famille.' }],
    });
  checkNeighbourhood(ctx, me.neighbourhoodId);
  const over = weeklyMinutesOver(input, input.minutesPerWeek);
  if (over) throw new AppError('http/invalid-input', { fields: [over] });
  return tx(ctx.db, async (t) => {
    const id = await coops.insertCoop(t, {
      name: input.name,
      neighbourhoodId: me.neighbourhoodId!,
      hourlyCostCents: input.hourlyCostCents,
      isDemo: false,
      hours: gardeHours(input),
      now: ctx.now(),
    });
    await coops.addMember(
      t,
      id,
      { householdId: me.householdId, minutesPerWeek: input.minutesPerWeek, custody: input.custody, hours: gardeHours(input) },
      ctx.now(),
    );
    await audit(t, ctx, 'entraide/coop-created', { householdId: me.householdId, subjectType: 'entraide_coop', subjectId: id });
    return { id };
  });
}

const gardeHours = (h: GardeHours): GardeHours => ({ weekdays: [...h.weekdays].sort((a, b) => a - b), from: h.from, to: h.to });

export async function joinCoop(ctx: Ctx, coopId: string, input: { minutesPerWeek: number; custody: CustodyWeeks } & GardeHours): Promise<{ ok: true }> {
  const me = await requireFamily(ctx);
  const over = weeklyMinutesOver(input, input.minutesPerWeek);
  if (over) throw new AppError('http/invalid-input', { fields: [over] });
  return tx(ctx.db, async (t) => {
    const coop = await coops.getCoop(t, coopId, { lock: true });
    if (!coop) throw notFound();
    if (!neighbouring(ctx, me.neighbourhoodId, coop.neighbourhoodId)) throw new AppError('entraide/coop-too-far');
    const mismatch = hoursMismatch(coop.hours, input);
    if (mismatch) throw new AppError('entraide/coop-hours', { fields: [mismatch] });
    const list = await coops.members(t, coopId);
    if (list.length >= MAX_FAMILIES) throw new AppError('entraide/coop-full');
    await coops
      .addMember(t, coopId, { householdId: me.householdId, minutesPerWeek: input.minutesPerWeek, custody: input.custody, hours: gardeHours(input) }, ctx.now())
      .catch((err) => onConstraint(err, { entraide_coop_members_pkey: () => new AppError('entraide/coop-member') }));
    await audit(t, ctx, 'entraide/coop-joined', { householdId: me.householdId, subjectType: 'entraide_coop', subjectId: coopId });
    return { ok: true as const };
  });
}

async function memberOf(ctx: Ctx, coopId: string) {
  const me = await requireFamily(ctx);
  const coop = await coops.getCoop(ctx.db, coopId);
  if (!coop) throw notFound();
  const list = await coops.members(ctx.db, coopId);
  if (!list.some((m) => m.householdId === me.householdId)) throw notFound();
  return { me, coop, list };
}

export async function setWeek(ctx: Ctx, coopId: string, monday: string, minutes: number): Promise<{ ok: true }> {
  const { me, list } = await memberOf(ctx, coopId);
  if (!mondaysOf(monday.slice(0, 7)).includes(monday))
    throw new AppError('entraide/invalid-dates', { fields: [{ path: 'monday', message: 'Indiquez le lundi de la semaine.' }] });
  const over = weeklyMinutesOver(list.find((m) => m.householdId === me.householdId)?.hours, minutes);
  if (over) throw new AppError('http/invalid-input', { fields: [{ ...over, path: 'minutes' }] });
  return tx(ctx.db, async (t) => {
    await coops.setWeek(t, coopId, me.householdId, monday, minutes);
    await audit(t, ctx, 'entraide/coop-week-set', { householdId: me.householdId, subjectType: 'entraide_coop', subjectId: coopId, details: { monday } });
    return { ok: true as const };
  });
}

export async function myCoops(ctx: Ctx) {
  const me = await requireFamily(ctx);
  const mine = await coops.coopsOf(ctx.db, me.householdId);
  const around = ctx.town.neighbourhoods.filter((n) => neighbouring(ctx, me.neighbourhoodId, n.id)).map((n) => n.id);
  const open = (await coops.openCoops(ctx.db, around)).filter((c) => !mine.some((m) => m.id === c.id));
  return { month: parisDate(ctx.now()).slice(0, 7), coops: mine, open };
}

/** The month's split, for a member: each family's hours and share (the others' as "Famille 2, 3…"), what I owe. */
export async function split(ctx: Ctx, coopId: string, month: string) {
  const { me, coop, list } = await memberOf(ctx, coopId);
  const mondays = monthSplit(month, coop.hourlyCostCents, [], []).mondays;
  const entries = mondays.length ? await coops.weeks(ctx.db, coopId, mondays[0]!, mondays[mondays.length - 1]!) : [];
  const r = monthSplit(month, coop.hourlyCostCents, list, entries);
  let k = 1;
  const families = r.shares.map((s) => ({
    label: s.familyId === me.householdId ? 'Votre famille' : `Famille ${++k}`,
    mine: s.familyId === me.householdId,
    minutes: s.minutes,
    cents: s.cents,
  }));
  return {
    coopId,
    name: coop.name,
    month,
    weeks: r.mondays.length,
    hourlyCostCents: coop.hourlyCostCents,
    childminderMinutes: r.childminderMinutes,
    totalCents: r.totalCents,
    myCents: families.find((f) => f.mine)?.cents ?? 0,
    families,
    roundingRule: ROUNDING_RULE_FR,
  };
}

/**
 * What the CMG may cover of my share of the month (an estimate: the family gives its monthly
 * resources and children; nothing is stored). Barème in rules/entraide/cmg-garde-domicile.json.
 */
export async function cmgEstimate(ctx: Ctx, coopId: string, q: { month: string; resources: number; children: number }) {
  const s = await split(ctx, coopId, q.month);
  const mine = s.families.find((f) => f.mine);
  const p = cmgParameters();
  const e = estimateCmg(p, { minutes: mine?.minutes ?? 0, costCents: s.myCents, monthlyResourcesCents: q.resources * 100, children: q.children });
  return {
    month: s.month,
    minutes: mine?.minutes ?? 0,
    myCents: s.myCents,
    ...e,
    hourlyCostCapCents: p.hourlyCostCapCents,
    rulesFrom: p.from,
  };
}
