import { z } from 'zod';
import { addDays } from '../common/dates';
import { MAX_DATE, MIN_DATE } from '../common/schemas';

// ISO 8601 weeks, written `YYYY-Www` (2026-W53): weeks start on Monday, and week 1 is the week
// holding the year's first Thursday, so a week belongs wholly to one ISO year even when its days
// straddle 31 December. Plain UTC arithmetic on `YYYY-MM-DD` strings, as dates are stored.

const DAY = 86_400_000;
const WEEK_SHAPE = /^(\d{4})-W(\d{2})$/;
const MIN_YEAR = Number(MIN_DATE.slice(0, 4));
const MAX_YEAR = Number(MAX_DATE.slice(0, 4));

const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
/** 1 = Monday … 7 = Sunday. */
const isoDay = (iso: string) => ((new Date(utc(iso)).getUTCDay() + 6) % 7) + 1;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const formatWeek = (year: number, week: number): string => `${pad(year, 4)}-W${pad(week, 2)}`;

/** The year and week number of a `YYYY-Www` string (shape only: see `isoWeek` for existence). */
export function parseWeek(week: string): { year: number; week: number } {
  const m = WEEK_SHAPE.exec(week);
  if (!m) throw new RangeError(`Not an ISO week: ${week}`);
  return { year: Number(m[1]), week: Number(m[2]) };
}

/** The ISO week holding a date. */
export function isoWeekOf(date: string): string {
  // The Thursday of the date's week decides the year, and its day of the year the week number.
  const thursday = addDays(date, 4 - isoDay(date));
  const year = Number(thursday.slice(0, 4));
  const dayOfYear = Math.round((utc(thursday) - utc(`${thursday.slice(0, 4)}-01-01`)) / DAY);
  return formatWeek(year, Math.floor(dayOfYear / 7) + 1);
}

/** A year has 53 weeks when it starts on a Thursday, or is a leap year starting on a Wednesday. */
export function weeksInYear(year: number): 52 | 53 {
  // 28 December is always in the year's last week.
  return parseWeek(isoWeekOf(`${pad(year, 4)}-12-28`)).week === 53 ? 53 : 52;
}

/** The Monday of a week. */
export function weekStart(week: string): string {
  const { year, week: n } = parseWeek(week);
  // 4 January is always in week 1.
  const jan4 = `${pad(year, 4)}-01-04`;
  return addDays(jan4, 1 - isoDay(jan4) + 7 * (n - 1));
}

/** The Sunday of a week. */
export const weekEnd = (week: string): string => addDays(weekStart(week), 6);

/** The week `n` weeks after `week` (negative: before). */
export const addWeeks = (week: string, n: number): string => isoWeekOf(addDays(weekStart(week), 7 * n));

/** How many weeks `to` is after `from` (negative when before). */
export const weekDiff = (from: string, to: string): number =>
  Math.round((utc(weekStart(to)) - utc(weekStart(from))) / (7 * DAY));

/** The weeks from `from` to `to`, both included, in order; empty when `to` is before `from`. */
export function weeksBetween(from: string, to: string): string[] {
  const n = weekDiff(from, to);
  return Array.from({ length: Math.max(0, n + 1) }, (_, i) => addWeeks(from, i));
}

const weekParts = (w: string) => {
  const m = WEEK_SHAPE.exec(w);
  return m ? { year: Number(m[1]), n: Number(m[2]) } : null;
};

/** An ISO week that exists (2026-W53 does, 2025-W53 does not), within the app's date range. */
export const isoWeek = z
  .string()
  .regex(WEEK_SHAPE, { error: 'Use an ISO week as YYYY-Www, e.g. 2026-W05' })
  // Each refinement passes a value of the wrong shape: the shape's own message says it, once.
  .refine(
    (w) => {
      const p = weekParts(w);
      return !p || (p.year >= MIN_YEAR && p.year <= MAX_YEAR);
    },
    { error: `Use a year between ${MIN_YEAR} and ${MAX_YEAR}` },
  )
  .refine(
    (w) => {
      const p = weekParts(w);
      return !p || p.year < MIN_YEAR || p.year > MAX_YEAR || (p.n >= 1 && p.n <= weeksInYear(p.year));
    },
    { error: 'This week does not exist in that year' },
  );
