/** The demand forecast a coordinator reads before setting a campaign's places: per group and period, from earlier campaigns of the same kind. */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import * as store from './attribution.store';
import { STAFF } from './campaign.service';
import { demandByGroupAndPeriod, mappableGroups } from './forecast';
import { demandHistory } from './history.store';

/** Demand (first choices) per group and period in earlier campaigns of the same kind, this campaign's so far, and the next one's forecast. */
export async function forecast(ctx: Ctx, id: string) {
  requireRole(ctx, ...STAFF);
  const c = await store.getCampaign(ctx.db, id);
  if (!c) throw new AppError('attribution/not-found');
  const [history, groups, apps] = await Promise.all([demandHistory(ctx.db, c.kind, id), store.groupsOf(ctx.db, id), store.applicationsOf(ctx.db, id)]);
  const campaigns = new Map<string, { id: string; title: string; opensAt: Date | null }>();
  for (const h of history) campaigns.set(h.campaignId, { id: h.campaignId, title: h.title, opensAt: h.opensAt });
  const current = new Map<string, number>();
  for (const a of apps) current.set(a.choices[0]!, (current.get(a.choices[0]!) ?? 0) + 1);
  return {
    campaigns: [...campaigns.values()],
    periods: demandByGroupAndPeriod(groups, [...campaigns.keys()], history, current),
    mappable: mappableGroups(history),
  };
}

/** A coordinator says which earlier groups a renamed or moved group continues (by their key), or undoes it (null). */
export async function mapGroup(ctx: Ctx, campaignId: string, groupId: string, key: string | null) {
  requireRole(ctx, 'coordinator', 'admin');
  await tx(ctx.db, async (t) => {
    const c = await store.getCampaign(t, campaignId);
    if (!c) throw new AppError('attribution/not-found');
    if (key !== null && !mappableGroups(await demandHistory(t, c.kind, campaignId)).some((g) => g.key === key))
      throw new AppError('attribution/unknown-group', { fields: [{ path: 'key', message: "Aucun groupe des campagnes précédentes n'a cette clé." }] });
    if (!(await store.setGroupForecastKey(t, campaignId, groupId, key))) throw new AppError('attribution/not-found');
    await audit(t, ctx, 'attribution/group-mapped', { subjectType: 'campaign', subjectId: campaignId, details: { group: groupId, mapped: key !== null } });
  });
  return { ok: true };
}
