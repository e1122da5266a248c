/**
 * The published allocation as coordinators and agents follow it: per group, who was admitted,
 * the waitlist in order and the last admitted score; per family (by number, never a name),
 * its points by criterion, rank and outcome; and every offer's life, so that an expiry or a
 * refusal can be seen passing the place to the next family.
 */
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import * as store from './attribution.store';
import { outcomeOf, STAFF } from './campaign.service';

export async function campaignResults(ctx: Ctx, id: string) {
  requireRole(ctx, ...STAFF);
  const c = await store.getCampaign(ctx.db, id);
  if (!c) throw new AppError('attribution/not-found');
  const run = c.status === 'published' ? await store.runOf(ctx.db, id) : null;
  if (!run) throw new AppError('attribution/not-published');
  const [groups, criteria, apps, results, offers] = await Promise.all([
    store.groupsOf(ctx.db, id),
    store.criteriaOf(ctx.db, id),
    store.applicationsOf(ctx.db, id),
    store.resultsOfRun(ctx.db, run.id),
    store.offersOfCampaign(ctx.db, id),
  ]);
  const labels = new Map(groups.map((g) => [g.id, g.label]));
  const app = new Map(apps.map((a) => [a.id, a]));
  const number = (applicationId: string) => app.get(applicationId)?.number ?? 0;
  const lastOffer = new Map(offers.map((o) => [o.applicationId, o]));
  const offerOf = (applicationId: string) => {
    const o = lastOffer.get(applicationId);
    return o ? { status: o.status, groupLabel: labels.get(o.groupId) ?? '' } : null;
  };
  const ranked = (r: store.ResultRow) => ({
    id: r.applicationId,
    number: number(r.applicationId),
    score: r.score,
    rank: r.rank,
    position: r.position,
    offer: offerOf(r.applicationId),
  });
  const waitlist = results.filter((r) => r.status === 'waitlist').sort((a, b) => a.position! - b.position!);
  const count = (status: store.OfferRow['status']) => offers.filter((o) => o.status === status).length;
  return {
    publishedAt: run.createdAt,
    total: results.length,
    offers: { offered: count('offered'), confirmed: count('confirmed'), refused: count('refused'), expired: count('expired') },
    groups: groups.map((g) => ({
      id: g.id,
      label: g.label,
      period: g.period,
      capacity: g.capacity,
      lastAdmittedScore: run.groups.find((x) => x.id === g.id)?.lastAdmittedScore ?? null,
      admitted: results.filter((r) => r.status === 'admitted' && r.groupId === g.id).map(ranked),
      waitlist: waitlist.filter((r) => app.get(r.applicationId)?.choices.includes(g.id)).map(ranked),
      offers: offers.filter((o) => o.groupId === g.id),
    })),
    applications: results.map((r) => {
      const o = lastOffer.get(r.applicationId);
      return {
        id: r.applicationId,
        number: number(r.applicationId),
        score: r.score,
        rank: r.rank,
        outcome: outcomeOf(r, labels),
        breakdown: criteria.map((x) => ({ code: x.code, label: x.label, points: r.breakdown[x.code] ?? 0 })),
        offer: o ? { ...o, groupLabel: labels.get(o.groupId) ?? '' } : null,
      };
    }),
  };
}
