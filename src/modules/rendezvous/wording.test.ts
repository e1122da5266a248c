import { describe, expect, it } from 'vitest';
import { confirmationText, frenchDayTime, frenchTime } from './wording';

describe('wording', () => {
  it('says times the French way, in Paris', () => {
    expect(frenchTime(new Date('2026-01-12T11:30:00Z'))).toBe('12 h 30');
    expect(frenchTime(new Date('2026-07-12T10:00:00Z'))).toBe('12 h');
    expect(frenchDayTime(new Date('2026-01-13T11:30:00Z'))).toBe('mardi 13 janvier à 12 h 30');
  });
  it('lists the documents to bring', () => {
    const t = confirmationText('Permanence santé', new Date('2026-01-13T11:00:00Z'), 'Maison de quartier', ['carte Vitale', 'carnet de santé']);
    expect(t).toContain('mardi 13 janvier à 12 h');
    expect(t).toContain('À apporter : carte Vitale, carnet de santé.');
  });
});
