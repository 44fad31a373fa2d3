import { z } from 'zod';

/** ISO date `n` days after `iso` (negative: before); whole days in UTC, as dates are stored. */
export const addDays = (iso: string, n: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** No one we register was born before this. */
export const EARLIEST_BIRTH = '1900-01-01';
/** Events before the mission began are typing errors; without a known start, before this. */
export const EARLIEST_EVENT = '2000-01-01';
/** How far ahead a planned date (a task's due date) may be. */
const PLANNED_YEARS = 5;

/** Today as a date in UTC, from the clock of whoever validates (browser or server). */
const todayUtc = () => new Date().toISOString().slice(0, 10);
/**
 * The latest acceptable date of something that has happened: tomorrow in UTC, because a user
 * east of Greenwich is already a day ahead; the server refuses later dates against its own clock.
 */
export const latestFact = () => addDays(todayUtc(), 1);

const SHAPE = /^\d{4}-\d{2}-\d{2}$/;
/** A date that exists in the calendar (2026-02-30 does not): `z.iso.date` checks month lengths. */
export const calendarDate = () => z.iso.date({ error: 'Use a real date as YYYY-MM-DD' });

/**
 * A calendar date within bounds. The bounds are functions so that "today" is read when a value
 * is checked, not when the module loads. Issues carry an i18n key for the web's forms.
 */
function bounded(min: () => string, max: () => string) {
  return calendarDate()
    .refine((d) => !SHAPE.test(d) || d >= min(), {
      error: () => `Not before ${min()}`,
      params: { i18n: 'validation.dateTooEarly' },
    })
    .refine((d) => !SHAPE.test(d) || d <= max(), {
      error: () => `Too far ahead: not after ${max()}`,
      params: { i18n: 'validation.dateTooLate' },
    });
}

/** A date in a life: not before 1900, not in the future (a birth, a date a person recalls). */
export const pastDate = () => bounded(() => EARLIEST_BIRTH, latestFact);
/** A date of birth: not before 1900, not in the future. */
export const birthDate = pastDate;

/**
 * The date of something that happened (admission, transfer, release, screening, consent…): not
 * before the mission (the server checks a mission's own start where it knows one), not ahead.
 */
export const factDate = () => bounded(() => EARLIEST_EVENT, latestFact);

/** A planned date (a task's due date): may be ahead, within a few years. */
export const plannedDate = () =>
  bounded(
    () => EARLIEST_EVENT,
    () => addDays(todayUtc(), 366 * PLANNED_YEARS),
  );
