/**
 * The daily job's work: tell the families when an aid ends — its end date near or just
 * passed (families receiving it, asking for it, or whose file makes them eligible), and in
 * December the yearly aids granted this year (to ask again on January 1st). Once per
 * household, aid, reason and period (`aid_end_notices_once`); each notice in its own
 * transaction with its audit entry.
 */
import { audit } from '../../platform/audit';
import { parisDate, parisParts } from '../../platform/clock';
import { type Ctx, type Deps, makeCtx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { activeHouseholdIds } from '../dossiers/index';
import { notifyHousehold } from './acting.service';
import { householdFacts } from './catalogue.service';
import * as catalogue from './catalogue.store';
import { evaluateAid } from './eligibility';
import { endsSoonOrJustEnded, isYearly, renewalSeason, type Situation } from './endings';
import { endedVars, renewalVars } from './family-notices';
import * as store from './endings.store';

async function tell(
  ctx: Ctx,
  n: { householdId: string; aidId: string; requestId: string | null; reason: 'aid-ended' | 'renewal'; period: string },
  vars: (locale: string) => Record<string, string>,
): Promise<boolean> {
  return tx(ctx.db, async (t) => {
    if (!(await store.insertEndNotice(t, n, ctx.now()))) return false;
    await notifyHousehold(ctx, t, n.householdId, 'aides.ending', vars);
    await audit(t, ctx, 'aides/end-notice-sent', {
      householdId: n.householdId,
      subjectType: 'aid',
      subjectId: n.aidId,
      details: { reason: n.reason, period: n.period, request: n.requestId },
    });
    return true;
  });
}

export async function notifyEndings(deps: Deps): Promise<{ ended: number; renewals: number }> {
  const ctx = makeCtx(deps, null, 'job:aides.notify-ending');
  const now = ctx.now();
  const today = parisDate(now);
  let ended = 0;
  let renewals = 0;

  const ending = (await catalogue.currentVersions(ctx.db)).filter((v) => endsSoonOrJustEnded(v.definition, today));
  const households = ending.length ? await activeHouseholdIds(ctx.db, 5000) : [];
  for (const v of ending) {
    const aid = v.definition;
    const concerned = new Map<string, { requestId: string | null; situation: Situation }>();
    for (const r of await store.liveRequestsOf(ctx.db, aid.id))
      concerned.set(r.householdId, { requestId: r.requestId, situation: r.status === 'accordee' || r.status === 'versee' ? 'receives' : 'asked' });
    // The families who had it in their results: their file makes them eligible (the end date aside).
    for (const id of households) {
      if (concerned.has(id)) continue;
      if (evaluateAid(aid, await householdFacts(ctx.db, id, now)).status === 'eligible') concerned.set(id, { requestId: null, situation: 'eligible' });
    }
    for (const [householdId, c] of concerned) {
      const msg = (locale: string) => endedVars(locale, aid.title, aid.end_date!, today, c.situation);
      if (await tell(ctx, { householdId, aidId: aid.id, requestId: c.requestId, reason: 'aid-ended', period: aid.end_date! }, msg)) ended++;
    }
  }

  if (renewalSeason(today)) {
    const year = parisParts(now).year;
    for (const r of await store.grantedIn(ctx.db, year)) {
      const v = await catalogue.versionOf(ctx.db, r.aidId, r.aidVersion);
      if (!v || !isYearly(v.definition)) continue;
      const msg = () => renewalVars(v.definition.title, year);
      if (await tell(ctx, { householdId: r.householdId, aidId: r.aidId, requestId: r.requestId, reason: 'renewal', period: String(year) }, msg)) renewals++;
    }
  }
  return { ended, renewals };
}
