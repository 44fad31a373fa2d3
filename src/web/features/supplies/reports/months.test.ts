import { describe, expect, it } from 'vitest';
import { formatMonth } from './months.ts';

describe('consumption months', () => {
  it('names a YYYY-MM month in words, with Latin digits', () => {
    expect(formatMonth('2026-03')).toMatch(/2026/);
    expect(formatMonth('2026-03')).not.toMatch(/\d{4}-\d{2}/);
  });

  it('leaves anything else as it is', () => {
    expect(formatMonth('soon')).toBe('soon');
  });
});
