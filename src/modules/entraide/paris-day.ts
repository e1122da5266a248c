/** Moments for the notifications' messages (pure): the Paris day as a Date at noon UTC (any time zone formats that day) and the Paris time « 18:30 ». */
import { parisParts } from '../../platform/clock';

export function parisDayAndTime(d: Date): { day: Date; time: string } {
  const p = parisParts(d);
  return { day: new Date(Date.UTC(p.year, p.month - 1, p.day, 12)), time: `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}` };
}

/** A `YYYY-MM-DD` day as a Date at noon UTC. */
export function dayAtNoon(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12));
}
