/**
 * Report sections for a questionnaire that has none (like the Amiens file): a small JSON
 * `{ "themes": { "Budget": ["q1", "q2"] }, "profile": ["sexe", "quartier"] }`. Pure.
 */
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import type { Questionnaire } from './questionnaire';

const themesSchema = z
  .object({
    themes: z.record(z.string().min(1).max(120), z.array(z.string())).optional(),
    profile: z.array(z.string()).optional(),
  })
  .strict();

export type Themes = z.infer<typeof themesSchema>;

export function parseThemes(input: unknown): Themes {
  const r = themesSchema.safeParse(input);
  if (!r.success) {
    throw new AppError('diagnostic/invalid-questionnaire', {
      message: 'Le fichier des thèmes n’est pas valable.',
      fields: r.error.issues.map((i) => ({
        path: i.path.join('.'),
        message: 'Attendu : { "themes": { "Thème": ["question", …] }, "profile": ["question", …] }.',
      })),
    });
  }
  return r.data;
}

/** Sets `theme` and `profile` on the questions named; an unknown question id is an error. */
export function applyThemes(qn: Questionnaire, themes: Themes): Questionnaire {
  const ids = new Set(qn.questions.map((q) => q.id));
  const unknown = [...Object.values(themes.themes ?? {}).flat(), ...(themes.profile ?? [])].filter((id) => !ids.has(id));
  if (unknown.length) {
    throw new AppError('diagnostic/unknown-question', { fields: unknown.map((id) => ({ path: 'themes', message: `Question « ${id} » introuvable.` })) });
  }
  const themeOf = new Map(Object.entries(themes.themes ?? {}).flatMap(([theme, list]) => list.map((id) => [id, theme] as const)));
  const profile = new Set(themes.profile ?? []);
  return {
    ...qn,
    questions: qn.questions.map((q) => ({
      ...q,
      ...(themeOf.has(q.id) ? { theme: themeOf.get(q.id)! } : {}),
      ...(profile.has(q.id) ? { profile: true } : {}),
    })),
  };
}
