import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY } from '../../../../domain/returns/sustainability.ts';
import { byDimension, formatMinor, percent, unanswered } from './logic.ts';

describe('reintegration page helpers', () => {
  it('formats minor units in the currency’s own digits', () => {
    expect(formatMinor(125_000, 'USD', 'en')).toBe('$1,250.00');
    expect(formatMinor(1_500, 'LYD', 'en')).toMatch(/1\.500/);
    expect(formatMinor(1_000, 'JPY', 'en')).toBe('¥1,000');
  });

  it('reads scores as percentages', () => {
    expect(percent(0.875)).toBe(88);
    expect(percent(0)).toBe(0);
  });

  it('lists unanswered questions and groups questions by dimension', () => {
    const all = DEFAULT_SURVEY.questions.map((q) => q.id);
    expect(unanswered(DEFAULT_SURVEY, {})).toEqual(all);
    expect(unanswered(DEFAULT_SURVEY, { income: 'regular' })).toEqual(all.filter((id) => id !== 'income'));
    const groups = byDimension(DEFAULT_SURVEY);
    expect(groups.map((g) => g.dimension.key)).toEqual(['economic', 'social', 'psychosocial']);
    expect(groups.flatMap((g) => g.questions).length).toBe(DEFAULT_SURVEY.questions.length);
  });
});
