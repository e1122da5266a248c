/**
 * Places passed on: when an offer is refused or expires, the group's freed places go to
 * the next families of the published waitlist (in its order) that asked for that group and
 * were never offered a place; siblings kept together only when all of them fit.
 * Runs inside the caller's transaction, under the group's row lock.
 */
import type { Tx } from '../../platform/db/pool';
import type { Jobs } from '../../platform/jobs';
import * as store from './attribution.store';
import { notifyFamily } from './notify';

export function offerDeadline(now: Date, offerDays: number): Date {
  return new Date(now.getTime() + offerDays * 86_400_000);
}

export async function passOn(t: Tx, jobs: Jobs, campaignId: string, groupId: string, now: Date): Promise<number> {
  let room = await store.lockGroupRoom(t, groupId);
  if (room <= 0) return 0;
  const run = await store.runOf(t, campaignId);
  const campaign = await store.getCampaign(t, campaignId);
  if (!run || !campaign) return 0;
  const units = new Map<string, { applicationId: string; householdId: string | null; choices: string[]; offered: boolean }[]>();
  for (const w of await store.waitlist(t, run.id)) {
    const unit = units.get(w.familyKey);
    if (unit) unit.push(w);
    else units.set(w.familyKey, [w]);
  }
  let made = 0;
  for (const members of units.values()) {
    if (room <= 0) break;
    if (members.some((m) => m.offered)) continue;
    if (!members.every((m) => m.choices.includes(groupId)) || members.length > room) continue;
    const expiresAt = offerDeadline(now, campaign.offerDays);
    for (const m of members) await store.insertOffer(t, { applicationId: m.applicationId, groupId, now, expiresAt, passedOn: true });
    const household = members[0]!.householdId;
    if (household) await notifyFamily(t, jobs, household, now, { campaignTitle: campaign.title, offerDeadline: expiresAt, template: 'attribution.offer' });
    room -= members.length;
    made += members.length;
  }
  return made;
}
