/**
 * Opening hours that change with the season ("Jul-Aug off", "week 1-26", school holidays)
 * give a different typical week over time: a nightly job recomputes the weekly intervals
 * of those services, so the "open now / Saturday morning / after 18 h" filters stay true.
 */
import { makeCtx, type Ctx, type Deps } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { defineJob } from '../../platform/jobs';
import * as store from './annuaire.store';
import { weeklyIntervals } from './opening-hours';
import { multirangeLiteral } from './search-query';

/** Rules whose week depends on the date (months, weeks, years, school holidays, easter). */
export const SEASONAL = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|week|SH|easter)\b|\b\d{4}\b/;

export function isSeasonal(value: string): boolean {
  return SEASONAL.test(value);
}

export async function refreshSeasonalHours(ctx: Ctx): Promise<number> {
  // System job: no user.
  const now = ctx.now();
  return tx(ctx.db, async (t) => {
    const rows = await store.servicesWithSeasonalHours(t);
    let n = 0;
    for (const r of rows) {
      if (!isSeasonal(r.horaires_accueil)) continue;
      const week = multirangeLiteral(weeklyIntervals(r.horaires_accueil, now));
      if (await store.setWeekOpen(t, r.id, week)) n++;
    }
    return n;
  });
}

export const refreshHoursJob = defineJob({
  name: 'annuaire.refresh-hours',
  cron: '15 3 * * *',
  handler: async (_data: object, deps: Deps) => {
    await refreshSeasonalHours(makeCtx(deps, null, 'job:annuaire.refresh-hours'));
  },
});
