import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../common/dates';
import {
  addWeeks,
  formatWeek,
  isoWeek,
  isoWeekOf,
  parseWeek,
  weekDiff,
  weekEnd,
  weekStart,
  weeksBetween,
  weeksInYear,
} from './weeks';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? [] : (r.error?.issues.map((i) => i.message) ?? []);

describe('ISO weeks', () => {
  it.each([
    ['2024-12-30', '2025-W01'],
    ['2027-01-01', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2026-12-28', '2026-W53'],
    ['2020-12-31', '2020-W53'],
    ['2021-01-03', '2020-W53'],
    ['2021-01-04', '2021-W01'],
    ['2026-01-01', '2026-W01'],
    ['2025-12-29', '2026-W01'],
    ['2025-12-28', '2025-W52'],
    ['2026-06-15', '2026-W25'],
    ['2024-02-29', '2024-W09'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });

  it.each([
    ['2026-W53', '2026-12-28', '2027-01-03'],
    ['2020-W53', '2020-12-28', '2021-01-03'],
    ['2025-W01', '2024-12-30', '2025-01-05'],
    ['2026-W01', '2025-12-29', '2026-01-04'],
    ['2026-W25', '2026-06-15', '2026-06-21'],
  ])('%s runs from Monday %s to Sunday %s', (week, monday, sunday) => {
    expect(weekStart(week)).toBe(monday);
    expect(weekEnd(week)).toBe(sunday);
    expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it.each([
    [2020, 53],
    [2015, 53],
    [2026, 53],
    [2032, 53],
    [2021, 52],
    [2024, 52],
    [2025, 52],
    [2027, 52],
  ])('%i has %i weeks', (year, n) => {
    expect(weeksInYear(year)).toBe(n);
  });

  it('moves across year ends, week 53 included', () => {
    expect(addWeeks('2026-W53', 1)).toBe('2027-W01');
    expect(addWeeks('2027-W01', -1)).toBe('2026-W53');
    expect(addWeeks('2025-W52', 1)).toBe('2026-W01');
    expect(addWeeks('2027-W01', -3)).toBe('2026-W51');
    expect(addWeeks('2026-W10', 0)).toBe('2026-W10');
    expect(addWeeks('2026-W01', 104)).toBe('2027-W52');
  });

  it('lists the weeks between two weeks, both included', () => {
    expect(weeksBetween('2026-W52', '2027-W02')).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    expect(weeksBetween('2025-W52', '2026-W01')).toEqual(['2025-W52', '2026-W01']);
    expect(weeksBetween('2026-W05', '2026-W05')).toEqual(['2026-W05']);
    expect(weeksBetween('2026-W06', '2026-W05')).toEqual([]);
    expect(weekDiff('2026-W01', '2027-W01')).toBe(53);
    expect(weekDiff('2027-W01', '2026-W01')).toBe(-53);
  });

  it('parses and formats weeks', () => {
    expect(parseWeek('2026-W05')).toEqual({ year: 2026, week: 5 });
    expect(formatWeek(2026, 5)).toBe('2026-W05');
    expect(() => parseWeek('2026-5')).toThrow(RangeError);
  });

  it.each([
    ['2026-W53', true],
    ['2020-W53', true],
    ['2026-W01', true],
    ['2025-W53', false],
    ['2027-W53', false],
    ['2026-W00', false],
    ['2026-W54', false],
    ['2026-W5', false],
    ['2026W05', false],
    ['2026-05', false],
    ['1899-W10', false],
    ['3000-W10', false],
  ])('isoWeek %s → %s', (value, ok) => {
    expect(isoWeek.safeParse(value).success).toBe(ok);
  });

  it('says what is wrong with a week, once', () => {
    expect(messages(isoWeek.safeParse('2025-W53'))).toEqual(['This week does not exist in that year']);
    expect(messages(isoWeek.safeParse('2026-13'))).toEqual(['Use an ISO week as YYYY-Www, e.g. 2026-W05']);
    expect(messages(isoWeek.safeParse('0001-W01'))).toEqual(['Use a year between 1900 and 2999']);
  });
});

const anyDate = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const anyWeek = anyDate.map(isoWeekOf);

describe('ISO week properties', () => {
  it('a week is the week of its Monday and of its Sunday, and holds its dates', () => {
    fc.assert(
      fc.property(anyWeek, (w) => {
        expect(isoWeekOf(weekStart(w))).toBe(w);
        expect(isoWeekOf(weekEnd(w))).toBe(w);
        expect(isoWeek.safeParse(w).success).toBe(true);
      }),
    );
    fc.assert(
      fc.property(anyDate, (d) => {
        const w = isoWeekOf(d);
        expect(weekStart(w) <= d && d <= weekEnd(w)).toBe(true);
      }),
    );
  });

  it('addWeeks goes there and back, and weekDiff measures it', () => {
    fc.assert(
      fc.property(anyWeek, fc.integer({ min: -300, max: 300 }), (w, n) => {
        const moved = addWeeks(w, n);
        expect(addWeeks(moved, -n)).toBe(w);
        expect(weekDiff(w, moved)).toBe(n);
        expect(moved > w).toBe(n > 0);
      }),
    );
  });

  it('consecutive weeks start 7 days apart and have no gap', () => {
    fc.assert(
      fc.property(anyWeek, (w) => {
        const next = addWeeks(w, 1);
        expect(weekStart(next)).toBe(addDays(weekStart(w), 7));
        expect(addDays(weekEnd(w), 1)).toBe(weekStart(next));
        const { year, week } = parseWeek(w);
        const expected = week < weeksInYear(year) ? formatWeek(year, week + 1) : formatWeek(year + 1, 1);
        expect(next).toBe(expected);
      }),
    );
  });
});
