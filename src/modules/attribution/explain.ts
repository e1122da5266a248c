/**
 * Why an application's status changes between the published rules and a what-if: its score
 * moved (which criteria, by how much), its rank moved, or places changed around it. Pure.
 */
import type { Allocation, StatusChange } from './allocate';

export interface ChangeReason {
  scoreBefore: number;
  scoreAfter: number;
  rankBefore: number;
  rankAfter: number;
  /** Criteria whose points differ, before → after. */
  criteria: { code: string; before: number; after: number }[];
}

export function explainChanges(before: Allocation, after: Allocation, changes: readonly StatusChange[]): Map<string, ChangeReason> {
  const b = new Map(before.applications.map((a) => [a.id, a]));
  const a = new Map(after.applications.map((x) => [x.id, x]));
  const out = new Map<string, ChangeReason>();
  for (const c of changes) {
    const x = b.get(c.id)!;
    const y = a.get(c.id)!;
    const criteria = Object.keys(x.breakdown)
      .filter((k) => x.breakdown[k] !== y.breakdown[k])
      .map((k) => ({ code: k, before: x.breakdown[k]!, after: y.breakdown[k] ?? 0 }));
    out.set(c.id, { scoreBefore: x.score, scoreAfter: y.score, rankBefore: x.rank, rankAfter: y.rank, criteria });
  }
  return out;
}
