/**
 * The simulator's answers, kept in the browser only (localStorage for a family,
 * sessionStorage for an agent's desk), never in the URL. What they are and how they become
 * the engine's household input is droits' own pure file (src/modules/droits/simulator-answers.ts,
 * shared with the web), tested there against the engine.
 */
import { emptyAnswers, type Answers } from '../../../src/modules/droits/shared';

export * from '../../../src/modules/droits/shared';

export interface Saved {
  v: 1;
  answers: Answers;
  /** Index in STEPS, or STEPS.length for the results. */
  step: number;
  origin: 'manual' | 'dossier';
}

type Store = 'local' | 'session';
const storage = (s: Store): Storage | null => {
  try {
    return s === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
};

export function loadSaved(key: string, s: Store = 'local'): Saved | null {
  try {
    const raw = storage(s)?.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Saved;
    if (parsed?.v !== 1 || !parsed.answers) return null;
    return { ...parsed, answers: { ...emptyAnswers(), ...parsed.answers } };
  } catch {
    return null;
  }
}

export function storeSaved(key: string, saved: Saved, s: Store = 'local'): void {
  try {
    storage(s)?.setItem(key, JSON.stringify(saved));
  } catch {
    /* private mode: answers live only in memory */
  }
}

export function clearSaved(key: string, s: Store = 'local'): void {
  try {
    storage(s)?.removeItem(key);
  } catch {
    /* ignore */
  }
}
