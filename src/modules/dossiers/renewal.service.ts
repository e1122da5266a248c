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
import { queueNotification } from '../../platform/notify/outbox';
import { requireRole } from '../../platform/roles';
import { loadHousehold } from './dossiers.store';
import { applyPatch, mutate, ownHouseholdId, type HouseholdPatch } from './household.service';
import { DEFAULT_RENEWAL_DATE, dueCampaign, isValidRenewalDate, type RenewalDate } from './renewal';

const SETTING_KEY = 'dossiers.renewal-date';

export async function getRenewalDate(q: Queryable): Promise<RenewalDate> {
  const { rows } = await q.query(`SELECT value FROM platform_state WHERE key = $1`, [SETTING_KEY]);
  return (rows[0]?.value as RenewalDate) ?? DEFAULT_RENEWAL_DATE;
}

export async function setRenewalDate(ctx: Ctx, d: RenewalDate) {
  requireRole(ctx, 'coordinator', 'admin');
  if (!isValidRenewalDate(d)) throw new AppError('dossiers/invalid-date', { fields: [{ path: 'day', message: 'Cette date est impossible.' }] });
  await tx(ctx.db, async (t) => {
    await t.query(
      `INSERT INTO platform_state (key, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
      [SETTING_KEY, JSON.stringify(d), ctx.now()],
    );
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
  const { rows } = await ctx.db.query<{ id: string }>(
    `SELECT h.id FROM households h
      WHERE h.status = 'active' AND h.created_at < $1
        AND NOT EXISTS (SELECT 1 FROM household_renewals r WHERE r.household_id = h.id AND r.campaign_year = $2)
      ORDER BY h.created_at LIMIT 5000`,
    [parisInstant(campaign.date), campaign.year],
  );
  let opened = 0;
  for (const { id } of rows) {
    await tx(ctx.db, async (t) => {
      const ins = await t.query(
        `INSERT INTO household_renewals (household_id, campaign_year, opened_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id`,
        [id, campaign.year, ctx.now()],
      );
      if (!ins.rowCount) return;
      opened++;
      const h = (await loadHousehold(t, id, today))!;
      const expired = h.documents.filter((d) => d.expired).length;
      const link = `${deps.config.publicUrl}/dossier/renouvellement`;
      const body =
        `Bonjour,\n\nC'est le moment de renouveler votre dossier pour l'année ${campaign.year}. ` +
        `Il est déjà rempli : vérifiez-le et corrigez ce qui a changé, en quelques minutes.\n` +
        (expired ? `${expired} justificatif(s) ne sont plus valables : pensez à les remplacer.\n` : '') +
        `\n${link}\n\n${deps.town.ccasName}`;
      const recipient = h.parent.email ?? h.parent.phone;
      if (recipient) {
        await queueNotification(t, deps.jobs, {
          channel: h.parent.email ? 'email' : 'sms',
          recipient,
          userId: h.parentUserId,
          template: 'dossiers.renewal-open',
          subject: `Renouvelez votre dossier ${campaign.year}`,
          body,
        });
      }
      await audit(t, ctx, 'dossiers/renewal-opened', { householdId: id, subjectType: 'renewal', subjectId: ins.rows[0].id, details: { year: campaign.year, expiredDocuments: expired } });
    });
  }
  return { opened };
}

async function openRenewal(q: Queryable, householdId: string) {
  const { rows } = await q.query(
    `SELECT id, campaign_year AS "campaignYear", opened_at AS "openedAt", confirmed_at AS "confirmedAt"
       FROM household_renewals WHERE household_id = $1 AND confirmed_at IS NULL ORDER BY campaign_year DESC LIMIT 1`,
    [householdId],
  );
  return rows[0] ?? null;
}

export async function myRenewal(ctx: Ctx) {
  const id = await ownHouseholdId(ctx);
  const renewal = await openRenewal(ctx.db, id);
  if (!renewal) return { renewal: null, household: null, expiredDocuments: [] };
  const h = (await loadHousehold(ctx.db, id, parisDate(ctx.now())))!;
  return { renewal, household: h, expiredDocuments: h.documents.filter((d) => d.expired) };
}

/** The family confirms its file, with the corrections of the renewal steps. */
export async function confirmRenewal(ctx: Ctx, patch: HouseholdPatch) {
  const id = await ownHouseholdId(ctx);
  return tx(ctx.db, async (t) => {
    const renewal = await openRenewal(t, id);
    if (!renewal) throw new AppError('dossiers/no-renewal');
    const { changed, household } = await mutate(ctx, id, 'renewal', (t2, before) => applyPatch(ctx, t2, before, patch), { t });
    await t.query(`UPDATE household_renewals SET confirmed_at = $2, confirmed_by = $3, changes_count = $4 WHERE id = $1`, [renewal.id, ctx.now(), ctx.user!.id, changed]);
    await t.query(`UPDATE households SET last_confirmed_at = $2 WHERE id = $1`, [id, ctx.now()]);
    // The referent agent, if any, checks what changed (it may change granted aids or ranks).
    if (changed > 0) {
      await t.query(
        `INSERT INTO household_tasks (household_id, kind, note, created_by, created_at, assigned_to)
         SELECT id, 'renewal_review', $2, $3, $4, referent_agent_id FROM households WHERE id = $1 AND referent_agent_id IS NOT NULL`,
        [id, `Renouvellement ${renewal.campaignYear} : ${changed} modification(s)`, ctx.user!.id, ctx.now()],
      );
    }
    await audit(t, ctx, 'dossiers/renewal-confirmed', { householdId: id, subjectType: 'renewal', subjectId: renewal.id, details: { year: renewal.campaignYear, changes: changed } });
    return { campaignYear: renewal.campaignYear, changes: changed, household: { ...household, lastConfirmedAt: ctx.now().toISOString() } };
  });
}
