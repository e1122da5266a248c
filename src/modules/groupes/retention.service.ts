/** The town's retention period: older messages are deleted by a daily job; an erased account takes its messages with it. */
import { audit } from '../../platform/audit';
import { makeCtx, type Deps } from '../../platform/context';
import { tx, type Tx } from '../../platform/db/pool';
import * as store from './groupes.store';
import * as mod from './moderation.store';

export async function purgeExpiredMessages(deps: Deps): Promise<{ deleted: number; cutoff: Date }> {
  const ctx = makeCtx(deps, null, 'job:groupes.purge-messages');
  return tx(ctx.db, async (t) => {
    const days = await mod.retentionDays(t);
    const cutoff = new Date(ctx.now().getTime() - days * 86_400_000);
    const deleted = await store.deleteMessagesBefore(t, cutoff);
    await audit(t, ctx, 'groupes/messages-expired', { subjectType: 'groupes_settings', subjectId: 'retention', details: { deleted, days } });
    return { deleted, cutoff };
  });
}

/** Erasure of a person's account (a family's file erased): its messages, memberships, blocks and registrations. */
export async function eraseUserContent(t: Tx, userId: string): Promise<number> {
  return store.deleteUserContent(t, userId);
}
