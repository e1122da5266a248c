import { describe, expect, it } from 'vitest';
import { escapeText, fold, toIcs } from './ics';

describe('ics', () => {
  it('writes a VEVENT in UTC with escaped text', () => {
    const t = toIcs(
      'Mes rendez-vous',
      [
        {
          uid: 'b1',
          start: new Date('2026-01-06T11:00:00Z'),
          end: new Date('2026-01-06T11:30:00Z'),
          summary: 'Permanence santé',
          location: 'Maison, 1 rue; Amiens',
        },
      ],
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(t).toContain('DTSTART:20260106T110000Z\r\n');
    expect(t).toContain('LOCATION:Maison\\, 1 rue\\; Amiens\r\n');
    expect(t.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(t.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
  it('escapes newlines and backslashes', () => {
    expect(escapeText('a\\b\nc')).toBe('a\\\\b\\nc');
  });
  it('folds long lines at 75 octets without cutting a character', () => {
    const line = 'DESCRIPTION:' + 'é'.repeat(80);
    const folded = fold(line).split('\r\n ');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.join('')).toBe(line);
  });
});
