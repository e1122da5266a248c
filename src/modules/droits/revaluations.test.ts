import { describe, expect, it } from 'vitest';
import { defaultEngine } from './engine';
import { revaluationsOn, type AmountSeries } from './revaluations';

const s = (name: string, starts: string[], unit = 'currency'): AmountSeries => ({ name, unit, starts });

describe('which revaluation the amounts are, and the next one expected', () => {
  const series = [
    s('rsa.montant_de_base', ['2023-04-01', '2024-04-01', '2025-04-01', '2026-04-01']),
    s('logement.forfait', ['2023-10-01', '2024-10-01', '2025-10-01']),
    s('af.plafond', ['2024-01-01', '2025-01-01', '2026-01-01']),
    s('commun.enfant_age_limite', ['2020-01-01', '2026-06-01'], 'year'),
  ];

  it('names the latest change in force and what it moved', () => {
    expect(revaluationsOn(series, '2026-05-10').current).toEqual({ date: '2026-04-01', families: ['RSA'] });
    expect(revaluationsOn(series, '2025-11-02').current).toEqual({ date: '2025-10-01', families: ['aides au logement'] });
  });

  it('expects the next one on the day it came back in past years', () => {
    expect(revaluationsOn(series, '2026-05-10').next).toEqual({ date: '2026-10-01', families: ['aides au logement'] });
    expect(revaluationsOn(series, '2026-12-04').next).toEqual({ date: '2027-01-01', families: ['allocations familiales'] });
  });

  it('says when one expected by now is not in the files (the amounts may be behind)', () => {
    expect(revaluationsOn(series, '2026-12-04').late).toEqual([{ date: '2026-10-01', families: ['aides au logement'] }]);
    expect(revaluationsOn(series, '2026-05-10').late).toEqual([]);
  });

  it('ignores what is not an amount, and a day seen only once', () => {
    const r = revaluationsOn([...series, s('ppa.montant', ['2025-07-01'])], '2026-12-04');
    expect(r.next?.date).toBe('2027-01-01');
    expect(JSON.stringify(r)).not.toContain('07-01');
  });

  it('reads the project’s own parameter files', () => {
    const r = defaultEngine().revaluations('2026-12-04');
    expect(r.current!.date <= '2026-12-04').toBe(true);
    expect(r.next && r.next.date > '2026-12-04').toBe(true);
  });
});
