/** Which partners take which chèques: the town accepts a structure of the directory per kind. */
import { audit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import * as store from './cheques.store';
import type { Kind } from './kinds';
import { AGENTS } from './ledger.service';
import { structureBasics } from './structures';

export async function partnerKinds(ctx: Ctx, structureId: string) {
  const user = requireRole(ctx, 'partner', ...AGENTS);
  if (user.role === 'partner' && user.structureId !== structureId) throw new AppError('cheques/structure-not-found');
  return { structureId, kinds: await store.kindsOfStructure(ctx.db, structureId) };
}

export async function setPartnerKinds(ctx: Ctx, structureId: string, kinds: Kind[]) {
  const user = requireRole(ctx, ...AGENTS);
  if (!(await structureBasics(ctx, structureId))) throw new AppError('cheques/not-found');
  return tx(ctx.db, async (t) => {
    await store.setKindsOfStructure(t, structureId, [...new Set(kinds)], user.id, ctx.now());
    await audit(t, ctx, 'cheques/partner-kinds-set', { subjectType: 'structure', subjectId: structureId, details: { kinds } });
    return { structureId, kinds: await store.kindsOfStructure(t, structureId) };
  });
}
