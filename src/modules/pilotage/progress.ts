/**
 * Where an indicator stands against its target. Pure. A target the plan does not give
 * stays "à définir": no progress is made up.
 */
export type Direction = 'increase' | 'decrease' | 'maintain';

export interface Standing {
  /** 0..100 (capped) of the way from baseline to target, or null when it cannot be said. */
  percent: number | null;
  state: 'no-value' | 'no-target' | 'reached' | 'on-way' | 'off-track';
  label: string;
}

export function standing(value: number | null, target: number | null, baseline: number | null, direction: Direction): Standing {
  if (value === null) return { percent: null, state: 'no-value', label: 'Pas encore de valeur' };
  if (target === null) return { percent: null, state: 'no-target', label: 'Cible à définir' };
  if (direction === 'maintain') {
    const ok = baseline === null ? value === target : Math.abs(value - target) <= Math.abs(target - baseline) || value === target;
    return ok ? { percent: 100, state: 'reached', label: 'Cible tenue' } : { percent: null, state: 'off-track', label: 'Écart à la cible' };
  }
  const reached = direction === 'increase' ? value >= target : value <= target;
  if (reached) return { percent: 100, state: 'reached', label: 'Cible atteinte' };
  if (baseline === null || baseline === target) return { percent: null, state: 'on-way', label: 'Cible pas encore atteinte' };
  const done = (value - baseline) / (target - baseline);
  if (done <= 0) return { percent: 0, state: 'off-track', label: 'Pas de progrès depuis la valeur de départ' };
  const percent = Math.min(99, Math.floor(done * 100));
  return { percent, state: 'on-way', label: `${percent} % du chemin vers la cible` };
}

/** French number: 1 234,5 */
export function formatNumber(v: number | null, unit = ''): string {
  if (v === null || Number.isNaN(v)) return '—';
  const s = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(v);
  return unit ? `${s} ${unit}` : s;
}
