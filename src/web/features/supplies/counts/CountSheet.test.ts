import { describe, expect, it } from 'vitest';
import { differenceOf } from './CountSheet.tsx';

describe('count sheet', () => {
  it('shows the difference against the on-hand now, not at the sheet’s creation', () => {
    // counted 100 when the sheet was opened; 10 were issued since: the on-hand is now 90
    expect(differenceOf({ counted: 100, reason: null, text: '' }, 90)).toBe(10);
    expect(differenceOf({ counted: 90, reason: null, text: '' }, 90)).toBe(0);
  });

  it('has no difference for a line not yet counted', () => {
    expect(differenceOf({ counted: '', reason: null, text: '' }, 90)).toBeNull();
    expect(differenceOf(undefined, 90)).toBeNull();
  });
});
