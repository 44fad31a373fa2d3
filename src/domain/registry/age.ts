import type { Locale } from '../common/schemas';
import type { AGE_GROUPS } from './schemas';

export type AgeGroup = (typeof AGE_GROUPS)[number];

/** Whole years between an ISO birth date and an ISO date (or null without a birth date). */
export function ageOn(birthDate: string | null | undefined, on: string): number | null {
  if (!birthDate) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age < 0 ? null : age;
}

/**
 * An estimated age becomes an estimated birth date on 1 July of the implied year: the middle of
 * the year keeps the error under six months either way.
 */
export function birthDateFromAge(age: number, today: string): string {
  const year = Number(today.slice(0, 4)) - age;
  const mid = `${String(year).padStart(4, '0')}-07-01`;
  return mid > today ? today : mid; // a baby under six months is not born in the future
}

/** Age bands used in humanitarian reporting (children 0–17 split as UNHCR does). */
export function ageGroup(age: number | null): AgeGroup {
  if (age === null) return 'unknown';
  if (age < 5) return '0-4';
  if (age < 12) return '5-11';
  if (age < 18) return '12-17';
  if (age < 60) return '18-59';
  return '60+';
}

type Words = Record<
  Locale,
  { about: (age: number, year: string) => string; around: (year: string) => string }
>;

/** How an estimated age reads in each language: never as an exact date, which it is not. */
const ESTIMATED: Words = {
  en: { about: (age, year) => `about ${age} (born around ${year})`, around: (year) => `around ${year}` },
  fr: { about: (age, year) => `environ ${age} ans (né vers ${year})`, around: (year) => `vers ${year}` },
  ar: { about: (age, year) => `نحو ${age} سنة (وُلد نحو عام ${year})`, around: (year) => `نحو عام ${year}` },
};

/** "27", or "about 27 (born around 1999)" when the birth date is an estimate; null without one. */
export function ageText(
  birthDate: string | null | undefined,
  estimated: boolean,
  on: string,
  locale: Locale,
): string | null {
  const age = ageOn(birthDate, on);
  if (age === null || !birthDate) return null;
  return estimated ? ESTIMATED[locale].about(age, birthDate.slice(0, 4)) : String(age);
}

/** "1995-03-10", or "around 1999" when the birth date is an estimate; null without one. */
export function birthDateText(
  birthDate: string | null | undefined,
  estimated: boolean,
  locale: Locale,
): string | null {
  if (!birthDate) return null;
  return estimated ? ESTIMATED[locale].around(birthDate.slice(0, 4)) : birthDate;
}
