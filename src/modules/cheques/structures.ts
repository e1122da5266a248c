/** What the chèques need of the directory (annuaire, through its index): a partner's name and neighbourhood. */
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { getStructure, updateStructure } from '../annuaire/index';

export interface StructureBasics {
  name: string;
  neighbourhood: string | null;
}

/** A minute's memory of names and neighbourhoods: a cashier's verifications do not reload the listing each time. */
const CACHE_MS = 60_000;
const cache = new Map<string, { at: number; value: StructureBasics | null }>();

export async function structureBasics(ctx: Ctx, id: string): Promise<StructureBasics | null> {
  const now = ctx.now().getTime();
  const hit = cache.get(id);
  if (hit && now - hit.at >= 0 && now - hit.at < CACHE_MS) return hit.value;
  const value = await readBasics(ctx, id);
  if (cache.size > 5000) cache.clear();
  cache.set(id, { at: now, value });
  return value;
}

async function readBasics(ctx: Ctx, id: string): Promise<StructureBasics | null> {
  try {
    const s = await getStructure(ctx, id);
    return { name: s.nom, neighbourhood: s.quartier ?? null };
  } catch (err) {
    if (err instanceof AppError && err.code === 'annuaire/not-found') return null;
    throw err;
  }
}

export async function structureNames(ctx: Ctx, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of new Set(ids)) {
    const s = await structureBasics(ctx, id);
    if (s) out.set(id, s.name);
  }
  return out;
}

/**
 * The directory's "Pass Famille Solo" filter reads the structure's flag: a partner listing
 * offers for pass holders is flagged (with its offers as the advantage text); one that
 * withdraws its last offer is no longer. Through annuaire's own use case (its access check,
 * its validation, its transaction).
 */
export async function syncDirectoryFlag(ctx: Ctx, structureId: string, offerTitles: string[]): Promise<void> {
  const text = offerTitles.join(' ; ');
  await updateStructure(ctx, structureId, {
    pass_famille_solo: offerTitles.length > 0,
    pass_famille_solo_avantage: offerTitles.length ? (text.length > 300 ? `${text.slice(0, 299)}…` : text) : null,
  });
}
