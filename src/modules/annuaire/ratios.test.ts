import { describe, expect, it } from 'vitest';
import { choroplethClasses, ratio, territoryTable } from './ratios';

describe('ratio', () => {
  it('reproduces the Amiens diagnostic: 184 GPs for 6,613 single-parent families is 1 for 36', () => {
    expect(ratio(184, 6613)).toEqual({ count: 184, per1000: 27.8, familiesPerOne: 36 });
  });
  it('and 65 dentists is 1 for 102, 46 pharmacies 1 for 144', () => {
    expect(ratio(65, 6613).familiesPerOne).toBe(102);
    expect(ratio(46, 6613).familiesPerOne).toBe(144);
    expect(ratio(29, 6613).familiesPerOne).toBe(228);
  });
  it('has no ratio without families, and no "1 for N" without structures', () => {
    expect(ratio(3, 0)).toEqual({ count: 3, per1000: null, familiesPerOne: null });
    expect(ratio(0, 500)).toEqual({ count: 0, per1000: 0, familiesPerOne: null });
  });
});

describe('territoryTable', () => {
  const hoods = [
    { id: 'nord', name: 'Nord' },
    { id: 'sud', name: 'Sud' },
  ];
  it('computes per neighbourhood and a town total from the sum', () => {
    const rows = territoryTable(
      hoods,
      { nord: { familles_monoparentales: 1000 }, sud: { familles_monoparentales: 500 } },
      { nord: { sante: 4 }, sud: { sante: 1, garde: 2 } },
      ['sante', 'garde'],
      { id: 'amiens', name: 'Amiens' },
    );
    expect(rows.map((r) => [r.id, r.ratios.sante.per1000, r.ratios.garde.per1000])).toEqual([
      ['nord', 4, 0],
      ['sud', 2, 4],
      ['amiens', 3.3, 1.3],
    ]);
    expect(rows[2].name).toBe('Amiens (ville entière)');
  });
  it("prefers the town's own figures for the total", () => {
    const rows = territoryTable(hoods, { amiens: { familles_monoparentales: 6613 } }, {}, ['sante'], { id: 'amiens', name: 'Amiens' });
    expect(rows[2].indicators.familles_monoparentales).toBe(6613);
  });
});

describe('choroplethClasses', () => {
  it('spreads values over 5 classes', () => {
    expect(choroplethClasses([0, 25, 50, 100, null])).toEqual([0, 1, 2, 4, -1]);
  });
  it('puts equal values in the middle class', () => {
    expect(choroplethClasses([3, 3])).toEqual([2, 2]);
  });
});
