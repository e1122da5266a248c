/**
 * Demo data, by module. Each seed runs once per database (recorded in platform_state),
 * in one transaction, in the order of the module list; a module added later gets its
 * demo data at the next start. Every demo record is marked as demo.
 */
import type { Ctx } from './context';
import type { Tx } from './db/pool';
import { tx } from './db/pool';

export interface SeedDef {
  /** `module.what`, stable. */
  name: string;
  run(ctx: Ctx, t: Tx): Promise<void>;
}

export async function runSeeds(ctx: Ctx, seeds: SeedDef[], log: (m: string) => void = () => {}): Promise<string[]> {
  const ran: string[] = [];
  for (const seed of seeds) {
    const did = await tx(ctx.db, async (t) => {
      // The row lock makes concurrent starts wait, then skip.
      const ins = await t.query(`INSERT INTO platform_state (key, value) VALUES ($1, 'false'::jsonb) ON CONFLICT (key) DO NOTHING RETURNING key`, [
        `seed:${seed.name}`,
      ]);
      const { rows } = await t.query(`SELECT value FROM platform_state WHERE key = $1 FOR UPDATE`, [`seed:${seed.name}`]);
      if (!ins.rowCount && rows[0]?.value === true) return false;
      await seed.run(ctx, t);
      await t.query(`UPDATE platform_state SET value = 'true'::jsonb, updated_at = now() WHERE key = $1`, [`seed:${seed.name}`]);
      return true;
    });
    if (did) {
      ran.push(seed.name);
      log(`seeded ${seed.name}`);
    }
  }
  return ran;
}
