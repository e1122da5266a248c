/** The yearly renewal date (reconduction) set by the town. Pure. */
export interface RenewalDate {
  month: number;
  day: number;
}

/** Default: 1 September, the school year's start, when most files change. */
export const DEFAULT_RENEWAL_DATE: RenewalDate = { month: 9, day: 1 };

/** The renewal date of a year, YYYY-MM-DD (29 February falls back to the 28th). */
export function renewalDateOf(year: number, d: RenewalDate): string {
  const last = new Date(Date.UTC(year, d.month, 0)).getUTCDate();
  return `${year}-${String(d.month).padStart(2, '0')}-${String(Math.min(d.day, last)).padStart(2, '0')}`;
}

/** The campaign due on `today` (YYYY-MM-DD): this year's once its date has come, else none. */
export function dueCampaign(today: string, d: RenewalDate): { year: number; date: string } | null {
  const year = Number(today.slice(0, 4));
  const date = renewalDateOf(year, d);
  return today >= date ? { year, date } : null;
}

export function isValidRenewalDate(d: RenewalDate): boolean {
  return (
    Number.isInteger(d.month) &&
    Number.isInteger(d.day) &&
    d.month >= 1 &&
    d.month <= 12 &&
    d.day >= 1 &&
    d.day <= new Date(Date.UTC(2024, d.month, 0)).getUTCDate()
  );
}
