/**
 * A parent ambassador is the ambassador of the neighbourhood its household lives in. When its
 * file (dossiers) says another neighbourhood — the family moved — or it has no active file any
 * more, the appointment ends: removed, audited `entraide/ambassador-ended` (reason `moved`), and
 * the agent who appointed it is told by e-mail (staff text, French) so that the neighbourhood
 * gets a new ambassador — or the parent is named again for its new one, from its file.
 *
 * Dossiers offers no hook on a change of address (src/modules/dossiers/index.ts): the check
 * runs each time the role is read (the ambassador's powers and pages, the agent's page) and
 * every morning for every ambassador (job `entraide.check-ambassadors`).
 */
import { audit } from '../../platform/audit';
import { makeCtx, type Ctx, type Deps } from '../../platform/context';
import { tx, type Queryable } from '../../platform/db/pool';
import { defineJob } from '../../platform/jobs';
import { queueLocalized } from '../../platform/notify/localized';
import { familyCardOfUser, householdNeighbourhoods } from '../dossiers/index';
import * as store from './entraide.store';

/** The household of a parent account and its neighbourhood as its file says now (null: no active file). */
export async function homeOf(
  q: Queryable,
  userId: string,
): Promise<{ householdId: string; neighbourhoodId: string | null; firstName: string | null; lastName: string | null } | null> {
  const card = await familyCardOfUser(q, userId);
  if (!card) return null;
  const n = (await householdNeighbourhoods(q, [card.id])).get(card.id) ?? null;
  return { householdId: card.id, neighbourhoodId: n, firstName: card.parent.firstName, lastName: card.parent.lastName };
}

/** The neighbourhood `userId` is the ambassador of now (null: none; an appointment whose family moved is ended here). */
export async function ambassadorOf(ctx: Ctx, userId: string, q: Queryable = ctx.db): Promise<string | null> {
  const n = await store.ambassadorNeighbourhood(q, userId);
  if (!n) return null;
  if ((await homeOf(q, userId))?.neighbourhoodId === n) return n;
  return (await endIfMoved(ctx, userId)) ? null : n;
}

const nameOf = (ctx: Ctx, id: string | null) => (id ? (ctx.town.neighbourhoods.find((x) => x.id === id)?.name ?? id) : null);

/** Ends the appointment when the family no longer lives in its neighbourhood (checked again under the row's lock); true if ended. */
export async function endIfMoved(ctx: Ctx, userId: string): Promise<boolean> {
  return tx(ctx.db, async (t) => {
    const row = await store.lockAmbassador(t, userId);
    if (!row) return false;
    const home = await homeOf(t, userId);
    if (home && home.neighbourhoodId === row.neighbourhoodId) return false;
    await store.removeAmbassador(t, userId);
    // The platform ends it (the family's file decided), whoever's request noticed it: no actor.
    await audit(t, makeCtx(ctx, null, ctx.requestId, ctx.ip), 'entraide/ambassador-ended', {
      householdId: home?.householdId ?? null,
      subjectType: 'user',
      subjectId: userId,
      details: { reason: 'moved', neighbourhoodId: row.neighbourhoodId, nowIn: home?.neighbourhoodId ?? null },
    });
    const agent = row.appointedBy ? await store.activeStaffEmail(t, row.appointedBy) : null;
    if (agent) {
      const parent = home ? [home.firstName, home.lastName ? `${home.lastName.slice(0, 1)}.` : null].filter(Boolean).join(' ') : '';
      await queueLocalized(t, ctx.jobs, {
        channel: 'email',
        recipient: agent,
        userId: row.appointedBy,
        template: 'entraide.ambassador-moved',
        vars: {
          parent: parent || 'Un parent',
          from: nameOf(ctx, row.neighbourhoodId) ?? row.neighbourhoodId,
          to: nameOf(ctx, home?.neighbourhoodId ?? null) ?? 'none',
        },
      });
    } else ctx.log.info({ neighbourhoodId: row.neighbourhoodId }, 'entraide: an ambassador moved; the agent who appointed it has no active account to tell');
    return true;
  });
}

/** Every morning: each ambassador whose family moved is no longer one (the agent told). */
export async function checkAmbassadors(deps: Deps): Promise<{ ended: number }> {
  const ctx = makeCtx(deps, null, 'job:entraide.check-ambassadors');
  let ended = 0;
  for (const a of await store.ambassadors(ctx.db)) {
    if ((await homeOf(ctx.db, a.userId))?.neighbourhoodId === a.neighbourhoodId) continue;
    if (await endIfMoved(ctx, a.userId)) ended++;
  }
  return { ended };
}

export const checkAmbassadorsJob = defineJob({
  name: 'entraide.check-ambassadors',
  cron: '30 6 * * *',
  async handler(_data, deps) {
    deps.log.info(await checkAmbassadors(deps), 'entraide ambassadors checked against their files');
  },
});
