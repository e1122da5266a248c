import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { frenchIssue } from './zod-fr';

const messages = (schema: z.ZodType, input: unknown) =>
  (schema.safeParse(input, { error: frenchIssue }).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('French zod messages', () => {
  const form = z.object({
    name: z.string().trim().min(1),
    email: z.email(),
    code: z.string().min(8).max(10),
    age: z.number().int().min(0).max(120),
    kind: z.enum(['a', 'b']),
    kids: z.array(z.string()).min(1),
    id: z.uuid(),
  });

  it('says each problem in plain French, per field, without type names or signs', () => {
    expect(messages(form, { name: '  ', email: 'x', code: '', age: 130, kind: 'c', kids: [], id: 'nope' })).toEqual([
      'name: Ce champ est obligatoire.',
      'email: Adresse e-mail invalide.',
      'code: Ce champ est obligatoire.',
      'age: Au plus 120.',
      'kind: Choisissez une des valeurs proposées.',
      'kids: Choisissez au moins un élément.',
      'id: Choix invalide.',
    ]);
    expect(messages(form.shape.code, 'abc')).toEqual([': Au moins 8 caractères.']);
    expect(messages(form.shape.code, 'abcdefghijkl')).toEqual([': Au plus 10 caractères.']);
    expect(messages(form.shape.age, 'douze')).toEqual([': Indiquez un nombre.']);
    expect(messages(form, {}).every((m) => m.endsWith('Ce champ est obligatoire.'))).toBe(true);
  });

  it('leaves a message written in the schema alone', () => {
    expect(messages(z.string().min(3, 'Indiquez le motif.'), '')).toEqual([': Indiquez le motif.']);
  });
});
