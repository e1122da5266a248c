/** Seeded random households over every supported month: the engine always answers, in cents, never negative. */
import { describe, expect, it } from 'vitest';
import { BENEFITS } from './benefits';
import { defaultEngine } from './engine';
import { HOUSING_STATUSES } from './household';

function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('random households', () => {
  const engine = defaultEngine();
  const r = rng(2024);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const day = (y: number) => `${y}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
  it('2 000 households, every month from 2024-01 to 2026-06', () => {
    for (let i = 0; i < 2000; i++) {
      const year = 2024 + Math.floor(r() * 3);
      const month = year === 2026 ? 1 + Math.floor(r() * 6) : 1 + Math.floor(r() * 12);
      const period = `${year}-${String(month).padStart(2, '0')}`;
      const activite = pick(['actif', 'chomeur', 'inactif'] as const);
      const salary = activite === 'actif' ? Math.round(r() * 3500) : 0;
      const unemployment = activite !== 'inactif' && r() < 0.5 ? Math.round(r() * 1600) : 0;
      const statut = pick(HOUSING_STATUSES);
      const children = Array.from({ length: Math.floor(r() * 5) }, () => ({ date_naissance: day(year - 1 - Math.floor(r() * 22)) }));
      const input = {
        id: `fuzz-${i}`,
        period,
        parent: { date_naissance: day(year - 38 - Math.floor(r() * 15)), salaire_net_mensuel: salary, chomage_net_mensuel: unemployment, activite },
        children,
        housing: {
          statut,
          loyer_mensuel: statut.startsWith('locataire') ? Math.round(r() * 1400) : 0,
          ...(r() < 0.3 ? { zone: pick([1, 2, 3] as const) } : { depcom: pick(['80021', '93066', '23096', '75056', '13055']) }),
        },
        pension_alimentaire_recue_mensuelle: r() < 0.3 ? Math.round(r() * 400) : 0,
        isolement_recent: r() < 0.3,
      };
      const res = engine.simulate(input);
      for (const key of BENEFITS) {
        const a = res.amounts[key];
        const n = res.net_crds[key];
        expect(Number.isFinite(a) && a >= 0 && Math.round(a * 100) / 100 === a, `${input.id} ${key} ${a}`).toBe(true);
        expect(n <= a && n >= 0, `${input.id} ${key} net ${n}`).toBe(true);
      }
    }
  });
});
