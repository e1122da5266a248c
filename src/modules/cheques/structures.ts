/** What the chèques need of the directory (annuaire, through its index): a partner's name and neighbourhood. */
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { getStructure } from '../annuaire/index';

export interface StructureBasics {
  name: string;
  neighbourhood: string | null;
}

export async function structureBasics(ctx: Ctx, id: string): Promise<StructureBasics | null> {
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
