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

/** The digits of `text` from `from` (`n` of them) as a number, or -1 if one is not an ASCII digit. */
function digits(text: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Parses `YYYY-MM` (the month 01 to 12); null otherwise. */
export function parseMonth(text: string): MonthIndex | null {
  if (text.length !== 7 || text.charCodeAt(4) !== 0x2d) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  if (year < 0 || month < 1 || month > 12) return null;
  return monthIndex(year, month);
}

const MONTH_TEXT_FROM = monthIndex(1900, 1);
const MONTH_TEXTS: string[] = [];

/** `YYYY-MM` (the strings of 1900 to 2100 made once: every answer and line writes one). */
export function formatMonth(m: MonthIndex): string {
  const cached = MONTH_TEXTS[m - MONTH_TEXT_FROM];
  if (cached !== undefined) return cached;
  const text = `${yearOf(m)}-${String(monthOf(m)).padStart(2, '0')}`;
  if (m >= MONTH_TEXT_FROM && m < MONTH_TEXT_FROM + 201 * 12) MONTH_TEXTS[m - MONTH_TEXT_FROM] = text;
  return text;
}

export function dayNumber(year: number, month: number, day: number): DayNumber {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Parses `YYYY-MM-DD`; null when the text is not a real calendar date. Years before 100 are
 * refused (Date.UTC would read them as 19xx).
 */
export function parseDay(text: string): DayNumber | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return null;
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return dayNumber(y, mo, d);
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
