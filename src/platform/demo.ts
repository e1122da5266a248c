/**
 * Demo accounts, one per role, created on first start of a demo instance. They are
 * flagged `is_demo` and the UI says so. The password is printed at start: a demo
 * instance is for trying Relais, never for real families.
 */
import type { Queryable } from './db/pool';
import type { SeedDef } from './seeds';
import { insertUser } from './auth/auth.service';
import type { Role } from './roles';

export const DEMO_PASSWORD = 'relais-demo-2026';
/** The demo partner acts for this directory structure (the annuaire demo seed creates it). */
export const DEMO_PARTNER_STRUCTURE_ID = '00000000-0000-4000-8000-00000000a001';

export const DEMO_ACCOUNTS: { identifier: string; role: Role; displayName: string }[] = [
  { identifier: 'parent@demo.relais.fr', role: 'parent', displayName: 'Samia (démo)' },
  { identifier: 'agent@demo.relais.fr', role: 'agent', displayName: 'Julien, agent CCAS (démo)' },
  { identifier: 'partenaire@demo.relais.fr', role: 'partner', displayName: 'Association partenaire (démo)' },
  { identifier: 'coordination@demo.relais.fr', role: 'coordinator', displayName: 'Coordination (démo)' },
  { identifier: 'admin@demo.relais.fr', role: 'admin', displayName: 'Administration (démo)' },
];

export const demoAccountsSeed: SeedDef = {
  name: 'platform.demo-accounts',
  async run(_ctx, t) {
    for (const a of DEMO_ACCOUNTS) {
      await insertUser(t, {
        ...a,
        password: DEMO_PASSWORD,
        isDemo: true,
        structureId: a.role === 'partner' ? DEMO_PARTNER_STRUCTURE_ID : null,
      });
    }
  },
};

/** The demo accounts with these identifiers (other modules' demo seeds attach their data to them). */
export async function demoAccounts(q: Queryable, identifiers: string[]): Promise<{ id: string; role: Role; email: string }[]> {
  const { rows } = await q.query<{ id: string; role: Role; email: string }>(`SELECT id, role, email FROM users WHERE is_demo AND email = ANY($1::text[])`, [
    identifiers,
  ]);
  return rows;
}
