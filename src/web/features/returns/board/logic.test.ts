import { describe, expect, it } from 'vitest';
import { RETURN_STATES } from '../../../../domain/returns/states.ts';
import { PHASES, periodDates, roundDays, validPeriod } from './logic.ts';

describe('the headline periods', () => {
  it('are calendar years or the twelve months up to today', () => {
    expect(periodDates('thisYear', '2026-11-02')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodDates('lastYear', '2026-11-02')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(periodDates('last12Months', '2026-11-02')).toEqual({ from: '2025-11-03', to: '2026-11-02' });
    expect(periodDates('last12Months', '2028-02-29')).toEqual({ from: '2027-03-02', to: '2028-02-29' });
  });
  it('accepts a custom period only with both dates in order', () => {
    expect(validPeriod({ from: '2026-01-01', to: '2026-03-31' })).toBe(true);
    expect(validPeriod({ from: '2026-04-01', to: '2026-03-31' })).toBe(false);
    expect(validPeriod({ from: '2026-04-01' })).toBe(false);
    expect(validPeriod({ from: '2026-4-1', to: '2026-05-01' })).toBe(false);
  });
});

describe('the board', () => {
  it('shows every state once, in the order a case moves', () => {
    const shown = PHASES.flatMap((p) => p.states);
    expect([...shown].sort()).toEqual([...RETURN_STATES].sort());
    expect(shown.indexOf('requested')).toBeLessThan(shown.indexOf('booked'));
    expect(shown.slice(-3)).toEqual(['withdrawn', 'ineligible', 'no_show']);
  });
  it('rounds days to one decimal under ten, whole days above', () => {
    expect(roundDays(1.54)).toBe(1.5);
    expect(roundDays(17.5)).toBe(18);
    expect(roundDays(0)).toBe(0);
  });
});
