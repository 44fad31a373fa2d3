import { describe, expect, it } from 'vitest';
import type { ItemCategory } from './catalogue';
import { eligibilityWarnings } from './distributions';

const clothingMonthly = [{ category: 'clothing', intervalDays: 30, allowed: 1 }] as const;
const line = (distributionId: string, occurredOn: string, category: ItemCategory = 'clothing') => ({
  distributionId,
  category,
  occurredOn,
});

describe('eligibilityWarnings', () => {
  it('warns about a second clothing set within 30 days, naming the earlier one', () => {
    const w = eligibilityWarnings([...clothingMonthly], ['clothing'], '2026-10-20', [
      line('d1', '2026-10-01'),
    ]);
    expect(w).toEqual([
      {
        category: 'clothing',
        intervalDays: 30,
        allowed: 1,
        previous: [{ distributionId: 'd1', occurredOn: '2026-10-01' }],
      },
    ]);
  });

  it('does not warn from the 30th day on, nor for another category, nor without a rule', () => {
    expect(
      eligibilityWarnings([...clothingMonthly], ['clothing'], '2026-10-31', [line('d1', '2026-10-01')]),
    ).toEqual([]);
    expect(
      eligibilityWarnings([...clothingMonthly], ['hygiene'], '2026-10-02', [line('d1', '2026-10-01')]),
    ).toEqual([]);
    expect(eligibilityWarnings([], ['clothing'], '2026-10-02', [line('d1', '2026-10-01')])).toEqual([]);
  });

  it('checks a backdated entry against later distributions too', () => {
    const w = eligibilityWarnings([...clothingMonthly], ['clothing'], '2026-10-01', [
      line('d2', '2026-10-20'),
    ]);
    expect(w[0]?.previous).toEqual([{ distributionId: 'd2', occurredOn: '2026-10-20' }]);
  });

  it('counts distribution events, not lines, against the number allowed', () => {
    const rules = [{ category: 'hygiene' as const, intervalDays: 30, allowed: 2 }];
    // two lines of one event are one distribution: still allowed
    const one = [line('d1', '2026-10-01', 'hygiene'), line('d1', '2026-10-01', 'hygiene')];
    expect(eligibilityWarnings(rules, ['hygiene'], '2026-10-10', one)).toEqual([]);
    const two = [...one, line('d2', '2026-10-05', 'hygiene')];
    expect(eligibilityWarnings(rules, ['hygiene'], '2026-10-10', two)).toHaveLength(1);
  });
});
