import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrast, DIMMED, darkenFor, theme } from './theme.ts';

const AA = 4.5;

describe('theme colours meet WCAG AA for text', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21);
    // Mantine's teal 6, the old primary: white on it was unreadable
    expect(contrast('#ffffff', DEFAULT_THEME.colors.teal[6])).toBeCloseTo(2.55, 1);
  });

  it('darkens a colour only as far as needed', () => {
    expect(darkenFor('#000000', ['#ffffff'])).toBe('#000000');
    const teal = darkenFor(DEFAULT_THEME.colors.teal[6], ['#ffffff']);
    expect(contrast(teal, '#ffffff')).toBeGreaterThanOrEqual(AA);
    expect(contrast(teal, '#ffffff')).toBeLessThan(5.5);
  });

  it('draws every colour’s text shades readable on white and on its pale tints', () => {
    expect(theme.primaryShade).toEqual({ light: 8, dark: 8 });
    for (const [name, c] of Object.entries(theme.colors ?? {})) {
      if (!c || name === 'dark') continue;
      for (const bg of ['#ffffff', c[0], c[1]]) {
        expect(contrast(c[8], bg), `${name} 8 on ${bg}`).toBeGreaterThanOrEqual(AA);
        expect(contrast(c[9], bg), `${name} 9 on ${bg}`).toBeGreaterThanOrEqual(AA);
      }
      expect(contrast(c[9], c[2]), `${name} 9 on its hover tint`).toBeGreaterThanOrEqual(AA);
    }
  });

  it('keeps helper text readable on white and the light greys', () => {
    for (const bg of ['#ffffff', ...DEFAULT_THEME.colors.gray.slice(0, 3)]) {
      expect(contrast(DIMMED, bg)).toBeGreaterThanOrEqual(AA);
    }
  });
});
