/**
 * Calendar helpers for the rights engine. A month is an integer index
 * (year * 12 + month - 1); a day is a count of days since 1970-01-01 (UTC).
 * Ages follow OpenFisca-France: the age on the first day of the month, computed
 * the way numpy converts a span of days to years (1 year = 146097 / 400 days).
 */
export type MonthIndex = number;
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;

export function monthIndex(year: number, month: number): MonthIndex {
  return year * 12 + (month - 1);
}

export function yearOf(m: MonthIndex): number {
  return Math.floor(m / 12);
}

export function monthOf(m: MonthIndex): number {
  return (m % 12) + 1;
}

export function parseMonth(text: string): MonthIndex | null {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) return null;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  return monthIndex(Number(match[1]), month);
}

export function formatMonth(m: MonthIndex): string {
  return `${yearOf(m)}-${String(monthOf(m)).padStart(2, '0')}`;
}

export function dayNumber(year: number, month: number, day: number): DayNumber {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Parses `YYYY-MM-DD`; null when the text is not a real calendar date. */
export function parseDay(text: string): DayNumber | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [y, mo, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const n = dayNumber(y, mo, d);
  const back = new Date(n * MS_PER_DAY);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() + 1 !== mo || back.getUTCDate() !== d) return null;
  return n;
}

export function formatDay(n: DayNumber): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

const TABLE_FROM = monthIndex(1900, 1);
const TABLE_TO = monthIndex(2101, 1);
const FIRST_DAYS = new Int32Array(TABLE_TO - TABLE_FROM);
for (let m = TABLE_FROM; m < TABLE_TO; m++) FIRST_DAYS[m - TABLE_FROM] = dayNumber(yearOf(m), monthOf(m), 1);

export function firstDay(m: MonthIndex): DayNumber {
  return m >= TABLE_FROM && m < TABLE_TO ? FIRST_DAYS[m - TABLE_FROM]! : dayNumber(yearOf(m), monthOf(m), 1);
}

/** Age in whole years on the first day of month `m` (OpenFisca `age`). */
export function ageYears(birth: DayNumber, m: MonthIndex): number {
  return Math.floor(((firstDay(m) - birth + 1) * 400) / 146097);
}

/** Age in whole months on the first day of month `m` (OpenFisca `age_en_mois`). */
export function ageMonths(birth: DayNumber, m: MonthIndex): number {
  return Math.floor(((firstDay(m) - birth + 1) * 4800) / 146097);
}

/** Birth date used when only an age is known: first day of `m` minus `age` years minus 6 months. */
export function defaultBirth(age: number, m: MonthIndex): DayNumber {
  const target = m - age * 12 - 6;
  return firstDay(target);
}
