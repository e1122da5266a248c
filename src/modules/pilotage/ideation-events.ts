/**
 * A proposal's events and the telling of them: an event is written in the transaction of its
 * cause and the `pilotage.tell-followers` job is sent in the same transaction; the job queues
 * one notification (e-mail, else SMS) per author and supporter, in their language, through the platform outbox,
 * then marks the event told. Its hourly sweep tells what a process without the queue left.
 */
import type { Ctx, Deps } from '../../platform/context';
import { tx, type Queryable } from '../../platform/db/pool';
import { defineJob } from '../../platform/jobs';
import { queueLocalized } from '../../platform/notify/localized';
import { eventVars } from './ideation-messages';
import * as store from './ideation.store';

export async function recordEvent(ctx: Ctx, t: Queryable, proposalId: string, kind: store.EventKind, detail: string | null): Promise<void> {
  await store.insertEvent(t, proposalId, kind, detail, ctx.now());
  if (ctx.jobs.started) await tellFollowersJob.send(ctx, {}, { tx: t });
}

/** An action's status changed: if it comes from a proposal, its followers are told. */
export async function actionStatusChanged(ctx: Ctx, t: Queryable, actionId: string, status: string): Promise<void> {
  const proposal = await store.proposalOfAction(t, actionId);
  if (proposal) await recordEvent(ctx, t, proposal.id, 'action-status', status);
}

/** Tells every event not yet told; returns how many messages were queued. */
export async function tellFollowers(deps: Deps): Promise<{ events: number; messages: number }> {
  return tx(deps.db, async (t) => {
    const events = await store.untoldEvents(t, 200);
    let messages = 0;
    for (const e of events) {
      const authorOnly = e.kind === 'published' || e.kind === 'refused';
      for (const r of await store.recipients(t, e.proposalId, authorOnly)) {
        const recipient = r.email ?? r.phone;
        if (!recipient) continue;
        // In the recipient's language (users.locale): src/modules/pilotage/messages/<locale>.json.
        await queueLocalized(t, deps.jobs, {
          channel: r.email ? 'email' : 'sms',
          recipient,
          userId: r.userId,
          template: `pilotage.idea-${e.kind}`,
          vars: eventVars(e, r.isAuthor, { link: `${deps.config.publicUrl}/idees`, ccas: deps.town.ccasName }),
        });
        messages++;
      }
    }
    await store.markTold(
      t,
      events.map((e) => e.id),
      deps.clock.now(),
    );
    return { events: events.length, messages };
  });
}

export const tellFollowersJob = defineJob({
  name: 'pilotage.tell-followers',
  cron: '*/15 * * * *',
  async handler(_data, deps) {
    const r = await tellFollowers(deps);
    if (r.events) deps.log.info(r, 'pilotage ideas: followers told');
  },
});
