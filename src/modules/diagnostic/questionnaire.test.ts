import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { checkQuestionnaire, isShown, neighbourhoodQuestion, parseQuestionnaire, themesOf, type Answers } from './questionnaire';

const ok = (questions: unknown[], extra = {}) => {
  const r = checkQuestionnaire({ title: 'Enquête', questions, ...extra });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.questionnaire;
};
const errorsOf = (questions: unknown[]) => {
  const r = checkQuestionnaire({ title: 'Enquête', questions });
  return r.ok ? [] : r.errors;
};

describe('questionnaire format', () => {
  it('reads every question type', () => {
    const qn = ok([
      { id: 'a', type: 'single', label: 'A ?', options: ['Oui', 'Non'] },
      { id: 'b', type: 'multi', label: 'B ?', options: ['x', 'y'], max_choices: 2 },
      { id: 'c', type: 'scale', label: 'C ?' },
      { id: 'd', type: 'number', label: 'D ?', min: 0, integer: true, unit: 'enfants' },
      { id: 'e', type: 'text', label: 'E ?', max_length: 200 },
      { id: 'f', type: 'neighbourhood', label: 'Quartier', options: ['Nord', 'Sud'] },
    ]);
    expect(qn.questions.map((q) => q.type)).toEqual(['single', 'multi', 'scale', 'number', 'text', 'neighbourhood']);
  });

  it('gives a scale 1 to 10 by default', () => {
    const q = ok([{ id: 'c', type: 'scale', label: 'Stress' }]).questions[0]!;
    expect(q).toMatchObject({ min: 1, max: 10 });
  });

  it('accepts "multiple" as another name of "multi"', () => {
    expect(ok([{ id: 'b', type: 'multiple', label: 'B', options: ['x'] }]).questions[0]!.type).toBe('multi');
  });

  it('keeps the note of the Amiens file', () => {
    expect(ok([{ id: 'a', type: 'text', label: 'A' }], { note: 'synthétique' }).note).toBe('synthétique');
  });

  it('refuses an unknown type, in French', () => {
    const errors = errorsOf([{ id: 'a', type: 'slider', label: 'A' }]);
    expect(errors[0]!.path).toBe('questions.0.type');
    expect(errors[0]!.message).toMatch(/Type de question inconnu|Valeur non reconnue/);
  });

  it('refuses a choice without options', () => {
    const errors = errorsOf([{ id: 'a', type: 'single', label: 'A', options: [] }]);
    expect(errors).toEqual([{ path: 'questions.0.options', message: 'Il faut au moins 1 élément(s).' }]);
  });

  it('refuses a missing label', () => {
    expect(errorsOf([{ id: 'a', type: 'text' }])).toEqual([{ path: 'questions.0.label', message: 'Ce champ est obligatoire.' }]);
  });

  it('refuses an id with spaces', () => {
    expect(errorsOf([{ id: 'mon id', type: 'text', label: 'A' }])[0]!.path).toBe('questions.0.id');
  });

  it('refuses duplicate ids and the reserved "id"', () => {
    const errors = errorsOf([
      { id: 'a', type: 'text', label: 'A' },
      { id: 'a', type: 'text', label: 'B' },
      { id: 'id', type: 'text', label: 'C' },
    ]);
    expect(errors.map((e) => e.path)).toEqual(['questions.1.id', 'questions.2.id']);
    expect(errors[0]!.message).toMatch(/déjà utilisé par la question 1/);
  });

  it('refuses duplicate options, ignoring case', () => {
    expect(errorsOf([{ id: 'a', type: 'single', label: 'A', options: ['Oui', 'oui'] }])[0]!.path).toBe('questions.0.options.1');
  });

  it('refuses "|" in a multiple-choice option (it separates choices in CSV)', () => {
    expect(errorsOf([{ id: 'a', type: 'multi', label: 'A', options: ['x|y'] }])[0]!.message).toMatch(/\|/);
  });

  it('refuses more than 32 options in a multiple choice', () => {
    const options = Array.from({ length: 33 }, (_, i) => `o${i}`);
    expect(errorsOf([{ id: 'a', type: 'multi', label: 'A', options }])[0]!.path).toBe('questions.0.options');
  });

  it('refuses an inverted scale', () => {
    expect(errorsOf([{ id: 'a', type: 'scale', label: 'A', min: 5, max: 5 }])[0]!.path).toBe('questions.0.max');
  });

  it('refuses unknown fields', () => {
    expect(errorsOf([{ id: 'a', type: 'text', label: 'A', colour: 'red' }])[0]!.message).toMatch(/colour/);
  });

  it('throws diagnostic/invalid-questionnaire with every field', () => {
    try {
      parseQuestionnaire({ title: '', questions: [] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('diagnostic/invalid-questionnaire');
      expect((e as AppError).fields!.map((f) => f.path).sort()).toEqual(['questions', 'title']);
    }
  });
});

describe('conditional questions', () => {
  const qn = () =>
    ok([
      { id: 'sante', type: 'single', label: 'Accès facile ?', options: ['Oui', 'Non'] },
      { id: 'pourquoi', type: 'multi', label: 'Pourquoi ?', options: ['Délais', 'Coût'], show_if: { question: 'sante', equals: 'Non' } },
      { id: 'cout', type: 'scale', label: 'Coût ?', show_if: { question: 'pourquoi', equals: 'Coût' } },
      {
        id: 'detail',
        type: 'text',
        label: 'Précisez',
        show_if: [
          { question: 'cout', gte: 8 },
          { question: 'sante', in: ['Non'] },
        ],
      },
      { id: 'libre', type: 'text', label: 'Autre', show_if: { question: 'sante', answered: false } },
    ]);
  const shown = (id: string, answers: Answers) =>
    isShown(
      qn().questions.find((q) => q.id === id)!,
      (k) => answers[k],
    );

  it('shows a question when the answer matches', () => {
    expect(shown('pourquoi', { sante: 'Non' })).toBe(true);
    expect(shown('pourquoi', { sante: 'Oui' })).toBe(false);
    expect(shown('pourquoi', {})).toBe(false);
  });

  it('compares options ignoring case', () => {
    expect(shown('pourquoi', { sante: 'non' })).toBe(true);
  });

  it('reads "equals" on a multiple choice as "ticked"', () => {
    expect(shown('cout', { sante: 'Non', pourquoi: ['Délais', 'Coût'] })).toBe(true);
    expect(shown('cout', { sante: 'Non', pourquoi: ['Délais'] })).toBe(false);
  });

  it('needs every condition of a list', () => {
    expect(shown('detail', { sante: 'Non', cout: 9 })).toBe(true);
    expect(shown('detail', { sante: 'Non', cout: 7 })).toBe(false);
    expect(shown('detail', { sante: 'Oui', cout: 9 })).toBe(false);
  });

  it('tests "answered: false"', () => {
    expect(shown('libre', {})).toBe(true);
    expect(shown('libre', { sante: 'Oui' })).toBe(false);
  });

  it('refuses a condition on a later question or on itself', () => {
    const errors = errorsOf([
      { id: 'a', type: 'text', label: 'A', show_if: { question: 'b', answered: true } },
      { id: 'b', type: 'single', label: 'B', options: ['x'], show_if: { question: 'b', equals: 'x' } },
    ]);
    expect(errors.map((e) => e.path)).toEqual(['questions.0.show_if.question', 'questions.1.show_if.question']);
  });

  it('refuses a condition on an option that does not exist', () => {
    const errors = errorsOf([
      { id: 'a', type: 'single', label: 'A', options: ['Oui', 'Non'] },
      { id: 'b', type: 'text', label: 'B', show_if: { question: 'a', equals: 'Peut-être' } },
    ]);
    expect(errors[0]!.message).toMatch(/Peut-être/);
  });

  it('refuses a condition with two tests or none', () => {
    const base = { id: 'a', type: 'scale', label: 'A' };
    expect(errorsOf([base, { id: 'b', type: 'text', label: 'B', show_if: { question: 'a', equals: 3, gte: 2 } }])).toHaveLength(1);
    expect(errorsOf([base, { id: 'b', type: 'text', label: 'B', show_if: { question: 'a' } }])).toHaveLength(1);
  });

  it('refuses a range on a choice and a value test on a free text', () => {
    expect(
      errorsOf([
        { id: 'a', type: 'single', label: 'A', options: ['x'] },
        { id: 'b', type: 'text', label: 'B', show_if: { question: 'a', gte: 2 } },
      ]),
    ).toHaveLength(1);
    expect(
      errorsOf([
        { id: 'a', type: 'text', label: 'A' },
        { id: 'b', type: 'text', label: 'B', show_if: { question: 'a', equals: 'x' } },
      ]),
    ).toHaveLength(1);
  });
});

describe('helpers', () => {
  it('finds the neighbourhood question, or a "quartier" choice', () => {
    expect(neighbourhoodQuestion(ok([{ id: 'q', type: 'neighbourhood', label: 'Q', options: ['Nord'] }]))!.id).toBe('q');
    expect(neighbourhoodQuestion(ok([{ id: 'quartier', type: 'single', label: 'Q', options: ['Nord'] }]))!.id).toBe('quartier');
    expect(neighbourhoodQuestion(ok([{ id: 'x', type: 'text', label: 'X' }]))).toBeUndefined();
  });

  it('groups questions by theme in order', () => {
    const qn = ok([
      { id: 'a', type: 'text', label: 'A', theme: 'Budget' },
      { id: 'b', type: 'text', label: 'B' },
      { id: 'c', type: 'text', label: 'C', theme: 'Budget' },
    ]);
    expect(themesOf(qn).map((t) => [t.theme, t.questions.map((q) => q.id)])).toEqual([
      ['Budget', ['a', 'c']],
      ['Questions', ['b']],
    ]);
  });
});
