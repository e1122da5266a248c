/** The answer of GET /api/dossiers/me/offres (the web's type is inferred from it). */
import { z } from 'zod';

const offerItemOut = z.object({
  key: z.string(),
  title: z.string(),
  likelihood: z.enum(['yes', 'maybe']),
  gives: z.string(),
  why: z.array(z.string()),
  href: z.string(),
});
export const offersOut = z.object({
  sections: z.array(z.object({ module: z.string(), title: z.string(), items: z.array(offerItemOut), more: z.object({ href: z.string(), label: z.string() }) })),
});
export type FileOffers = z.infer<typeof offersOut>;
