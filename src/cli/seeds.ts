import { demoAccountsSeed } from '../platform/demo';
import type { SeedDef } from '../platform/seeds';
import { modules } from '../modules/registry';

export function allSeeds(): SeedDef[] {
  return [demoAccountsSeed, ...modules.flatMap((m) => m.seeds ?? [])];
}
