import { describe, expect, it } from 'vitest';
import {
  alertListQuery,
  alertView,
  epidemicCurveQuery,
  MAX_CURVE_WEEKS,
  ratePer1000,
  surveillanceRow,
  surveillanceWeekQuery,
  zeroCounts,
} from './surveillance';
import { SYNDROMES } from './syndromes';
import { addWeeks } from './weeks';

const CENTRE = '0192f0c4-7d2e-7a3b-8c4d-5e6f7a8b9c0d';
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : (r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? []);

describe('rates per 1,000', () => {
  it.each([
    [3, 150, 20],
    [1, 3, 333.3],
    [2, 3, 666.7],
    [0, 500, 0],
    [7, 1234, 5.7],
  ])('%i cases in %i people → %d', (cases, population, rate) => {
    expect(ratePer1000(cases, population)).toBe(rate);
  });
  it.each([null, 0, -5])('population %s → no rate', (population) => {
    expect(ratePer1000(4, population)).toBeNull();
  });
});

describe('the weekly table', () => {
  it('takes an existing week and an optional centre', () => {
    expect(surveillanceWeekQuery.parse({ week: '2026-W53' })).toEqual({ week: '2026-W53' });
    expect(surveillanceWeekQuery.safeParse({ week: '2025-W53' }).success).toBe(false);
    expect(surveillanceWeekQuery.safeParse({ week: '2026-W10', centreId: 'x' }).success).toBe(false);
    expect(surveillanceWeekQuery.safeParse({ week: '2026-W10', other: 1 }).success).toBe(false);
  });

  it('a row has a count and a rate for every syndrome', () => {
    const counts = { ...zeroCounts(), scabies: 3 };
    const rates = Object.fromEntries(SYNDROMES.map((s) => [s, ratePer1000(counts[s], null)]));
    const row = {
      centreId: CENTRE,
      centreName: 'A',
      week: '2026-W10',
      population: null,
      consultations: 9,
      counts,
      rates,
    };
    expect(surveillanceRow.safeParse(row).success).toBe(true);
    expect(Object.keys(zeroCounts())).toEqual([...SYNDROMES]);
    const { scabies: _, ...missing } = counts;
    expect(surveillanceRow.safeParse({ ...row, counts: missing }).success).toBe(false);
  });
});

describe('the epidemic curve query', () => {
  const q = (from: string, to: string) => epidemicCurveQuery.safeParse({ syndrome: 'scabies', from, to });

  it('accepts up to 106 weeks, across week 53', () => {
    expect(q('2026-W52', '2027-W02').success).toBe(true);
    expect(q('2026-W10', '2026-W10').success).toBe(true);
    expect(q('2026-W01', addWeeks('2026-W01', MAX_CURVE_WEEKS - 1)).success).toBe(true);
  });

  it('refuses more than 106 weeks, on the last week', () => {
    expect(issues(q('2026-W01', addWeeks('2026-W01', MAX_CURVE_WEEKS)))).toEqual([
      'to: Choose at most 106 weeks',
    ]);
  });

  it('refuses a last week before the first, on the last week', () => {
    expect(issues(q('2027-W01', '2026-W53'))).toEqual(['to: Choose a last week after the first']);
  });

  it('says only what is wrong with a malformed or missing week', () => {
    expect(issues(q('2026-10', '2026-W12'))).toEqual(['from: Use an ISO week as YYYY-Www, e.g. 2026-W05']);
    expect(issues(q('2026-W10', '2025-W53'))).toEqual(['to: This week does not exist in that year']);
    expect(issues(q('2026-W10', '2027-W53'))).toEqual(['to: This week does not exist in that year']);
    expect(issues(epidemicCurveQuery.safeParse({ syndrome: 'scabies', from: '2026-W01' })).length).toBe(1);
    expect(
      epidemicCurveQuery.safeParse({ syndrome: 'plague', from: '2026-W01', to: '2026-W02' }).success,
    ).toBe(false);
  });
});

describe('alerts', () => {
  const alert = {
    id: CENTRE,
    centreId: CENTRE,
    centreName: 'A',
    week: '2026-W53',
    syndrome: 'measles',
    ruleCode: 'measles_case',
    kind: 'count',
    value: 1,
    threshold: 1,
    cases: 1,
    status: 'new',
    raisedAt: '2027-01-04T06:00:00.000Z',
    actedBy: null,
    version: 1,
    allowedActions: ['verify', 'discard'],
  };

  it('a doubling over a mean of 0 has no value', () => {
    expect(alertView.safeParse(alert).success).toBe(true);
    expect(alertView.safeParse({ ...alert, kind: 'doubling', value: null }).success).toBe(true);
    expect(alertView.safeParse({ ...alert, status: 'closed' }).success).toBe(false);
  });

  it('lists by status, centre, syndrome and week, newest first, 50 at a time', () => {
    expect(alertListQuery.parse({ status: 'new', limit: '20' })).toEqual({
      status: 'new',
      limit: 20,
      order: 'desc',
    });
    expect(alertListQuery.parse({})).toMatchObject({ limit: 50, order: 'desc' });
    expect(alertListQuery.safeParse({ week: '2025-W53' }).success).toBe(false);
    expect(alertListQuery.safeParse({ syndrome: 'plague' }).success).toBe(false);
    expect(alertListQuery.safeParse({ status: 'open' }).success).toBe(false);
    expect(alertListQuery.safeParse({ limit: '500' }).success).toBe(false);
  });
});
