/**
 * Allocation of scarce places (attribution des places) by published, weighted criteria.
 * Pure: the same campaign gives the same result whatever the order of its applications.
 *
 * The rules, published to families as they are written here:
 * - an application's score is the sum, over the campaign's criteria, of weight × value
 *   (values from 0 to 1; a criterion the application does not claim counts 0);
 * - applications are ordered by score, highest first (scores compared after rounding to
 *   2 decimals), then by submission time, earliest first, then by application id; an
 *   application's rank is its 1-based position in that order;
 * - the applications of one family are siblings and move together: their unit takes the
 *   rank of its best-placed application and is admitted only where all of them fit, in
 *   the first group, in that application's order of choices, that every sibling asked for
 *   and that has room for all; otherwise the whole unit waits;
 * - units are served in that order, each admitted to the first of its choices with room
 *   left; those who find none are on the waitlist in the same order, positions from 1.
 */

export interface Group {
  id: string;
  capacity: number;
}

export interface Criterion {
  id: string;
  weight: number;
}

export interface Application {
  id: string;
  family: string;
  /** ISO 8601 instant with its offset. */
  submittedAt: string;
  /** Criterion id → value in [0, 1]. */
  criteria: Record<string, number>;
  /** Group ids, in the family's order of preference. */
  choices: string[];
}

export interface Campaign {
  groups: Group[];
  criteria: Criterion[];
  applications: Application[];
}

export type Outcome = { status: 'admitted'; group: string } | { status: 'waitlist'; position: number };

export interface ApplicationResult {
  id: string;
  family: string;
  score: number;
  /** Criterion id → points (weight × value), every criterion of the campaign. */
  breakdown: Record<string, number>;
  rank: number;
  outcome: Outcome;
}

export interface GroupResult {
  id: string;
  capacity: number;
  admitted: number;
  /** The score of the last application admitted to the group (null if none was). */
  lastAdmittedScore: number | null;
}

export interface Allocation {
  /** Applications in rank order. */
  applications: ApplicationResult[];
  groups: GroupResult[];
}

/** Rounds to 2 decimals, half away from zero, robust to binary noise (0.285 → 0.29). */
export function round2(x: number): number {
  const scaled = x * 100;
  const nudged = scaled + Math.sign(scaled) * Math.max(1e-9, Math.abs(scaled) * 1e-12);
  return (Math.round(Math.abs(nudged)) * Math.sign(nudged)) / 100 || 0;
}

export function scoreOf(app: Application, criteria: readonly Criterion[]): { score: number; breakdown: Record<string, number> } {
  const breakdown: Record<string, number> = {};
  let total = 0;
  for (const c of criteria) {
    const points = c.weight * (app.criteria[c.id] ?? 0);
    breakdown[c.id] = round2(points);
    total += points;
  }
  return { score: round2(total), breakdown };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The published order: score descending, then submission ascending, then id. */
export function rankOrder(scored: readonly { id: string; score: number; submittedMs: number }[]): number[] {
  const idx = scored.map((_, i) => i);
  idx.sort((i, j) => {
    const a = scored[i]!;
    const b = scored[j]!;
    if (a.score !== b.score) return b.score - a.score;
    if (a.submittedMs !== b.submittedMs) return a.submittedMs - b.submittedMs;
    return compareIds(a.id, b.id);
  });
  return idx;
}

export function allocate(campaign: Campaign): Allocation {
  const { groups, criteria, applications } = campaign;
  const scored = applications.map((app) => {
    const { score, breakdown } = scoreOf(app, criteria);
    return { app, id: app.id, score, breakdown, submittedMs: Date.parse(app.submittedAt) };
  });
  const order = rankOrder(scored);
  const rankOf = new Map<string, number>();
  order.forEach((i, pos) => rankOf.set(scored[i]!.id, pos + 1));

  // Units: one per family, in the order of its best-ranked application.
  const units = new Map<string, number[]>(); // family → indexes of its applications, in rank order
  for (const i of order) {
    const family = scored[i]!.app.family;
    const unit = units.get(family);
    if (unit) unit.push(i);
    else units.set(family, [i]);
  }

  const room = new Map(groups.map((g) => [g.id, g.capacity]));
  const admittedCount = new Map(groups.map((g) => [g.id, 0]));
  const lastScore = new Map<string, number>();
  const outcomes = new Map<number, Outcome>();
  let position = 0;
  for (const members of units.values()) {
    const lead = scored[members[0]!]!.app;
    const listedByAll = (groupId: string) => members.every((m) => scored[m]!.app.choices.includes(groupId));
    const target = lead.choices.find((g) => listedByAll(g) && (room.get(g) ?? 0) >= members.length);
    if (target) {
      room.set(target, room.get(target)! - members.length);
      admittedCount.set(target, admittedCount.get(target)! + members.length);
      for (const m of members) outcomes.set(m, { status: 'admitted', group: target });
      // Members come in rank order: the last one holds the lowest admitted score so far.
      lastScore.set(target, scored[members[members.length - 1]!]!.score);
    } else {
      for (const m of members) outcomes.set(m, { status: 'waitlist', position: ++position });
    }
  }

  return {
    applications: order.map((i) => {
      const s = scored[i]!;
      return { id: s.id, family: s.app.family, score: s.score, breakdown: s.breakdown, rank: rankOf.get(s.id)!, outcome: outcomes.get(i)! };
    }),
    groups: groups.map((g) => ({ id: g.id, capacity: g.capacity, admitted: admittedCount.get(g.id)!, lastAdmittedScore: lastScore.get(g.id) ?? null })),
  };
}

/** Replaces the weights of the named criteria (a what-if, or `--weights`). */
export function withWeights(campaign: Campaign, weights: Record<string, number>): Campaign {
  return { ...campaign, criteria: campaign.criteria.map((c) => (c.id in weights ? { ...c, weight: weights[c.id]! } : c)) };
}

export interface StatusChange {
  id: string;
  family: string;
  before: Outcome;
  after: Outcome;
  scoreBefore: number;
  scoreAfter: number;
  rankBefore: number;
  rankAfter: number;
}

function sameOutcome(a: Outcome, b: Outcome): boolean {
  if (a.status === 'admitted' && b.status === 'admitted') return a.group === b.group;
  return a.status === b.status; // a waitlist position moving is not a change of status
}

/** What-if: the applications whose outcome differs between two allocations of one campaign. */
export function compareAllocations(before: Allocation, after: Allocation): StatusChange[] {
  const afterById = new Map(after.applications.map((a) => [a.id, a]));
  const changes: StatusChange[] = [];
  for (const b of before.applications) {
    const a = afterById.get(b.id);
    if (!a || sameOutcome(b.outcome, a.outcome)) continue;
    changes.push({
      id: b.id,
      family: b.family,
      before: b.outcome,
      after: a.outcome,
      scoreBefore: b.score,
      scoreAfter: a.score,
      rankBefore: b.rank,
      rankAfter: a.rank,
    });
  }
  return changes;
}
