/**
 * Data the town owns for the entraide (rules/entraide/): the school holidays a recurring
 * ride skips. Read once, validated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const HOLIDAYS_FILE = path.resolve(import.meta.dirname, '../../../rules/entraide/vacances-scolaires.json');

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const holidaysSchema = z.object({
  zone: z.string(),
  source: z.string(),
  holidays: z.array(z.object({ label: z.string().min(1), from: isoDay, to: isoDay }).refine((h) => h.to >= h.from, 'to before from')),
});
export type SchoolHolidays = z.infer<typeof holidaysSchema>;

let holidays: SchoolHolidays | null = null;

export function schoolHolidays(): SchoolHolidays {
  holidays ??= holidaysSchema.parse(JSON.parse(fs.readFileSync(HOLIDAYS_FILE, 'utf8')));
  return holidays;
}
