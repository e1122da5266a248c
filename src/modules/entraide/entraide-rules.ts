/**
 * Data the town owns for the entraide (rules/entraide/): the school holidays and the
 * public holidays a recurring ride skips, the CMG barème. Read once, validated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { townPublicHolidays, type DayOff } from '../../platform/calendar/public-holidays';

export const HOLIDAYS_FILE = path.resolve(import.meta.dirname, '../../../rules/entraide/vacances-scolaires.json');

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const holiday = z.object({ label: z.string().min(1), from: isoDay, to: isoDay }).refine((h) => h.to >= h.from, 'to before from');
export const holidaysSchema = z.object({
  checkedOn: isoDay,
  sources: z.array(z.string().min(1)).min(1),
  verified: z.record(z.string(), z.string()),
  zones: z.partialRecord(z.enum(['A', 'B', 'C']), z.object({ academies: z.string().min(1), holidays: z.array(holiday) })),
});
export type SchoolZone = 'A' | 'B' | 'C';
export type SchoolHolidays = { zone: SchoolZone | null; holidays: { label: string; from: string; to: string }[] };

let calendar: z.infer<typeof holidaysSchema> | null = null;

/** The school holidays of a zone (the town's `schoolZone`); none when the town names no zone or the file lacks it. */
export function schoolHolidays(zone: SchoolZone | undefined): SchoolHolidays {
  calendar ??= holidaysSchema.parse(JSON.parse(fs.readFileSync(HOLIDAYS_FILE, 'utf8')));
  const z = zone ? calendar.zones[zone] : undefined;
  return { zone: z ? zone! : null, holidays: z?.holidays ?? [] };
}

/**
 * Every day a recurring ride does not run from `from` to `to`: the zone's school holidays
 * (the pont de l'Ascension among them) and the public holidays, computed (Easter-based).
 */
export function daysWithoutRides(zone: SchoolZone | undefined, from: string, to: string): DayOff[] {
  return [...schoolHolidays(zone).holidays, ...townPublicHolidays(from, to)];
}

export const CMG_FILE = path.resolve(import.meta.dirname, '../../../rules/entraide/cmg-garde-domicile.json');

const cents = z.number().int().nonnegative();
export const cmgSchema = z.object({
  from: isoDay,
  sources: z.array(z.string().min(1)).min(1),
  hourlyCostCapCents: cents,
  referenceHourlyCostCents: cents.positive(),
  resourcesFloorCents: cents,
  resourcesCeilingCents: cents,
  effortRateByChildren: z
    .array(z.object({ children: z.number().int().min(1), rate: z.number().positive().max(0.01) }))
    .min(1)
    .refine((rows) => rows[0]!.children === 1 && rows.every((r, i) => i === 0 || r.children > rows[i - 1]!.children), 'children ascending from 1'),
  maxChildAge: z.object({ couple: z.number().int(), singleParent: z.number().int() }),
  verified: z.record(z.string(), z.string()),
});
export type CmgParameters = z.infer<typeof cmgSchema>;

let cmg: CmgParameters | null = null;

/** The CMG barème (garde à domicile, emploi direct) the estimate uses. */
export function cmgParameters(): CmgParameters {
  cmg ??= cmgSchema.parse(JSON.parse(fs.readFileSync(CMG_FILE, 'utf8')));
  return cmg;
}
