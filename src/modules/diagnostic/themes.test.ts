import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { parseQuestionnaire } from './questionnaire';
import { applyThemes, parseThemes } from './themes';

const qn = parseQuestionnaire({
  title: 'T',
  questions: [
    { id: 'sexe', type: 'single', label: 'Vous êtes', options: ['Femme', 'Homme'] },
    { id: 'stress', type: 'scale', label: 'Stress' },
  ],
});

describe('themes', () => {
  it('sets the theme and profile of the questions named', () => {
    const out = applyThemes(qn, parseThemes({ themes: { Profil: ['sexe'], Santé: ['stress'] }, profile: ['sexe'] }));
    expect(out.questions.map((q) => [q.id, q.theme, q.profile ?? false])).toEqual([
      ['sexe', 'Profil', true],
      ['stress', 'Santé', false],
    ]);
  });

  it('refuses an unknown question', () => {
    expect(() => applyThemes(qn, parseThemes({ themes: { X: ['nope'] } }))).toThrowError(AppError);
  });

  it('refuses a file of another shape', () => {
    expect(() => parseThemes({ sections: [] })).toThrowError(/thèmes/);
  });
});
