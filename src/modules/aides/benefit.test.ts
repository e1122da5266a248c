import { describe, expect, it } from 'vitest';
import { describeBenefit, loanSchedule, maxGrantCents } from './benefit';
import { euros } from './money';

describe('euros', () => {
  it('writes cents as people read them', () => {
    expect(euros(81200)).toBe('812 €');
    expect(euros(81250)).toBe('812,50 €');
    expect(euros(120000)).toBe('1 200 €');
    expect(euros(5)).toBe('0,05 €');
    expect(euros(-11200)).toBe('-112 €');
    expect(euros(123456789)).toBe('1 234 567,89 €');
  });
});

describe('describeBenefit', () => {
  it('says what each kind gives', () => {
    expect(describeBenefit({ kind: 'cost_share', rate_percent: 80, cap_cents: 120000 })).toBe('80 % du coût, au plus 1 200 €');
    expect(describeBenefit({ kind: 'cost_share', rate_percent: 100, cap_cents: 30000 })).toBe('Le coût pris en charge, au plus 300 €');
    expect(describeBenefit({ kind: 'loan', max_cents: 150000, rate_percent: 0, months: 24 })).toBe("Prêt sans intérêt jusqu'à 1 500 €, remboursé en 24 mois");
    expect(describeBenefit({ kind: 'vouchers', amount_cents: 10000, voucher: 'services', per: 'year' })).toBe('100 € en chèques par an');
    expect(describeBenefit({ kind: 'fixed', amount_cents: 5000 })).toBe('50 €, versés une fois');
  });
});

describe('maxGrantCents', () => {
  it('80 % of the cost within the cap', () => {
    const b = { kind: 'cost_share', rate_percent: 80, cap_cents: 120000 } as const;
    expect(maxGrantCents(b, { cost_cents: 100000 })).toBe(80000);
    expect(maxGrantCents(b, { cost_cents: 200000 })).toBe(120000);
    expect(maxGrantCents(b, { cost_cents: 99 })).toBe(79);
    expect(maxGrantCents(b, {})).toBeNull();
  });
  it('a loan: the amount asked within the maximum', () => {
    const b = { kind: 'loan', max_cents: 150000, rate_percent: 0, months: 24 } as const;
    expect(maxGrantCents(b, { amount_cents: 50000 })).toBe(50000);
    expect(maxGrantCents(b, { amount_cents: 500000 })).toBe(150000);
  });
});

describe('loanSchedule', () => {
  it('at 0 %: equal parts, the rounding cents on the last one, summing to the principal', () => {
    const s = loanSchedule(100000, 3);
    expect(s.map((i) => i.amountCents)).toEqual([33333, 33333, 33334]);
    expect(loanSchedule(150000, 24).reduce((a, i) => a + i.amountCents, 0)).toBe(150000);
  });
  it('with interest: constant instalments summing to more than the principal', () => {
    const s = loanSchedule(120000, 12, 5);
    expect(s[0].amountCents).toBe(10272);
    expect(s.reduce((a, i) => a + i.amountCents, 0)).toBeGreaterThan(120000);
  });
  it('nothing for an impossible loan', () => {
    expect(loanSchedule(0, 12)).toEqual([]);
    expect(loanSchedule(1000, 0)).toEqual([]);
  });
});
