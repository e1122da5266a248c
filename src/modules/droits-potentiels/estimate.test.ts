import { describe, expect, it } from 'vitest';
import { parameterDates, SUPPORTED_PERIODS } from '../droits/index';
import { amountsCents, changeMessage, estimateChanges, formatEurosFr, missedBenefits, monthlyTotalCents, parameterDateFor, simulationPeriod } from './estimate';

const zero = { asf: 0, af: 0, cf: 0, rsa: 0, ppa: 0, aide_logement: 0, paje_base: 0, ars_annuel: 0 };
const bounds = { first: 2024 * 12, last: 2026 * 12 + 5 };

describe('simulationPeriod', () => {
  it('uses the current month inside the bounds', () => {
    expect(simulationPeriod('2026-03-10', bounds)).toEqual({ period: '2026-03', latestKnown: false });
  });
  it('uses the last known month after the bounds, and says so', () => {
    expect(simulationPeriod('2026-11-25', bounds)).toEqual({ period: '2026-06', latestKnown: true });
  });
  it('uses the first month before the bounds', () => {
    expect(simulationPeriod('2026-05-01', bounds).period).toBe('2026-05');
    expect(simulationPeriod('2023-05-01', bounds).period).toBe('2024-01');
  });
  it("estimates for today's month with the engine's bounds, with the latest revaluation held", () => {
    const { period, latestKnown } = simulationPeriod('2026-12-04', SUPPORTED_PERIODS);
    expect({ period, latestKnown }).toEqual({ period: '2026-12', latestKnown: false });
    const latest = [...parameterDates()].sort().at(-1)!;
    // The parameters held end before December 2026: the latest revaluation is the one used (and said).
    expect(parameterDateFor(period, parameterDates())).toBe(latest);
  });
});

describe('parameterDateFor', () => {
  const dates = ['2025-04-01', '2024-04-01', '2026-04-01', '2025-10-01'];
  it('takes the latest revaluation on or before the first of the month', () => {
    expect(parameterDateFor('2026-03', dates)).toBe('2025-10-01');
    expect(parameterDateFor('2026-04', dates)).toBe('2026-04-01');
    expect(parameterDateFor('2025-04', dates)).toBe('2025-04-01');
  });
  it('falls back to the first date before any revaluation', () => {
    expect(parameterDateFor('2024-01', dates)).toBe('2024-04-01');
  });
});

describe('missedBenefits', () => {
  const result = {
    amounts: { ...zero, asf: 200.18, rsa: 513.47, ars_annuel: 425.6, aide_logement: 0 },
    net_crds: { ...zero, asf: 199.18, rsa: 513.47, ars_annuel: 423.48 },
  };
  it('lists benefits with an amount not ticked as received, monthly first, largest first', () => {
    expect(missedBenefits(result, []).map((m) => m.key)).toEqual(['rsa', 'asf', 'ars_annuel']);
  });
  it('drops what the family already receives', () => {
    const m = missedBenefits(result, ['rsa']);
    expect(m.map((x) => x.key)).toEqual(['asf', 'ars_annuel']);
    expect(m[0]).toEqual({ key: 'asf', amountCents: 20018, netCents: 19918, yearly: false });
  });
  it('never lists a zero amount', () => {
    expect(missedBenefits({ amounts: zero, net_crds: zero }, [])).toEqual([]);
  });
  it('totals monthly amounts only (ARS is yearly)', () => {
    expect(monthlyTotalCents(missedBenefits(result, []))).toBe(51347 + 20018);
  });
});

describe('estimateChanges', () => {
  it('is empty when nothing changed', () => {
    const a = amountsCents({ ...zero, asf: 200.18 });
    expect(estimateChanges(a, { ...a })).toEqual([]);
  });
  it('names each benefit whose amount changed', () => {
    const before = amountsCents({ ...zero, asf: 200.18, af: 0 });
    const after = amountsCents({ ...zero, asf: 203.57, af: 0 });
    expect(estimateChanges(before, after)).toEqual([{ key: 'asf', beforeCents: 20018, afterCents: 20357 }]);
  });
});

describe('messages', () => {
  it('formats euros the French way', () => {
    expect(formatEurosFr(123456)).toBe('1\u202f234,56 €');
    expect(formatEurosFr(5)).toBe('0,05 €');
  });
  it('says what changed, when, and where to look', () => {
    const m = changeMessage([{ key: 'asf', beforeCents: 20018, afterCents: 20357 }], '2026-04-01', 'https://x/droits/potentiels', 'CCAS');
    expect(m.subject).toBe('Vos droits estimés ont changé');
    expect(m.body).toContain('01/04/2026');
    expect(m.body).toContain('Allocation de soutien familial (ASF) : 200,18 € → 203,57 €');
    expect(m.body).toContain('https://x/droits/potentiels');
  });
});
