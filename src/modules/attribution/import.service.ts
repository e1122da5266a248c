/**
 * A campaign file (`relais attribution run FILE.json`, without --dry-run) stored as the same
 * tables the application uses: groups, criteria and applications keep the file's ids
 * (external ids), the allocation is stored as the campaign's published run. The town's other
 * tools make the offers: an imported campaign creates none. A file already imported (same
 * content) is not stored twice.
 */
import { createHash } from 'node:crypto';
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import type { Allocation, Campaign } from './allocate';
import * as store from './attribution.store';
import { DEFAULT_TIE_BREAK } from './default-rules';

function fingerprint(raw: string): string {
  return `fichier:${createHash('sha256').update(raw).digest('hex').slice(0, 32)}`;
}

export async function importCampaign(
  ctx: Ctx,
  file: { name: string; raw: string; campaign: Campaign; allocation: Allocation; kind: store.CampaignKind },
): Promise<{ id: string; created: boolean }> {
  const externalId = fingerprint(file.raw);
  return tx(ctx.db, async (t) => {
    const existing = await store.campaignByExternalId(t, externalId);
    if (existing) return { id: existing.id, created: false };
    const now = ctx.now();
    const id = await store.insertCampaign(t, {
      externalId,
      kind: file.kind,
      title: `Campagne importée (${file.name})`,
      description: '',
      opensAt: null,
      closesAt: null,
      offerDays: 7,
      tieBreak: DEFAULT_TIE_BREAK,
      status: 'published',
      now,
    });
    const groupId = new Map<string, string>();
    for (const [i, g] of file.campaign.groups.entries()) {
      groupId.set(
        g.id,
        await store.upsertGroup(t, id, {
          externalId: g.id,
          label: g.id,
          capacity: g.capacity,
          ageMin: null,
          ageMax: null,
          site: '',
          period: '',
          position: i + 1,
        }),
      );
    }
    await store.replaceCriteria(
      t,
      id,
      file.campaign.criteria.map((c, i) => ({
        code: c.id,
        label: c.id,
        description: '',
        weight: c.weight,
        proof: '',
        proofDocument: null,
        derive: null,
        position: i + 1,
      })),
    );
    const appId = new Map<string, string>();
    for (const [i, a] of file.campaign.applications.entries()) {
      appId.set(
        a.id,
        await store.insertApplication(t, {
          campaignId: id,
          number: i + 1,
          householdId: null,
          childId: null,
          childFirstName: null,
          childBirthDate: null,
          externalId: a.id,
          familyKey: a.family,
          keepTogether: true,
          submittedAt: a.submittedAt,
          criteria: Object.fromEntries(Object.entries(a.criteria).map(([k, v]) => [k, { value: v, source: 'declared' as const }])),
          choices: a.choices.map((g) => groupId.get(g)!),
        }),
      );
    }
    const runId = await store.insertRun(t, {
      campaignId: id,
      weights: Object.fromEntries(file.campaign.criteria.map((c) => [c.id, c.weight])),
      capacities: Object.fromEntries(file.campaign.groups.map((g) => [groupId.get(g.id)!, g.capacity])),
      groups: file.allocation.groups.map((g) => ({ ...g, id: groupId.get(g.id)! })),
      createdAt: now,
      createdBy: null,
    });
    await store.insertResults(
      t,
      runId,
      file.allocation.applications.map((a) => ({
        applicationId: appId.get(a.id)!,
        score: a.score,
        breakdown: a.breakdown,
        rank: a.rank,
        status: a.outcome.status,
        groupId: a.outcome.status === 'admitted' ? groupId.get(a.outcome.group)! : null,
        position: a.outcome.status === 'waitlist' ? a.outcome.position : null,
      })),
    );
    await audit(t, ctx, 'attribution/imported', { subjectType: 'campaign', subjectId: id, details: { applications: file.campaign.applications.length } });
    return { id, created: true };
  });
}
