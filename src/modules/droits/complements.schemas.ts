/** The answer of POST /api/droits/complements (the web's type is inferred from it). */
import { z } from 'zod';

const complementItemOut = z.object({
  key: z.string(),
  title: z.string(),
  likelihood: z.enum(['yes', 'maybe', 'no']),
  gives: z.string(),
  why: z.array(z.string()),
  href: z.string(),
});

export const complementsOut = z.object({
  sections: z.array(
    z.object({ module: z.string(), title: z.string(), items: z.array(complementItemOut), more: z.object({ href: z.string(), label: z.string() }) }),
  ),
});
export type SimulatorComplements = z.infer<typeof complementsOut>;
