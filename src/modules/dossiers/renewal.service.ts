/**
 * Yearly renewal: at the town's date, a job opens a pre-filled renewal for every
 * household and tells the family (outbox); the family confirms or corrects in a few
 * steps; expired documents are flagged.
 */
import { audit } from '../../platform/audit';
import { parisDate, parisInstant } from '../../platform/clock';
import { makeCtx, type Ctx, type Deps } from '../../platform/context';
import { tx, type Queryable } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { queueLocalized } from '../../platform/notify/localized';
import { requireRole } from '../../platform/roles';
import { loadHousehold } from './dossiers.store';
import { deleteDraft } from './draft.store';
import { renewedHooks } from './extensions';
import { applyPatch, mutate, ownHouseholdId, type HouseholdPatch } from './household.service';
import * as store from './renewal.store';
import { DEFAULT_RENEWAL_DATE, dueCampaign, isValidRenewalDate, type RenewalDate } from './renewal';

export async function getRenewalDate(q: Queryable): Promise<RenewalDate> {
  return ((await store.storedRenewalDate(q)) as RenewalDate | null) ?? DEFAULT_RENEWAL_DATE;
}

export async function setRenewalDate(ctx: Ctx, d: RenewalDate) {
  requireRole(ctx, 'coordinator', 'admin');
  if (!isValidRenewalDate(d)) throw new AppError('dossiers/invalid-date', { fields: [{ path: 'day', message: 'Cette date est impossible.' }] });
  await tx(ctx.db, async (t) => {
    await store.saveRenewalDate(t, d, ctx.now());
    await audit(t, ctx, 'dossiers/renewal-date-set', { details: { ...d } });
  });
  return d;
}

/** The job: open this year's renewal for every active file created before the date. Idempotent. */
export async function openDueRenewals(deps: Deps): Promise<{ opened: number }> {
  const ctx = makeCtx(deps, null, 'job:dossiers.open-renewals');
  const today = parisDate(ctx.now());
  const campaign = dueCampaign(today, await getRenewalDate(ctx.db));
  if (!campaign) return { opened: 0 };
  const ids = await store.householdsWithoutRenewal(ctx.db, parisInstant(campaign.date), campaign.year);
  let opened = 0;
  for (const id of ids) {
    await tx(ctx.db, async (t) => {
      const renewalId = await store.insertRenewal(t, id, campaign.year, ctx.now());
      if (!renewalId) return;
      opened++;
      const h = (await loadHousehold(t, id, today))!;
      const expired = h.documents.filter((d) => d.expired).length;
      const link = `${deps.config.publicUrl}/dossier/renouvellement`;
      const recipient = h.parent.email ?? h.parent.phone;
      if (recipient) {
        // In the family's language (users.locale): src/modules/dossiers/messages/<locale>.json.
        await queueLocalized(t, deps.jobs, {
          channel: h.parent.email ? 'email' : 'sms',
          recipient,
          userId: h.parentUserId,
          template: 'dossiers.renewal-open',
          vars: { year: String(campaign.year), expired, link, ccas: deps.town.ccasName },
        });
      }
      await audit(t, ctx, 'dossiers/renewal-opened', {
        householdId: id,
        subjectType: 'renewal',
        subjectId: renewalId,
        details: { year: campaign.year, expiredDocuments: expired },
      });
    });
  }
  return { opened };
}

export async function myRenewal(ctx: Ctx) {
  const id = await ownHouseholdId(ctx);
  const renewal = await store.openRenewal(ctx.db, id);
  if (!renewal) return { renewal: null, household: null, expiredDocuments: [] };
  const h = (await loadHousehold(ctx.db, id, parisDate(ctx.now())))!;
  return { renewal, household: h, expiredDocuments: h.documents.filter((d) => d.expired) };
}

/** The family confirms its file, with the corrections of the renewal steps. */
export async function confirmRenewal(ctx: Ctx, patch: HouseholdPatch) {
  const id = await ownHouseholdId(ctx);
  return tx(ctx.db, async (t) => {
    const renewal = await store.openRenewal(t, id);
    if (!renewal) throw new AppError('dossiers/no-renewal');
    const { changed, household } = await mutate(ctx, id, 'renewal', (t2, before) => applyPatch(ctx, t2, before, patch), { t });
    await store.confirmRenewal(t, { renewalId: renewal.id, householdId: id, by: ctx.user!.id, changes: changed, now: ctx.now() });
    await deleteDraft(t, ctx.user!.id, 'renouvellement');
    // The referent agent, if any, checks what changed (it may change granted aids or ranks).
    if (changed > 0) {
      await store.insertRenewalReviewTask(t, {
        householdId: id,
        note: `Renouvellement ${renewal.campaignYear} : ${changed} modification(s)`,
        createdBy: ctx.user!.id,
        now: ctx.now(),
      });
    }
    // What other modules renew with the file (the Pass Famille Solo…), in this transaction.
    for (const renewed of renewedHooks()) await renewed(t, ctx, { householdId: id, campaignYear: renewal.campaignYear });
    await audit(t, ctx, 'dossiers/renewal-confirmed', {
      householdId: id,
      subjectType: 'renewal',
      subjectId: renewal.id,
      details: { year: renewal.campaignYear, changes: changed },
    });
    return { campaignYear: renewal.campaignYear, changes: changed, household: { ...household, lastConfirmedAt: ctx.now().toISOString() } };
  });
}
