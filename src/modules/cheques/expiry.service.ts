/**
 * Credits expire with notice: 7 days before, the family is told in plain French what will
 * expire and when; at expiry, what is left of the credit becomes an 'expiry' entry the
 * family sees in its history. Spending draws on the soonest-expiring credits first, so
 * what is left of a credit is the balance beyond the credits that outlive it.
 */
import { audit } from '../../platform/audit';
import { parisDate } from '../../platform/clock';
import { makeCtx, type Deps } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { queueLocalized } from '../../platform/notify/localized';
import { readHouseholdAsSystem } from '../dossiers/index';
import * as store from './cheques.store';
import { addDays } from './eligibility';
import { dayAsDate } from './kinds';

export const NOTICE_DAYS = 7;

/** What is left of a credit: the balance beyond the credits that expire after it, at most its amount. */
async function leftOf(q: Parameters<typeof store.balanceOf>[0], c: store.ExpiringCredit, now: Date): Promise<number> {
  const { availableCents } = await store.balanceOf(q, c.accountId, now);
  const later = await store.creditsValidAfter(q, c.accountId, c.expiresAt);
  return Math.max(0, Math.min(c.amountCents, availableCents - later));
}

export async function sendExpiryNotices(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const ctx = makeCtx(deps, null, 'cheques.expire');
  let sent = 0;
  for (const c of await store.creditsToNotice(deps.db, now, new Date(now.getTime() + NOTICE_DAYS * 86_400_000))) {
    await tx(deps.db, async (t) => {
      if (!(await store.markNoticed(t, c.id, now))) return;
      const left = await leftOf(t, c, now);
      if (left <= 0 || !c.householdId) return;
      const h = await readHouseholdAsSystem(t, c.householdId, now);
      const recipient = h?.parent.email ?? h?.parent.phone ?? null;
      if (!h || !recipient) return;
      // In the family's language (users.locale): src/modules/cheques/messages/<locale>.json.
      await queueLocalized(t, deps.jobs, {
        channel: h.parent.email ? 'email' : 'sms',
        recipient,
        userId: h.parentUserId,
        template: 'cheques.expiry-notice',
        vars: {
          hasName: h.parent.firstName ? 'yes' : 'no',
          name: h.parent.firstName ?? '',
          kind: c.kind,
          amount: left / 100,
          lastDay: dayAsDate(addDays(parisDate(c.expiresAt), -1)),
        },
      });
      await audit(t, ctx, 'cheques/expiry-noticed', { householdId: c.householdId, subjectType: 'cheques_entry', subjectId: c.id });
      sent++;
    });
  }
  return sent;
}

export async function expireCredits(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const ctx = makeCtx(deps, null, 'cheques.expire');
  let written = 0;
  for (const accountId of await store.accountsWithExpiredCredits(deps.db, now)) {
    await tx(deps.db, async (t) => {
      const account = await store.lockAccount(t, accountId);
      if (!account) return;
      const { balanceCents } = await store.balanceOf(t, accountId, now);
      let left = Math.max(0, balanceCents - (await store.creditsValidAfter(t, accountId, now)));
      // Latest expiry first: the balance sits in the latest credits.
      for (const c of await store.openExpiredCredits(t, accountId, now)) {
        const take = Math.min(c.amountCents, left);
        if (take > 0) {
          const id = await store.insertEntry(t, { accountId, type: 'expiry', amountCents: -take, reversesId: c.id, createdBy: null, now });
          await audit(t, ctx, 'cheques/expired', {
            householdId: account.householdId,
            subjectType: 'cheques_entry',
            subjectId: id,
            details: { kind: account.kind, amountCents: take },
          });
          left -= take;
          written++;
        }
        await store.markClosed(t, c.id, now);
      }
    });
  }
  return written;
}
