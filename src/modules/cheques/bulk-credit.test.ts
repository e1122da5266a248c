import { describe, expect, it } from 'vitest';
import { parseBulkCredits, parseDay, parseEuros } from './bulk-credit';

describe('a list of credits from a spreadsheet', () => {
  it('reads euros as a French spreadsheet writes them, never a negative or a third decimal', () => {
    expect(parseEuros('50')).toBe(5000);
    expect(parseEuros('50,5')).toBe(5050);
    expect(parseEuros('1\u202f234,56 €')).toBe(123456);
    expect(parseEuros('12.30')).toBe(1230);
    expect(parseEuros('-4')).toBeNull();
    expect(parseEuros('1,234')).toBeNull();
    expect(parseEuros('douze')).toBeNull();
  });
  it('reads days as 31/12/2026 or 2026-12-31, only real ones', () => {
    expect(parseDay('31/12/2026')).toBe('2026-12-31');
    expect(parseDay('1/2/2027')).toBe('2027-02-01');
    expect(parseDay('2026-12-31')).toBe('2026-12-31');
    expect(parseDay('31/02/2026')).toBeNull();
    expect(parseDay('demain')).toBeNull();
  });
  it('finds its columns by name in any order, kinds by code or label, and names each bad cell', () => {
    const id = '3b1f3f8e-2c51-4c1a-9b7a-5d1f0e0e0e0e';
    const ok = parseBulkCredits(`Montant,Type,Dossier\n"12,00",Chèques services de proximité,${id}\n`, '2026-04-01');
    expect(ok).toEqual({ lines: [{ line: 2, householdId: id, kind: 'services', amountCents: 1200, validUntil: null }], problems: [] });
    const bad = parseBulkCredits(`dossier;type;montant;valable jusqu'au\n${id};garde;10;01/01/2026\n`, '2026-04-01');
    expect(bad.problems).toEqual([{ line: 2, column: 'valable jusqu’au', message: 'Cette date est déjà passée.' }]);
    expect(parseBulkCredits('', '2026-04-01').problems[0].message).toBe('Le fichier est vide.');
    expect(parseBulkCredits('dossier;type;montant\n', '2026-04-01').problems[0].message).toBe('Aucune ligne à créditer.');
  });
});
