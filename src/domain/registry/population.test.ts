import { describe, expect, it } from 'vitest';
import { publishBreakdowns, publishSeries, publishTotal } from './population';

describe('publishBreakdowns', () => {
  const breakdowns = { sex: [3, 7, 0, 0], age: [0, 1, 1, 6, 1, 1], nationality: [5, 2, 2, 1] };

  it('shows everything to those who may see people', () => {
    expect(publishBreakdowns(breakdowns, 10, true)).toEqual({ total: 10, breakdowns, suppressed: false });
  });

  it('protects each breakdown for the others, keeping a total no cell can be worked out from', () => {
    const out = publishBreakdowns(breakdowns, 10, false);
    expect(out.total).toBe(10);
    expect(out.suppressed).toBe(true);
    expect(out.breakdowns.sex).toEqual([null, null, 0, 0]);
    expect(out.breakdowns.age).toEqual([0, null, null, 6, null, null]);
    expect(out.breakdowns.nationality).toEqual([5, null, null, null]);
  });

  it('hides a total under the threshold', () => {
    const out = publishBreakdowns({ sex: [3, 0] }, 3, false);
    expect(out).toEqual({ total: null, breakdowns: { sex: [null, 0] }, suppressed: true });
  });
});

describe('publishTotal', () => {
  it('hides a headcount from 1 to 4 unless the reader sees people; never 0 nor a larger one', () => {
    expect(publishTotal(3, false)).toEqual({ total: null, suppressed: true });
    expect(publishTotal(3, true)).toEqual({ total: 3, suppressed: false });
    expect(publishTotal(0, false)).toEqual({ total: 0, suppressed: false });
    expect(publishTotal(5, false)).toEqual({ total: 5, suppressed: false });
  });
});

describe('publishSeries', () => {
  it('hides small daily counts from those who may not see people', () => {
    expect(publishSeries([0, 3, 5, 12], false)).toEqual([0, null, 5, 12]);
    expect(publishSeries([0, 3, 5, 12], true)).toEqual([0, 3, 5, 12]);
  });
});
