import { describe, expect, it } from 'vitest';
import { addMonths, lastWholeMonth, monthsEnding } from './reports';

describe('calendar months of the consumption report', () => {
  it('steps over year ends both ways', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-03', -15)).toBe('2024-12');
  });
  it('takes the last whole month before a day, January included', () => {
    expect(lastWholeMonth('2026-11-02')).toBe('2026-10');
    expect(lastWholeMonth('2027-01-31')).toBe('2026-12');
  });
  it('lists n months ending with the last, oldest first', () => {
    expect(monthsEnding('2027-02', 4)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsEnding('2026-10', 1)).toEqual(['2026-10']);
  });
});
