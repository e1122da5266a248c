/**
 * The household file's drafts: each step saved as the family types, so that a reload, a
 * lost connection or another device loses nothing. A draft belongs to the account that
 * typed it (a family without a file has no household yet): only that parent reads,
 * replaces or discards it. Saving the file deletes it (in the file's transaction).
 */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { requireRole } from '../../platform/roles';
import * as store from './draft.store';
import type { DraftForm } from './draft.store';

/** A device's clock may be ahead: a save is never dated later than a minute past the server's now. */
const MAX_CLOCK_SKEW_MS = 60_000;

export async function getDraft(ctx: Ctx, form: DraftForm) {
  const user = requireRole(ctx, 'parent');
  return { draft: await store.readDraft(ctx.db, user.id, form) };
}

/**
 * Replace the draft with what was typed at `savedAt`, unless the stored one was typed
 * later (then it stays, and is answered so that the device shows it). The first save of
 * a draft is audited; the following ones are the family typing in its own draft.
 */
export async function saveDraft(ctx: Ctx, form: DraftForm, input: { step: number; data: unknown; savedAt: string }) {
  const user = requireRole(ctx, 'parent');
  const now = ctx.now();
  const typed = new Date(input.savedAt);
  const savedAt = typed.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS ? now : typed;
  return tx(ctx.db, async (t) => {
    const r = await store.upsertDraft(t, { userId: user.id, form, step: input.step, data: input.data, savedAt, now });
    if (r.created) await audit(t, ctx, 'dossiers/draft-started', { subjectType: 'draft', subjectId: user.id, details: { form } });
    return { draft: r.row, applied: r.applied };
  });
}

export async function discardDraft(ctx: Ctx, form: DraftForm): Promise<void> {
  const user = requireRole(ctx, 'parent');
  await tx(ctx.db, async (t) => {
    if (await store.deleteDraft(t, user.id, form))
      await audit(t, ctx, 'dossiers/draft-discarded', { subjectType: 'draft', subjectId: user.id, details: { form } });
  });
}
