import { describe, expect, it } from 'vitest';
import { nextStatus } from './request-states';

describe('request states', () => {
  it('follows the life of a request', () => {
    expect(nextStatus('submit', 'brouillon')).toBe('deposee');
    expect(nextStatus('take', 'deposee')).toBe('en_instruction');
    expect(nextStatus('ask_correction', 'en_instruction')).toBe('a_corriger');
    expect(nextStatus('answer_correction', 'a_corriger')).toBe('en_instruction');
    expect(nextStatus('grant', 'en_instruction')).toBe('accordee');
    expect(nextStatus('pay', 'accordee')).toBe('versee');
  });
  it('refuses what the state does not allow', () => {
    expect(nextStatus('grant', 'a_corriger')).toBeNull();
    expect(nextStatus('grant', 'deposee')).toBeNull();
    expect(nextStatus('grant', 'accordee')).toBeNull();
    expect(nextStatus('pay', 'refusee')).toBeNull();
    expect(nextStatus('submit', 'deposee')).toBeNull();
    for (const s of ['accordee', 'refusee', 'classee', 'versee'] as const) expect(nextStatus('close', s)).toBeNull();
  });
});
