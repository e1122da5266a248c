/**
 * The yearly allowance (dotation annuelle): every active file that meets the town's rule
 * (rules/cheques/cheques.json → `allowance`) receives, once per calendar year, each kind's
 * `yearlyAllowanceCents`, valid to 31 December; the nightly expiry job then sends the
 * 7-day notice and writes the expiry of what is left. The job runs every night, so a family
 * whose file opens or qualifies during the year gets that year's allowance the next
 * morning; "once a year" is the database's unique index, not this loop.
 */
import { parisParts } from '../../platform/clock';
import { makeCtx, type Deps } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { queueLocalized } from '../../platform/notify/localized';
import { activeHouseholdIds, readHouseholdAsSystem } from '../dossiers/index';
import { chequesRules } from './cheques-rules';
import * as store from './cheques.store';
import { allowanceEligibility, factsOf } from './eligibility';
import { creditAccount } from './ledger.service';
import { dayAsDate, KINDS, type Kind } from './kinds';

/** More files than a town holds: the run reads every active file's id once. */
const MAX_HOUSEHOLDS = 200_000;

export interface AllowanceRun {
  year: number;
  /** Households credited by this run (with one or more kinds). */
  credited: number;
  /** Kinds × households credited, and the total in cents. */
  credits: number;
  totalCents: number;
  /** Households that already had this year's allowance of every kind. */
  already: number;
  /** Households whose file does not meet the rule (quotient missing or above the ceiling). */
  notEligible: number;
}

/** The kinds with a yearly allowance and its amount. */
export function allowanceKinds(): { kind: Kind; amountCents: number }[] {
  const rules = chequesRules();
  return KINDS.map((kind) => ({ kind, amountCents: rules.kinds[kind].yearlyAllowanceCents })).filter((k) => k.amountCents > 0);
}

/**
 * Credits this year's allowance to every eligible active file that does not hold it yet.
 * `dryRun` counts without writing anything (the CLI's --essai).
 */
export async function grantYearlyAllowances(deps: Deps, opts: { dryRun?: boolean } = {}): Promise<AllowanceRun> {
  const now = deps.clock.now();
  const ctx = makeCtx(deps, null, 'cheques.allowance');
  const year = parisParts(now).year;
  const run: AllowanceRun = { year, credited: 0, credits: 0, totalCents: 0, already: 0, notEligible: 0 };
  const kinds = allowanceKinds();
  if (!kinds.length) return run;
  const rule = chequesRules().allowance;
  const done = await store.allowancesOfYear(deps.db, year);
  for (const householdId of await activeHouseholdIds(deps.db, MAX_HOUSEHOLDS)) {
    const pending = kinds.filter((k) => !done.has(`${householdId}:${k.kind}`));
    if (!pending.length) {
      run.already++;
      continue;
    }
    const h = await readHouseholdAsSystem(deps.db, householdId, now);
    if (!h || h.status !== 'active') continue;
    if (!allowanceEligibility(factsOf(h), rule).eligible) {
      run.notEligible++;
      continue;
    }
    if (opts.dryRun) {
      run.credited++;
      run.credits += pending.length;
      run.totalCents += pending.reduce((s, k) => s + k.amountCents, 0);
      continue;
    }
    // A kind whose year is already on the account (a granted yearly aid, an agent, a racing
    // run) writes nothing: the unique index decides, and only what was credited is told.
    const credited = await tx(deps.db, async (t) => {
      const done: typeof pending = [];
      for (const k of pending) {
        const c = await creditAccount(t, ctx, {
          householdId,
          kind: k.kind,
          amountCents: k.amountCents,
          source: { kind: 'allowance', reason: `Dotation annuelle ${year}` },
          validUntil: `${year}-12-31`,
          allowanceYear: year,
        });
        if (!c.alreadyCredited) done.push(k);
      }
      const recipient = h.parent.email ?? h.parent.phone ?? null;
      if (recipient && done.length) {
        // One line per kind credited, in the family's language (src/modules/cheques/messages/<locale>.json).
        const amounts: Record<string, string | number> = {};
        for (const kind of KINDS) {
          const k = done.find((d) => d.kind === kind);
          amounts[`${kind}On`] = k ? 'yes' : 'no';
          amounts[kind] = k ? k.amountCents / 100 : 0;
        }
        await queueLocalized(t, deps.jobs, {
          channel: h.parent.email ? 'email' : 'sms',
          recipient,
          userId: h.parentUserId,
          template: 'cheques.allowance',
          vars: {
            hasName: h.parent.firstName ? 'yes' : 'no',
            name: h.parent.firstName ?? '',
            year: String(year),
            until: dayAsDate(`${year}-12-31`),
            ...amounts,
          },
        });
      }
      return done;
    });
    if (!credited.length) {
      run.already++;
      continue;
    }
    run.credited++;
    run.credits += credited.length;
    run.totalCents += credited.reduce((s, k) => s + k.amountCents, 0);
  }
  return run;
}
